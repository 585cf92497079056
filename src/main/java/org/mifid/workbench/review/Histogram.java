package org.mifid.workbench.review;

import java.util.List;
import org.mifid.workbench.store.LeaderboardRow;

/**
 * Memorization distances binned over [min, max], each bin split into the categories of a {@link ColourBy}: the one
 * binning that the histogram page and the HTML report draw; a kind's board scores binned the same way.
 *
 * @param counts {@code counts[bin][category]}: submissions, not images
 * @param notFinite submissions whose distance is not a finite number (drawn nowhere, said in a caption)
 */
public record Histogram(double min, double max, int[][] counts, int notFinite) {

    /**
     * Bins over [0, max]: zero is where memorization lives, and the top leaves room for the threshold in force
     * ({@code atLeast}) even when every submission lies below it.
     */
    public static Histogram of(List<LeaderboardRow> rows, int bins, ColourBy colourBy, double atLeast) {
        double min = 0;
        double max = atLeast;
        for (LeaderboardRow row : rows) {
            double d = row.score().distance();
            if (Double.isFinite(d)) {
                max = Math.max(max, d);
            }
        }
        max = max <= 0 ? 1 : max * 1.05;
        int[][] counts = new int[bins][colourBy.categories().length];
        int notFinite = 0;
        for (LeaderboardRow row : rows) {
            double d = row.score().distance();
            if (Double.isFinite(d)) {
                counts[bin(d, min, max, bins)][colourBy.category(row)]++;
            } else {
                notFinite++;
            }
        }
        return new Histogram(min, max, counts, notFinite);
    }

    /**
     * A kind's board scores binned over their own range, padded by a twentieth on each side, widened to hold
     * {@code mark} too (the kind's baseline, or NaN for none): one category, the same bins and edges.
     */
    public static Histogram ofScores(double[] scores, int bins, double mark) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int notFinite = 0;
        for (double v : scores) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            } else {
                notFinite++;
            }
        }
        if (Double.isFinite(mark)) {
            lo = Math.min(lo, mark);
            hi = Math.max(hi, mark);
        }
        if (!(hi >= lo)) {
            lo = 0;
            hi = 1;
        }
        double pad = hi > lo ? (hi - lo) / 20 : 0.05;
        lo -= pad;
        hi += pad;
        int[][] counts = new int[bins][1];
        for (double v : scores) {
            if (Double.isFinite(v)) {
                counts[bin(v, lo, hi, bins)][0]++;
            }
        }
        return new Histogram(lo, hi, counts, notFinite);
    }

    /** The lower edge of a bin. */
    public double lower(int bin) {
        return min + (max - min) * bin / bins();
    }

    /** The upper edge of a bin. */
    public double upper(int bin) {
        return min + (max - min) * (bin + 1) / bins();
    }

    static int bin(double value, double min, double max, int bins) {
        int bin = (int) ((value - min) / (max - min) * bins);
        return Math.max(0, Math.min(bins - 1, bin));
    }

    public int bins() {
        return counts.length;
    }

    public int total(int bin) {
        int total = 0;
        for (int c : counts[bin]) {
            total += c;
        }
        return total;
    }

    public int tallest() {
        int tallest = 0;
        for (int b = 0; b < bins(); b++) {
            tallest = Math.max(tallest, total(b));
        }
        return tallest;
    }
}
