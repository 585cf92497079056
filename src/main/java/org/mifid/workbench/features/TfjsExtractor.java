package org.mifid.workbench.features;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.List;
import org.mifid.workbench.engine.FeatureMatrix;
import org.mifid.workbench.features.tfjs.TfjsLayersModel;

/** A TF.js layers model (the nsfwjs networks) run on DJL, features read at the manifest's output layer. */
final class TfjsExtractor implements FeatureExtractor {
    private final ModelSpec spec;
    private final TfjsLayersModel model;

    TfjsExtractor(ModelSpec spec, Path folder, Device device, Precision precision) {
        this.spec = spec;
        this.model = TfjsLayersModel.load(folder, device, precision.type());
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public FeatureMatrix extract(float[] chw, int n) {
        int s = spec.inputSize();
        try (NDManager batch = model.newBatchManager()) {
            NDArray x = batch.create(chw, new Shape(n, 3, s, s));
            NDArray features = model.forward(x, List.of(spec.outputLayer())).singletonOrThrow();
            return new FeatureMatrix(features.reshape(n, -1).toFloatArray(), n, spec.dimension());
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
