package org.mifid.workbench.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.Device;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mifid.workbench.core.ProgressMonitor;

/**
 * A board's training space keeps what its earlier submissions computed: a later submission's measures are the
 * ones a fresh space gives, and nothing kept is computed again.
 */
class TrainingSpaceTest {
    private static final MemorizationSearch SEARCH = MemorizationSearch.builder().k(5).blockSize(64)
            .device(Device.cpu()).build();

    @Test
    void aLaterSubmissionGetsTheMeasuresOfAFreshSpace() {
        FeatureMatrix train = clustered(1500, 1);
        FeatureMatrix held = clustered(300, 2);
        FeatureMatrix first = clustered(800, 3);
        FeatureMatrix later = clustered(800, 4);
        TrainingSpace shared = new TrainingSpace(train, SEARCH, NeighbourRefinement.NONE);
        measure(first, held, shared);

        CopyMeasures reused = measure(later, held, shared);
        CopyMeasures fresh = measure(later, held, new TrainingSpace(train, SEARCH, NeighbourRefinement.NONE));
        assertEquals(fresh.distances(), reused.distances());
        assertEquals(fresh.inauthenticShare(), reused.inauthenticShare());
        assertEquals(fresh.ct(), reused.ct());
        assertFalse(Double.isNaN(reused.ct()), "the fixture's cells qualify for C_T");
    }

    @Test
    void keptValuesAreNotComputedAgain() {
        FeatureMatrix train = clustered(600, 5);
        int[] rows = {3, 70, 599};
        TrainingSpace space = new TrainingSpace(train, SEARCH, new CountingRefinement());
        double[] once = space.selfDistances(rows, ProgressMonitor.NONE);
        double[] again = space.selfDistances(new int[] {599, 3, 70}, ProgressMonitor.NONE);
        assertArrayEquals(new double[] {once[2], once[0], once[1]}, again);
        assertEquals(1, ((CountingRefinement) space.refinement()).calls, "the second call searched nothing");
        assertSame(space.partition(4), space.partition(4));
    }

    private static CopyMeasures measure(FeatureMatrix generated, FeatureMatrix held, TrainingSpace space) {
        Neighbours n = SEARCH.search(generated, space.train(), ProgressMonitor.NONE).neighbours();
        return CopyMeasures.compute(generated, held, n, null, space, ProgressMonitor.NONE);
    }

    /** Rows around 12 fixed directions, so cells and nearest neighbours mean something. */
    private static FeatureMatrix clustered(int rows, long seed) {
        int d = 24;
        Random centres = new Random(99);
        float[][] c = new float[12][d];
        for (float[] row : c) {
            for (int j = 0; j < d; j++) {
                row[j] = (float) centres.nextGaussian();
            }
        }
        Random r = new Random(seed);
        float[] x = new float[rows * d];
        for (int i = 0; i < rows; i++) {
            float[] centre = c[r.nextInt(c.length)];
            for (int j = 0; j < d; j++) {
                x[i * d + j] = centre[j] + 0.4f * (float) r.nextGaussian();
            }
        }
        return new FeatureMatrix(x, rows, d);
    }

    private static final class CountingRefinement implements NeighbourRefinement {
        int calls;

        @Override
        public Neighbours refine(FeatureMatrix queries, Neighbours candidates, ProgressMonitor monitor) {
            calls++;
            return candidates;
        }
    }
}
