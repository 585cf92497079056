package org.mifid.workbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FrechetDistanceTest {

    private static FeatureMatrix random(int rows, int cols, long seed, double shift) {
        Random rnd = new Random(seed);
        float[] x = new float[rows * cols];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rnd.nextGaussian() + shift + 0.3 * (i % cols));
        }
        return new FeatureMatrix(x, rows, cols);
    }

    @Test
    void distanceOfASetToItselfIsZero() {
        GaussianStatistics s = GaussianStatistics.of(random(300, 40, 1, 0));
        FrechetDistance.Result r = FrechetDistance.compute(s, s);
        assertEquals(0, r.value(), 1e-9);
        assertFalse(r.rankDeficient());
    }

    @Test
    void isSymmetric() {
        GaussianStatistics a = GaussianStatistics.of(random(300, 40, 1, 0));
        GaussianStatistics b = GaussianStatistics.of(random(500, 40, 2, 0.5));
        double ab = FrechetDistance.compute(a, b).value();
        double ba = FrechetDistance.compute(b, a).value();
        assertEquals(ab, ba, 1e-9 * ab);
        assertTrue(ab > 0.1);
    }

    @Test
    void rankDeficientSetsTakeTheEigenRouteAndAgreeWithTheCholeskyRoute() {
        // one set full rank: the Cholesky route; then the same pair with the full-rank set's count hidden,
        // which forces the eigen route on the same matrices
        FeatureMatrix few = random(10, 40, 3, 0);
        GaussianStatistics small = GaussianStatistics.of(few);
        GaussianStatistics big = GaussianStatistics.of(random(400, 40, 4, 0.2));
        assertTrue(small.rankDeficient());
        double cholesky = FrechetDistance.compute(small, big).value();
        GaussianStatistics bothUnknown = new GaussianStatistics(big.mean(), big.covariance(), 30);
        FrechetDistance.Result eigen = FrechetDistance.compute(small, bothUnknown);
        assertTrue(eigen.rankDeficient());
        assertEquals(cholesky, eigen.value(), 1e-8 * cholesky);
    }

    @Test
    void fewImagesTakeTheImageSpaceRouteWithTheSameResult() {
        FeatureMatrix few = random(12, 60, 5, 0.1);
        GaussianStatistics big = GaussianStatistics.of(random(300, 60, 6, 0));
        FrechetDistance.Result viaStatistics = FrechetDistance.compute(GaussianStatistics.of(few), big);
        FrechetDistance.Result viaImages = FrechetDistance.compute(few, big);
        assertTrue(viaImages.rankDeficient());
        // the d x d route sums square roots of ~d round-off eigenvalues that should be zero (each ~1e-7 after
        // the root), so it is the less exact of the two; they agree well within the 1e-5 rank-deficient tolerance
        assertEquals(viaStatistics.value(), viaImages.value(), 1e-6 * viaStatistics.value());
    }

    @Test
    void thresholdIsStrict() {
        assertEquals(1.0, MifidScore.threshold(0.1, 0.1));
        assertEquals(0.0999, MifidScore.threshold(0.0999, 0.1));
        assertFalse(MifidScore.penalised(0.1, 0.1));
        assertEquals(50.0 / (0.05 + 1e-15), MifidScore.mifid(50, 0.05, 0.1));
    }
}
