package org.mifid.workbench.ui.histogram;

import java.util.Arrays;
import java.util.List;
import org.mifid.workbench.store.LeaderboardRow;

/**
 * What a threshold does, counted in submissions: how many it flags (distance strictly below it), how many of those
 * are labelled legitimate, its percentile among all submissions, and (threshold-free) the AUC of the distance as a
 * memorization detector where labels exist.
 */
public record ThresholdCounts(int total, int flagged, int flaggedLabelledClean, double percentile, double auc) {

    /** Precomputed sorted distances so that each threshold move costs two binary searches. */
    public static final class Index {
        private final double[] all;
        private final double[] clean;
        private final double auc;

        public Index(List<LeaderboardRow> rows) {
            all = rows.stream().mapToDouble(r -> r.score().distance()).filter(Double::isFinite).sorted().toArray();
            clean = rows.stream().filter(r -> r.submission().labelledClean())
                    .mapToDouble(r -> r.score().distance()).filter(Double::isFinite).sorted().toArray();
            double[] memorizers = rows.stream().filter(r -> r.submission().labelledMemorizer())
                    .mapToDouble(r -> r.score().distance()).filter(Double::isFinite).sorted().toArray();
            auc = auc(memorizers, clean);
        }

        public ThresholdCounts at(double threshold) {
            int flagged = below(all, threshold);
            return new ThresholdCounts(all.length, flagged, below(clean, threshold),
                    all.length == 0 ? 0 : 100.0 * flagged / all.length, auc);
        }

        /** Values strictly below {@code threshold} in a sorted array (the penalty applies strictly below). */
        private static int below(double[] sorted, double threshold) {
            int lo = 0;
            int hi = sorted.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] < threshold) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /**
         * Probability that a labelled memorizer has a smaller distance than a labelled clean submission (ties count
         * half): the ROC AUC of "low distance means memorized". NaN without both kinds of label.
         */
        static double auc(double[] positives, double[] negatives) {
            if (positives.length == 0 || negatives.length == 0) {
                return Double.NaN;
            }
            double wins = 0;
            for (double p : positives) {
                int lower = below(negatives, p);
                int lowerOrEqual = below(negatives, Math.nextUp(p));
                wins += (negatives.length - lowerOrEqual) + 0.5 * (lowerOrEqual - lower);
            }
            return wins / ((double) positives.length * negatives.length);
        }

        public double[] sortedDistances() {
            return Arrays.copyOf(all, all.length);
        }
    }
}
