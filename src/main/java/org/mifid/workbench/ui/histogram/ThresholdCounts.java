package org.mifid.workbench.ui.histogram;

import java.util.List;
import org.mifid.workbench.review.FlagCounts;
import org.mifid.workbench.review.LabelledDistances;
import org.mifid.workbench.review.LeaderboardAnalysis;
import org.mifid.workbench.store.LeaderboardRow;

/**
 * What the threshold on the histogram does, counted in submissions (the analysis package counts; this adds the
 * percentile and the threshold-free AUC for display).
 */
public record ThresholdCounts(FlagCounts counts, double percentile, double auc) {

    /** The distances and labels of one leaderboard, ready to be counted at any threshold. */
    public static final class Index {
        private final LabelledDistances distances;
        private final double auc;

        public Index(List<LeaderboardRow> rows) {
            distances = LeaderboardAnalysis.labelledDistances(rows);
            auc = distances.auc();
        }

        public ThresholdCounts at(double threshold) {
            FlagCounts counts = distances.countAt(threshold);
            double percentile = counts.submissions() == 0 ? 0 : 100.0 * counts.flagged() / counts.submissions();
            return new ThresholdCounts(counts, percentile, auc);
        }
    }
}
