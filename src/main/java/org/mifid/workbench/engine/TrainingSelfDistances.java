package org.mifid.workbench.engine;

import org.mifid.workbench.core.ProgressMonitor;

/**
 * Training images' cosine distances to their nearest other training image, for chosen rows only: authenticity
 * needs them for the training images that are some generated image's nearest, the default image-level threshold
 * for a sample. Searching all 20,000 training rows against themselves would cost twice the memorization search.
 */
public final class TrainingSelfDistances {
    private final MemorizationSearch search;
    private final NeighbourRefinement refinement;

    /**
     * @param search a search keeping at least 2 neighbours (the nearest is usually the row itself)
     * @param refinement the space's refinement of the search's distances, as the generated images get it
     */
    public TrainingSelfDistances(MemorizationSearch search, NeighbourRefinement refinement) {
        this.search = search;
        this.refinement = refinement;
    }

    /** Distance of each given training row to its nearest other training row (NaN for a row the metric drops). */
    public double[] of(FeatureMatrix train, int[] rows, ProgressMonitor monitor) {
        FeatureMatrix queries = DataCopyingTest.rows(train, rows);
        Neighbours n = refinement.refine(queries, search.search(queries, train, monitor).neighbours(), monitor);
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
