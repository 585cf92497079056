package org.mifid.workbench.features;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.List;
import org.mifid.workbench.engine.FeatureMatrix;
import org.mifid.workbench.features.tfjs.TfjsLayersModel;

/** A pretrained TF.js layers network (the nsfwjs models) run on DJL, its features taken at one layer. */
final class TfjsExtractor implements FeatureExtractor {
    private final ExtractorSpec spec;
    private final TfjsLayersModel model;

    TfjsExtractor(ExtractorSpec spec, Path folder, Device device) {
        this.spec = spec;
        this.model = TfjsLayersModel.load(folder, device);
    }

    @Override
    public ExtractorSpec spec() {
        return spec;
    }

    @Override
    public FeatureMatrix forward(List<float[]> batch) {
        int n = batch.size();
        int size = spec.inputSize();
        int per = 3 * size * size;
        float[] all = new float[n * per];
        for (int i = 0; i < n; i++) {
            System.arraycopy(batch.get(i), 0, all, i * per, per);
        }
        try (NDManager m = model.newBatchManager()) {
            NDArray x = m.create(all, new Shape(n, 3, size, size));
            NDArray out = model.forward(x, List.of(spec.outputLayer())).singletonOrThrow();
            return new FeatureMatrix(out.toFloatArray(), n, spec.dimension());
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
