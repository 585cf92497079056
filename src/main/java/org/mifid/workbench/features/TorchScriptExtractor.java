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
import org.mifid.workbench.engine.FeatureMatrix;
import org.mifid.workbench.core.InvalidInputException;

/**
 * A TorchScript module loaded through DJL's PyTorch engine: the competition's own networks, exported by an
 * organizer (models/export_torchscript.py). The module takes an NCHW float batch and returns the features,
 * any trailing 1x1 spatial dimensions being flattened away.
 */
final class TorchScriptExtractor implements FeatureExtractor {
    private final ModelSpec spec;
    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;

    TorchScriptExtractor(ModelSpec spec, Path file, Device device) {
        this.spec = spec;
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(file)
                .optEngine("PyTorch")
                .optDevice(device)
                .optTranslator(new NoopTranslator())
                .build();
        try {
            model = criteria.loadModel();
        } catch (ModelNotFoundException | MalformedModelException | IOException | RuntimeException e) {
            throw new InvalidInputException(file.toString(), "not a loadable TorchScript module: "
                    + oneLine(String.valueOf(e.getMessage())), e);
        }
        predictor = model.newPredictor();
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public FeatureMatrix extract(float[] chw, int n) {
        int s = spec.inputSize();
        try (NDManager batch = model.getNDManager().newSubManager()) {
            NDArray x = batch.create(chw, new Shape(n, 3, s, s));
            if ("NHWC".equals(spec.layout())) {
                x = x.transpose(0, 2, 3, 1);
            }
            NDArray out = predictor.predict(new NDList(x)).get(0).reshape(n, -1);
            if (out.getShape().get(1) != spec.dimension()) {
                throw new InvalidInputException(spec.file(), "produces " + out.getShape().get(1)
                        + " features, the manifest says " + spec.dimension());
            }
            return new FeatureMatrix(out.toFloatArray(), n, spec.dimension());
        } catch (TranslateException e) {
            throw new IllegalStateException(spec.id() + ": forward pass failed: " + e.getMessage(), e);
        }
    }

    /** Native errors span many lines (a C++ backtrace); the message must stay one line. */
    private static String oneLine(String message) {
        String first = message.strip().lines().findFirst().orElse("");
        return first.length() > 200 ? first.substring(0, 200) + "..." : first;
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }
}
