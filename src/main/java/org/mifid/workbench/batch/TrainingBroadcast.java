package org.mifid.workbench.batch;

import java.io.Serializable;
import org.mifid.workbench.engine.FeatureMatrix;
import org.mifid.workbench.engine.GaussianStatistics;
import org.mifid.workbench.scoring.ArchiveScorer;

/**
 * The training features and statistics in the plain arrays Spark broadcasts to every executor once: computed (or
 * read from the feature cache) on the driver, never per submission.
 */
final class TrainingBroadcast implements Serializable {
    private static final long serialVersionUID = 1L;

    private final float[] features;
    private final int rows;
    private final int cols;
    private final double[] mean;
    private final double[] covariance;
    private final long count;

    TrainingBroadcast(ArchiveScorer.Reference reference) {
        FeatureMatrix f = reference.features();
        GaussianStatistics s = reference.statistics();
        this.features = f.data();
        this.rows = f.rows();
        this.cols = f.cols();
        this.mean = s.mean();
        this.covariance = s.covariance();
        this.count = s.count();
    }

    ArchiveScorer.Reference reference() {
        return new ArchiveScorer.Reference(new FeatureMatrix(features, rows, cols),
                new GaussianStatistics(mean, covariance, count));
    }
}
