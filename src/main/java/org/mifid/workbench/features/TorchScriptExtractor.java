package org.mifid.workbench.features;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.mifid.workbench.engine.FeatureMatrix;
import org.mifid.workbench.engine.InvalidInputException;

/**
 * A TorchScript network (the competition's own FID Inception or NASNet-Large, exported by the organizer with
 * models/export_torchscript.py) loaded from a local file through DJL's PyTorch engine. Nothing is downloaded.
 */
final class TorchScriptExtractor implements FeatureExtractor {
    private final ExtractorSpec spec;
    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;

    TorchScriptExtractor(ExtractorSpec spec, Path file, Device device) {
        this.spec = spec;
        try {
            this.model = Criteria.builder()
                    .setTypes(NDList.class, NDList.class)
                    .optModelPath(file)
                    .optEngine("PyTorch")
                    .optDevice(device)
                    .optTranslator(new NoopTranslator())
                    .build()
                    .loadModel();
        } catch (ModelNotFoundException | MalformedModelException | IOException e) {
            throw new InvalidInputException(file.toString(), "not a loadable TorchScript model: " + e.getMessage(), e);
        }
        this.predictor = model.newPredictor();
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
        try (NDManager m = model.getNDManager().newSubManager()) {
            NDArray x = m.create(all, new Shape(n, 3, size, size));
            NDArray out = predictor.predict(new NDList(x)).get(0);
            long dim = out.getShape().size() / n;
            if (dim != spec.dimension()) {
                throw new InvalidInputException(spec.id(), "the TorchScript model returns " + dim
                        + " features per image, the manifest says " + spec.dimension());
            }
            return new FeatureMatrix(out.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray(), n,
                    spec.dimension());
        } catch (TranslateException e) {
            throw new IllegalStateException(spec.id() + ": forward pass failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }
}
