package org.mifid.workbench.features.tfjs;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
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

    private TfjsLayersModel(NDManager manager, KerasGraph graph) {
        this.manager = manager;
        this.graph = graph;
    }

    public static TfjsLayersModel load(Path dir, Device device) {
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
            return new TfjsLayersModel(manager, new KerasGraph(model.get("modelTopology"), weights, manager));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** A manager on the model's device for a batch's arrays; close it after each batch. */
    public NDManager newBatchManager() {
        return manager.newSubManager();
    }

    /** The named layers' outputs for an NCHW float batch (values as the model expects them). */
    public NDList forward(NDArray nchw, List<String> outputs) {
        return graph.forward(nchw, outputs);
    }

    @Override
    public void close() {
        manager.close();
    }
}
