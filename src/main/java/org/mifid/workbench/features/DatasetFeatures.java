package org.mifid.workbench.features;

import ai.djl.Device;
import java.nio.file.Path;
import org.mifid.workbench.engine.FeatureMatrix;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.imaging.ImageSets;
import org.mifid.workbench.imaging.InMemoryImageSet;
import org.mifid.workbench.imaging.ValidationProfile;

/**
 * The features of a zip or folder of images: validate the set, then take its features from the cache or
 * compute them through the {@link FeaturePipeline} and cache them. What the CLI's extract and the scoring
 * service call.
 */
public final class DatasetFeatures {
    private final ExtractorRegistry registry;
    private final FeatureCache cache;

    /** @param cache where features are kept between runs, or null to always compute */
    public DatasetFeatures(ExtractorRegistry registry, FeatureCache cache) {
        this.registry = registry;
        this.cache = cache;
    }

    /** What was extracted, and how. */
    public record Result(FeatureMatrix features, ModelSpec model, String source, String checksum, boolean fromCache,
            double seconds) {
    }

    public Result extract(Path images, ValidationProfile profile, String modelId, Device device, int batchSize,
            ProgressMonitor monitor) {
        long start = System.nanoTime();
        ModelSpec model = registry.spec(modelId);
        try (InMemoryImageSet set = ImageSets.open(images, profile, monitor)) {
            String checksum = set.checksum();
            boolean[] computed = {false};
            java.util.function.Supplier<FeatureMatrix> compute = () -> {
                computed[0] = true;
                try (FeatureExtractor extractor = registry.open(modelId, device)) {
                    return new FeaturePipeline(extractor, batchSize).extract(set, monitor);
                }
            };
            FeatureMatrix features = cache == null ? compute.get() : cache.features(model.id(), checksum, compute);
            return new Result(features, model, set.source(), checksum, !computed[0], (System.nanoTime() - start) / 1e9);
        }
    }
}
