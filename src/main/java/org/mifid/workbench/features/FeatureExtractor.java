package org.mifid.workbench.features;

import java.awt.image.BufferedImage;
import java.util.List;
import org.mifid.workbench.engine.FeatureMatrix;

/**
 * A network that turns images into feature vectors. Owns native memory (weights on a device): close it.
 * Implementations are safe for one caller at a time.
 */
public interface FeatureExtractor extends AutoCloseable {

    /** The manifest entry this extractor was opened from. */
    ModelSpec spec();

    default String id() {
        return spec().id();
    }

    default int dimension() {
        return spec().dimension();
    }

    /** The square side, in pixels, images are resized to. */
    default int inputSize() {
        return spec().inputSize();
    }

    /**
     * Features of {@code n} preprocessed images (see {@link Preprocessor}): {@code chw} holds them one after
     * the other, each 3 x inputSize x inputSize, channel-major.
     */
    FeatureMatrix extract(float[] chw, int n);

    /** Preprocesses and extracts a batch of decoded images on the calling thread. */
    default FeatureMatrix extract(List<BufferedImage> batch) {
        Preprocessor p = new Preprocessor(spec());
        float[] chw = new float[batch.size() * p.imageLength()];
        for (int i = 0; i < batch.size(); i++) {
            p.into(batch.get(i), chw, i * p.imageLength());
        }
        return extract(chw, batch.size());
    }

    @Override
    void close();
}
