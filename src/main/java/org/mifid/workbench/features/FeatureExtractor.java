package org.mifid.workbench.features;

import java.awt.image.BufferedImage;
import java.util.List;
import org.mifid.workbench.engine.FeatureMatrix;

/**
 * A network that turns images into feature vectors. Preprocessing is separate from the forward pass so that
 * a pipeline can decode and resize the next batch on another thread while the network runs. Owns native
 * memory (the weights): close it when done.
 */
public interface FeatureExtractor extends AutoCloseable {

    ExtractorSpec spec();

    /**
     * Resizes and normalises one RGB image into the network's CHW input. Thread-safe: called from worker
     * threads.
     */
    default float[] preprocess(BufferedImage rgb) {
        ExtractorSpec spec = spec();
        int size = spec.inputSize();
        float[] hwc = spec.resizeMode().resize(rgb, size);
        int plane = size * size;
        float[] chw = new float[3 * plane];
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < 3; c++) {
                chw[c * plane + p] = spec.normalise(hwc[p * 3 + c]);
            }
        }
        return chw;
    }

    /** Feature rows for a batch of preprocessed inputs, in order. */
    FeatureMatrix forward(List<float[]> batch);

    @Override
    void close();
}
