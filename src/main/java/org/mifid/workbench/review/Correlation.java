package org.mifid.workbench.review;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Correlation coefficients as scipy.stats computes them: {@code pearsonr}, {@code spearmanr} (Pearson on
 * average ranks) and {@code kendalltau} with its default tau-b, which corrects for ties in either variable.
 * A coefficient that is undefined (fewer than two pairs, or a constant variable) is NaN, as in scipy.
 */
public final class Correlation {
    private Correlation() {
    }

    public static double pearson(double[] x, double[] y) {
        requirePairs(x, y);
        int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        double r = sxy / Math.sqrt(sxx * syy);
        return Math.max(-1, Math.min(1, r));
    }

    public static double spearman(double[] x, double[] y) {
        requirePairs(x, y);
        return pearson(Ranks.average(x), Ranks.average(y));
    }

    /**
     * Kendall's tau-b in O(n log n) (Knight's algorithm, as scipy): sort by x then y, count pairs tied in x and
     * in both, then count the discordant pairs as the swaps of a merge sort on y.
     */
    public static double kendallTauB(double[] x, double[] y) {
        requirePairs(x, y);
        Ranks.requireFinite(x);
        Ranks.requireFinite(y);
        int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        Integer[] boxed = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, Comparator.<Integer>comparingDouble(i -> x[i]).thenComparingDouble(i -> y[i]));
        double[] ys = new double[n];
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = x[boxed[i]];
            ys[i] = y[boxed[i]];
        }
        // pairs tied in x, and tied in both: runs of the (x, y)-sorted sequence
        long tiedX = 0;
        long tiedXY = 0;
        long runX = 1;
        long runXY = 1;
        for (int i = 1; i < n; i++) {
            boolean sameX = xs[i] == xs[i - 1];
            if (sameX) {
                runX++;
            } else {
                tiedX += pairs(runX);
                runX = 1;
            }
            if (sameX && ys[i] == ys[i - 1]) {
                runXY++;
            } else {
                tiedXY += pairs(runXY);
                runXY = 1;
            }
        }
        tiedX += pairs(runX);
        tiedXY += pairs(runXY);
        // within a run of equal x the ys are ascending, so every inversion left is a discordant pair
        long swaps = mergeSortSwaps(ys, new double[n], 0, n);
        long tiedY = 0;
        long runY = 1;
        for (int i = 1; i < n; i++) {
            if (ys[i] == ys[i - 1]) {
                runY++;
            } else {
                tiedY += pairs(runY);
                runY = 1;
            }
        }
        tiedY += pairs(runY);
        long total = pairs(n);
        if (total == tiedX || total == tiedY) {
            return Double.NaN;
        }
        // concordant - discordant = total - tiedX - tiedY + tiedXY - 2 * swaps
        double numerator = (double) (total - tiedX - tiedY + tiedXY) - 2.0 * swaps;
        double tau = numerator / Math.sqrt((double) (total - tiedX) * (double) (total - tiedY));
        return Math.max(-1, Math.min(1, tau));
    }

    private static long pairs(long run) {
        return run * (run - 1) / 2;
    }

    /** Sorts {@code a[from, to)} ascending and returns how many inversions (strictly greater before smaller) it had. */
    private static long mergeSortSwaps(double[] a, double[] buffer, int from, int to) {
        if (to - from < 2) {
            return 0;
        }
        int mid = (from + to) >>> 1;
        long swaps = mergeSortSwaps(a, buffer, from, mid) + mergeSortSwaps(a, buffer, mid, to);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            if (a[j] < a[i]) {
                swaps += mid - i;
                buffer[k++] = a[j++];
            } else {
                buffer[k++] = a[i++];
            }
        }
        while (i < mid) {
            buffer[k++] = a[i++];
        }
        while (j < to) {
            buffer[k++] = a[j++];
        }
        System.arraycopy(buffer, from, a, from, to - from);
        return swaps;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

    private static void requirePairs(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("paired samples differ in length: " + x.length + " and " + y.length);
        }
    }
}
