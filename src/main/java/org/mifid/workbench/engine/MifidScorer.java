package org.mifid.workbench.engine;

import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.ProgressMonitor;
import ai.djl.Device;

/**
 * MiFID from feature matrices: FID between the generated and training Gaussians, the memorization distance
 * from the nearest-neighbour search, and the thresholded quotient. Training statistics may be given
 * precomputed (they are the same for every submission of a competition).
 */
public final class MifidScorer {
    private final double epsilon;
    private final double offset;
    private final MemorizationSearch search;

    private MifidScorer(Builder b) {
        this.epsilon = b.epsilon;
        this.offset = b.offset;
        this.search = MemorizationSearch.builder().k(b.k).blockSize(b.blockSize).device(b.device).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param score the MiFID and its parts
     * @param neighbours each generated image's nearest training images
     * @param statisticsMillis time to compute the generated statistics and the FID
     * @param searchMillis time of the memorization search
     */
    public record Result(MifidScore score, Neighbours neighbours, long statisticsMillis, long searchMillis) {
    }

    /**
     * Scores generated features against training features; {@code trainStats} may be null, then they are
     * computed from {@code train}.
     */
    public Result score(FeatureMatrix generated, FeatureMatrix train, GaussianStatistics trainStats,
                        ProgressMonitor monitor) {
        FeatureChecks.requireSameDimension(train.cols(), "training features", generated.cols(), "generated features");
        long t0 = System.nanoTime();
        GaussianStatistics reference = trainStats != null ? trainStats : GaussianStatistics.of(train, monitor);
        FeatureChecks.requireSameDimension(reference.dim(), "training statistics", generated.cols(),
                "generated features");
        FrechetDistance.Result fid = FrechetDistance.compute(generated, reference);
        long t1 = System.nanoTime();
        MemorizationSearch.Result found = search.search(generated, train, monitor);
        long t2 = System.nanoTime();
        double thresholded = MifidScore.threshold(found.distance(), epsilon);
        MifidScore score = new MifidScore(fid.value(), found.distance(), epsilon, thresholded,
                fid.value() / (thresholded + offset), generated.rows(), train.rows(), generated.cols(),
                fid.rankDeficient());
        return new Result(score, found.neighbours(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }

    public static final class Builder {
        private double epsilon = LeaderboardPreset.PUBLIC.epsilon();
        private double offset = MifidScore.KAGGLE_OFFSET;
        private int k = 5;
        private int blockSize = 1024;
        private Device device;

        /** The memorization threshold (strict): a distance below it divides the FID. */
        public Builder epsilon(double epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        public Builder leaderboard(LeaderboardPreset preset) {
            return epsilon(preset.epsilon());
        }

        /** Added to the thresholded distance: 1e-15 (scoring code, default) or 1e-14 (demo notebook). */
        public Builder offset(double offset) {
            this.offset = offset;
            return this;
        }

        public Builder k(int k) {
            this.k = k;
            return this;
        }

        public Builder blockSize(int blockSize) {
            this.blockSize = blockSize;
            return this;
        }

        public Builder device(Device device) {
            this.device = device;
            return this;
        }

        public MifidScorer build() {
            return new MifidScorer(this);
        }
    }
}
