package org.mifid.workbench.features;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.mifid.workbench.assets.AppPaths;
import org.mifid.workbench.engine.FeatureMatrix;
import org.mifid.workbench.engine.GaussianStatistics;
import org.mifid.workbench.engine.InvalidInputException;
import org.mifid.workbench.engine.NpyFile;
import org.mifid.workbench.engine.ProgressMonitor;
import org.mifid.workbench.imaging.ImageSet;

/**
 * Training-set features and statistics, computed once per extractor and dataset and kept as .npy and .npz
 * ({@code <cache>/features/<extractor>/<sha256>.npy}). The key is the image set's checksum over names and
 * bytes, so a changed, added or removed file gives a new entry instead of stale features.
 */
public final class FeatureCache {
    private final Path dir;

    public FeatureCache(Path dir) {
        this.dir = dir;
    }

    public static FeatureCache standard() {
        return new FeatureCache(AppPaths.cacheDir().resolve("features"));
    }

    /** The set's features, from the cache or extracted (and then cached). */
    public FeatureMatrix features(ImageSet set, FeatureExtractor extractor, FeaturePipeline pipeline,
                                  ProgressMonitor monitor) {
        Path file = file(set, extractor, ".npy");
        if (Files.isRegularFile(file)) {
            FeatureMatrix cached = NpyFile.read(file);
            if (cached.rows() == set.size() && cached.cols() == extractor.spec().dimension()) {
                return cached;
            }
        }
        FeatureMatrix fresh = pipeline.extract(set, extractor, monitor);
        writeAtomically(file, tmp -> NpyFile.write(tmp, fresh));
        return fresh;
    }

    /** The statistics of the set's features, from the cache or computed from {@code features}. */
    public GaussianStatistics statistics(ImageSet set, FeatureExtractor extractor, FeatureMatrix features,
                                         ProgressMonitor monitor) {
        Path file = file(set, extractor, ".npz");
        if (Files.isRegularFile(file)) {
            GaussianStatistics cached = GaussianStatistics.read(file);
            if (cached.dim() == features.cols()) {
                return new GaussianStatistics(cached.mean(), cached.covariance(), features.rows());
            }
        }
        GaussianStatistics fresh = GaussianStatistics.of(features, monitor);
        writeAtomically(file, fresh::write);
        return fresh;
    }

    private Path file(ImageSet set, FeatureExtractor extractor, String suffix) {
        return dir.resolve(extractor.spec().id()).resolve(set.checksum() + suffix);
    }

    private interface Writer {
        void write(Path file);
    }

    /** Written beside the target and renamed into place, so a crash never leaves a truncated cache entry. */
    private static void writeAtomically(Path file, Writer writer) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "partial", ".tmp");
            try {
                writer.write(tmp);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "cannot write the feature cache: " + e.getMessage(), e);
        }
    }
}
