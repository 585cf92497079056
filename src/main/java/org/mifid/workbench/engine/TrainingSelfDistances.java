package org.mifid.workbench.engine;

import org.mifid.workbench.core.ProgressMonitor;

/**
 * Training images' cosine distances to their nearest other training image, for chosen rows only: authenticity
 * needs them for the training images that are some generated image's nearest, the default image-level threshold
 * for a sample. Searching all 20,000 training rows against themselves would cost twice the memorization search.
 */
public final class TrainingSelfDistances {
    private final MemorizationSearch search;

    /** @param search a search keeping at least 2 neighbours (the nearest is usually the row itself) */
    public TrainingSelfDistances(MemorizationSearch search) {
        this.search = search;
    }

    /** Distance of each given training row to its nearest other training row (NaN for a row the metric drops). */
    public double[] of(FeatureMatrix train, int[] rows, ProgressMonitor monitor) {
        Neighbours n = search.search(DataCopyingTest.rows(train, rows), train, monitor).neighbours();
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = Double.NaN;
            for (int r = 0; r < n.k(); r++) {
                int index = n.index(i, r);
                if (index >= 0 && index != rows[i]) {
                    out[i] = n.distance(i, r);
                    break;
                }
            }
        }
        return out;
    }
}
