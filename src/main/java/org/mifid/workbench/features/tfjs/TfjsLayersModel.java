package org.mifid.workbench.features.tfjs;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mifid.workbench.core.InvalidInputException;

/**
 * A TF.js layers model (model.json + binary weight shards) loaded onto a device. Owns its weights' native
 * memory: close it when done.
 */
public final class TfjsLayersModel implements AutoCloseable {
    private final NDManager manager;
    private final KerasGraph graph;
    private final DataType type;

    private TfjsLayersModel(NDManager manager, KerasGraph graph, DataType type) {
        this.manager = manager;
        this.graph = graph;
        this.type = type;
    }

    public static TfjsLayersModel load(Path dir, Device device) {
        return load(dir, device, DataType.FLOAT32);
    }

    /** The model with its weights (and so its arithmetic) in {@code type}: float32, or a half type to measure. */
    public static TfjsLayersModel load(Path dir, Device device, DataType type) {
        Path json = dir.resolve("model.json");
        if (!Files.isRegularFile(json)) {
            throw new InvalidInputException(json.toString(), "missing; build the project (mvn package) to fetch the"
                    + " nsfwjs networks through npm");
        }
        JsonNode model;
        try {
            model = new ObjectMapper().readTree(json.toFile());
        } catch (IOException e) {
            throw new InvalidInputException(json.toString(), "not a TF.js model: " + e.getMessage(), e);
        }
        TfjsWeights weights = TfjsWeights.read(dir, model.get("weightsManifest"));
        NDManager manager = NDManager.newBaseManager(device);
        try {
            return new TfjsLayersModel(manager, new KerasGraph(model.get("modelTopology"), weights, manager, type), type);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** A manager on the model's device for a batch's arrays; close it after each batch. */
    public NDManager newBatchManager() {
        return manager.newSubManager();
    }

    /**
     * The named layers' outputs, in float32, for an NCHW float batch (values as the model expects them); a model
     * loaded in a half type casts the batch to it first.
     */
    public NDList forward(NDArray nchw, List<String> outputs) {
        NDList out = graph.forward(type == DataType.FLOAT32 ? nchw : nchw.toType(type, false), outputs);
        if (type == DataType.FLOAT32) {
            return out;
        }
        NDList widened = new NDList(out.size());
        for (NDArray a : out) {
            widened.add(a.toType(DataType.FLOAT32, false));
        }
        return widened;
    }

    @Override
    public void close() {
        manager.close();
    }
}
