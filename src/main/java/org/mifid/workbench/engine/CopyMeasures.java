package org.mifid.workbench.engine;

import org.mifid.workbench.core.ProgressMonitor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The evidence of copying beyond the mean distance, in one descriptor space: copy share and the percentiles of
 * the per-image distances, authenticity, and the data-copying test when a held-out real set is given.
 *
 * @param distances the per-image summary (copy share at the image-level threshold, 5th percentile, median)
 * @param inauthenticShare share of generated images failing the authenticity test
 * @param ct the data-copying test C_T, NaN when it could not be computed
 * @param ctMissing why C_T is NaN, null when it is not
 */
public record CopyMeasures(NearestDistanceSummary distances, double inauthenticShare, double ct, String ctMissing) {

    /**
     * Training rows whose own nearest-neighbour distances set the default image-level threshold. Each costs a
     * search row; 1,000 of them put the threshold at the training set's 5th percentile to within 0.69
     * percentile points (rms over 200 random samples of 20,000 training rows at 2,048-d; 0.51 with 2,000), a
     * default the organizer can override, and keep all measures within twice the memorization search.
     */
    static final int THRESHOLD_SAMPLE = 1000;
    /**
     * Generated rows tested for authenticity: each needs its nearest training image's own nearest neighbour, a
     * search row of its own, so testing all 10,000 would cost more than the memorization search; a share
     * estimated on 2,000 evenly spaced images is within about 1 % of it.
     */
    static final int AUTHENTICITY_SAMPLE = 2000;
    /** Percentile of those distances that is the default threshold. */
    public static final double THRESHOLD_PERCENT = 5;

    /**
     * @param neighbours the memorization search's result for these generated and training features
     * @param heldOut held-out real features, or null (C_T then says so)
     * @param threshold the organizer's image-level threshold, or null for the default from the training set
     * @param search a search keeping at least 2 neighbours, the one that produced {@code neighbours}
     */
    public static CopyMeasures compute(FeatureMatrix generated, FeatureMatrix train, FeatureMatrix heldOut,
                                       Neighbours neighbours, Double threshold, MemorizationSearch search,
                                       ProgressMonitor monitor) {
        return compute(generated, train, heldOut, neighbours, threshold, search, NeighbourRefinement.NONE, monitor);
    }

    /**
     * As above, with the space's refinement of the search's distances: the copy share, the percentiles, the
     * threshold's training distances and authenticity read refined distances; C_T keeps the search's on both of
     * its sides (refining the generated side only would bias it).
     */
    public static CopyMeasures compute(FeatureMatrix generated, FeatureMatrix train, FeatureMatrix heldOut,
                                       Neighbours searched, Double threshold, MemorizationSearch search,
                                       NeighbourRefinement refinement, ProgressMonitor monitor) {
        return compute(generated, heldOut, searched, threshold, new TrainingSpace(train, search, refinement),
                monitor);
    }

    /**
     * As above, in {@code space}: its training set, search and refinement, and what it already holds from a
     * board's earlier submissions.
     */
    public static CopyMeasures compute(FeatureMatrix generated, FeatureMatrix heldOut, Neighbours searched,
                                       Double threshold, TrainingSpace space, ProgressMonitor monitor) {
        FeatureMatrix train = space.train();
        Neighbours neighbours = space.refinement().refine(generated, searched, monitor);
        int[] tested = DataCopyingTest.evenlySpaced(neighbours.size(), AUTHENTICITY_SAMPLE);
        int[] nearestRows = Authenticity.nearestTrainingRows(neighbours, tested);
        int[] sample = DataCopyingTest.evenlySpaced(train.rows(), THRESHOLD_SAMPLE);
        int[] rows = IntStream.concat(Arrays.stream(nearestRows), Arrays.stream(sample)).distinct().sorted().toArray();
        double[] selfDistances = space.selfDistances(rows, monitor);
        Map<Integer, Double> selfByRow = new HashMap<>();
        for (int i = 0; i < rows.length; i++) {
            selfByRow.put(rows[i], selfDistances[i]);
        }
        double chosen = threshold != null ? threshold
                : NearestDistanceSummary.defaultThreshold(
                        Arrays.stream(sample).mapToDouble(selfByRow::get).toArray(), THRESHOLD_PERCENT);
        float[] nearest = new float[neighbours.size()];
        for (int i = 0; i < nearest.length; i++) {
            nearest[i] = neighbours.nearest(i);
        }
        NearestDistanceSummary summary = NearestDistanceSummary.of(nearest, chosen);
        double inauthentic = Authenticity.inauthenticShare(neighbours, tested, row -> selfByRow.getOrDefault(row, Double.NaN));
        if (heldOut == null) {
            return new CopyMeasures(summary, inauthentic, Double.NaN, "no held-out real set registered");
        }
        DataCopyingTest.Result ct = new DataCopyingTest(space.search()).test(generated, searched, heldOut, space,
                monitor);
        return new CopyMeasures(summary, inauthentic, ct.value(),
                Double.isNaN(ct.value()) ? "no cell holds enough generated and held-out images" : null);
    }
}
