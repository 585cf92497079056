package org.mifid.workbench.review;

import java.util.List;
import org.mifid.workbench.store.LeaderboardRow;

/**
 * Memorization distances binned over [min, max], each bin split into the categories of a {@link ColourBy}: the one
 * binning that the histogram page and the HTML report draw.
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
