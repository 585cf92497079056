package org.mifid.workbench.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.mifid.workbench.core.ProgressMonitor;

/**
 * A training set in one descriptor space, with the search and refinement the measures use there, and what they
 * derive from the training set alone, computed on first use and kept: the training images' distances to their
 * nearest other training image (by row) and C_T's cells (by their number). One instance serves a board's
 * submissions in turn, so the default threshold's sample is searched and the k-means fitted for the first
 * submission only, and a training image that is nearest to images of several submissions is searched once.
 */
public final class TrainingSpace {
    private final FeatureMatrix train;
    private final MemorizationSearch search;
    private final NeighbourRefinement refinement;
    private final double[] selfDistances;
    private final boolean[] known;
    private final Map<Integer, DataCopyingTest.Partition> partitions = new HashMap<>();

    /**
     * @param search a search keeping at least 2 neighbours (a training row's nearest is usually itself)
     * @param refinement the space's refinement of the search's distances, as the generated images get it
     */
    public TrainingSpace(FeatureMatrix train, MemorizationSearch search, NeighbourRefinement refinement) {
        this.train = train;
        this.search = search;
        this.refinement = refinement;
        this.selfDistances = new double[train.rows()];
        this.known = new boolean[train.rows()];
    }

    public FeatureMatrix train() {
        return train;
    }

    MemorizationSearch search() {
        return search;
    }

    NeighbourRefinement refinement() {
        return refinement;
    }

    /**
     * Distance of each given training row to its nearest other training row, refined as the generated images'
     * are (NaN for a row the metric drops); only rows not asked for before are searched. Searching all 20,000
     * rows against themselves would cost twice the memorization search, so only the rows asked for are.
     * Synchronized, as is {@link #partition}: scorings of one board share the instance.
     */
    public synchronized double[] selfDistances(int[] rows, ProgressMonitor monitor) {
        int[] missing = Arrays.stream(rows).filter(r -> !known[r]).distinct().toArray();
        if (missing.length > 0) {
            FeatureMatrix queries = DataCopyingTest.rows(train, missing);
            Neighbours n = refinement.refine(queries, search.search(queries, train, monitor).neighbours(), monitor);
            for (int i = 0; i < missing.length; i++) {
                selfDistances[missing[i]] = nearestOther(n, i, missing[i]);
            }
            for (int row : missing) {
                known[row] = true;
            }
        }
        return Arrays.stream(rows).mapToDouble(r -> selfDistances[r]).toArray();
    }

    /** C_T's partition of the training set into {@code cells} cells. */
    synchronized DataCopyingTest.Partition partition(int cells) {
        return partitions.computeIfAbsent(cells, c -> DataCopyingTest.Partition.of(train, c));
    }

    private static double nearestOther(Neighbours n, int query, int row) {
        for (int r = 0; r < n.k(); r++) {
            int index = n.index(query, r);
            if (index >= 0 && index != row) {
                return n.distance(query, r);
            }
        }
        return Double.NaN;
    }
}
