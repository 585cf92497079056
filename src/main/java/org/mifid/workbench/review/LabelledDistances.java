package org.mifid.workbench.review;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The memorization distances of a leaderboard's submissions with what inspection found: a labelled memorizer,
 * a labelled clean submission, or neither (not inspected). Lower distance means closer to the training set.
 */
public final class LabelledDistances {
    /** What inspection said about a submission. */
    public enum Truth { MEMORIZER, CLEAN, UNLABELLED }

    private final double[] distances;
    private final Truth[] truth;

    public LabelledDistances(double[] distances, Truth[] truth) {
        if (distances.length != truth.length) {
            throw new IllegalArgumentException(distances.length + " distances but " + truth.length + " labels");
        }
        this.distances = distances.clone();
        this.truth = truth.clone();
    }

    /** What a submission's label says: memorizer, clean, or not inspected. */
    public static Truth truthOf(org.mifid.workbench.core.Submission s) {
        return s.labelledMemorizer() ? Truth.MEMORIZER : s.labelledClean() ? Truth.CLEAN : Truth.UNLABELLED;
    }

    public int size() {
        return distances.length;
    }

    public FlagCounts countAt(double threshold) {
        int flagged = 0;
        int memorizers = 0;
        int flaggedMemorizers = 0;
        int clean = 0;
        int flaggedClean = 0;
        for (int i = 0; i < distances.length; i++) {
            boolean flag = distances[i] < threshold;
            flagged += flag ? 1 : 0;
            if (truth[i] == Truth.MEMORIZER) {
                memorizers++;
                flaggedMemorizers += flag ? 1 : 0;
            } else if (truth[i] == Truth.CLEAN) {
                clean++;
                flaggedClean += flag ? 1 : 0;
            }
        }
        return new FlagCounts(threshold, distances.length, flagged, memorizers, flaggedMemorizers, clean,
                flaggedClean);
    }

    /** The counts at each threshold, in the given order. */
    public List<FlagCounts> sweep(double[] thresholds) {
        List<FlagCounts> out = new ArrayList<>(thresholds.length);
        for (double t : thresholds) {
            out.add(countAt(t));
        }
        return out;
    }

    /** {@code steps} evenly spaced thresholds from {@code from} to {@code to} inclusive. */
    public static double[] grid(double from, double to, int steps) {
        if (steps < 2 || !(to > from)) {
            throw new IllegalArgumentException("a sweep needs from < to and at least 2 steps");
        }
        double[] t = new double[steps];
        for (int i = 0; i < steps; i++) {
            t[i] = from + (to - from) * i / (steps - 1);
        }
        return t;
    }

    /**
     * ROC AUC of the distance as a memorization detector, lower distance meaning memorizer: the probability that
     * a labelled memorizer has a smaller distance than a labelled clean submission, ties counting one half
     * (the Mann-Whitney statistic). NaN when either group is empty.
     */
    public double auc() {
        double[] clean = pick(Truth.CLEAN);
        double[] memorizers = pick(Truth.MEMORIZER);
        if (clean.length == 0 || memorizers.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(clean);
        double wins = 0;
        for (double m : memorizers) {
            int above = clean.length - upperBound(clean, m);
            int equal = upperBound(clean, m) - lowerBound(clean, m);
            wins += above + 0.5 * equal;
        }
        return wins / ((double) clean.length * memorizers.length);
    }

    private double[] pick(Truth kind) {
        return IntStream.range(0, distances.length).filter(i -> truth[i] == kind)
                .mapToDouble(i -> distances[i]).toArray();
    }

    /** First index whose value is >= v. */
    private static int lowerBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** First index whose value is > v. */
    private static int upperBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
