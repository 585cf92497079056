package org.mifid.workbench.batch;

import java.io.Serializable;
import org.mifid.workbench.engine.FeatureMatrix;
import org.mifid.workbench.engine.GaussianStatistics;
import org.mifid.workbench.features.PixelTraining;
import org.mifid.workbench.scoring.ArchiveScorer;
import org.mifid.workbench.scoring.CopyEvidence;

/**
 * The training set's features, statistics and pixel space, and the held-out set's features and pixel descriptors
 * when the job has one, in the plain arrays Spark broadcasts to every executor once: computed (or read from the
 * feature cache) on the driver, never per submission.
 */
final class TrainingBroadcast implements Serializable {
    private static final long serialVersionUID = 2L;

    private final Rows features;
    private final double[] mean;
    private final double[] covariance;
    private final long count;
    private final Rows pixels;
    private final Rows luminance;
    private final Rows heldOut;
    private final Rows heldOutPixels;

    /** A matrix as arrays: FeatureMatrix is not Serializable. */
    private record Rows(float[] data, int rows, int cols) implements Serializable {
        static Rows of(FeatureMatrix m) {
            return m == null ? null : new Rows(m.data(), m.rows(), m.cols());
        }

        static FeatureMatrix matrix(Rows r) {
            return r == null ? null : new FeatureMatrix(r.data, r.rows, r.cols);
        }
    }

    /** @param heldOut the held-out set's network features and pixel space, or null */
    TrainingBroadcast(ArchiveScorer.Reference reference, PixelTraining pixelTraining, FeatureMatrix heldOut,
                      FeatureMatrix heldOutPixels) {
        GaussianStatistics s = reference.statistics();
        this.features = Rows.of(reference.features());
        this.mean = s.mean();
        this.covariance = s.covariance();
        this.count = s.count();
        this.pixels = Rows.of(pixelTraining.descriptors());
        this.luminance = Rows.of(pixelTraining.luminance());
        this.heldOut = Rows.of(heldOut);
        this.heldOutPixels = Rows.of(heldOutPixels);
    }

    ArchiveScorer.Reference reference() {
        return new ArchiveScorer.Reference(Rows.matrix(features), new GaussianStatistics(mean, covariance, count));
    }

    /** The measures' sets, around the training features of {@link #reference()} (one copy per partition). */
    CopyEvidence.BoardSets sets(FeatureMatrix trainFeatures) {
        return new CopyEvidence.BoardSets(trainFeatures,
                new PixelTraining(Rows.matrix(pixels), Rows.matrix(luminance)), Rows.matrix(heldOut),
                Rows.matrix(heldOutPixels));
    }
}
