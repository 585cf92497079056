package org.mifid.workbench.engine;

/**
 * The authenticity test of Alaa et al. (ICML 2022), reported as the share of generated images that fail it:
 * an image closer to its nearest training image than that training image is to its own nearest training
 * neighbour is not explained by the training set's spread, and a copy fails it at any network.
 */
public final class Authenticity {
    private Authenticity() {
    }

    /**
     * @param neighbours the memorization search's neighbours of the generated images
     * @param rows the generated rows to test (all of them, or an evenly spaced sample)
     * @param selfDistance training row index -> its distance to its nearest other training row (NaN if unknown)
     * @return share of generated images (with a distance) closer than their neighbour's own neighbour; NaN for none
     */
    public static double inauthenticShare(Neighbours neighbours, int[] rows,
                                          java.util.function.IntToDoubleFunction selfDistance) {
        int counted = 0;
        int failing = 0;
        for (int i : rows) {
            float d = neighbours.nearest(i);
            if (!Float.isFinite(d)) {
                continue;
            }
            counted++;
            if (d < selfDistance.applyAsDouble(neighbours.index(i, 0))) {
                failing++;
            }
        }
        return counted == 0 ? Double.NaN : (double) failing / counted;
    }

    /** The distinct training rows that are the nearest of one of the given generated rows, ascending. */
    public static int[] nearestTrainingRows(Neighbours neighbours, int[] rows) {
        return java.util.Arrays.stream(rows)
                .filter(i -> Float.isFinite(neighbours.nearest(i)))
                .map(i -> neighbours.index(i, 0)).distinct().sorted().toArray();
    }
}
