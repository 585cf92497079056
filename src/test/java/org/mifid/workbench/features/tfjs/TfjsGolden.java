package org.mifid.workbench.features.tfjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.mifid.workbench.assets.AppPaths;

/**
 * One nsfwjs network run on DJL beside TF.js's own outputs for the same synthetic image (the golden file under
 * src/test/resources/reference/nsfwjs), with the comparisons both golden tests make.
 */
final class TfjsGolden {
    final JsonNode golden;
    /** Our outputs in TF.js's layout (NHWC for feature maps), in the order of the layers asked for. */
    final List<float[]> outputs = new ArrayList<>();

    private TfjsGolden(JsonNode golden) {
        this.golden = golden;
    }

    static TfjsGolden run(String model, String goldenResource, int size, List<String> layers) throws IOException {
        JsonNode golden;
        try (InputStream in = TfjsGolden.class.getResourceAsStream(goldenResource)) {
            golden = new ObjectMapper().readTree(in);
        }
        TfjsGolden run = new TfjsGolden(golden);
        try (TfjsLayersModel network = TfjsLayersModel.load(AppPaths.assetsDir().resolve("nsfwjs/" + model),
                Device.cpu()); NDManager m = network.newBatchManager()) {
            NDList out = network.forward(m.create(syntheticImage(size), new Shape(1, 3, size, size)), layers);
            for (NDArray a : out) {
                run.outputs.add(a.getShape().dimension() == 4 ? a.transpose(0, 2, 3, 1).toFloatArray()
                        : a.toFloatArray());
            }
        }
        return run;
    }

    /** pixel (x, y) = [(7x + 3y) mod 256, floor(128 + 127 sin(x/11) cos(y/17)), (5 (x XOR y)) mod 256], / 255. */
    static float[] syntheticImage(int size) {
        float[] chw = new float[3 * size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int r = (7 * x + 3 * y) % 256;
                int g = (int) Math.floor(128 + 127 * Math.sin(x / 11.0) * Math.cos(y / 17.0));
                int b = (5 * (x ^ y)) % 256;
                int i = y * size + x;
                chw[i] = r / 255f;
                chw[size * size + i] = g / 255f;
                chw[2 * size * size + i] = b / 255f;
            }
        }
        return chw;
    }

    /**
     * Every value as numpy.allclose would take it, with rtol 1e-4 and atol 1e-6 of the vector's largest value (float32
     * sums through some fifty layers leave ~4e-7 on values near zero), and the whole vector within 1e-5 relative.
     */
    void assertAllValuesMatch(String layer, float[] ours) {
        JsonNode expected = golden.get(layer).get("data");
        assertEquals(expected.size(), ours.length, layer + " length");
        double maxAbs = 0;
        for (JsonNode v : expected) {
            maxAbs = Math.max(maxAbs, Math.abs(v.asDouble()));
        }
        double diff2 = 0;
        double norm2 = 0;
        for (int i = 0; i < ours.length; i++) {
            double e = expected.get(i).asDouble();
            assertEquals(e, ours[i], 1e-4 * Math.abs(e) + 1e-6 * maxAbs, layer + "[" + i + "]");
            diff2 += (ours[i] - e) * (ours[i] - e);
            norm2 += e * e;
        }
        double relative = Math.sqrt(diff2 / norm2);
        assertTrue(relative <= 1e-5, layer + ": relative error of the vector " + relative);
    }

    /** The first values golden keeps within 1e-4 (relative above 1) and the sum of all within 1e-4 relative. */
    void assertFirstValuesAndSumMatch(String layer, float[] ours) {
        JsonNode g = golden.get(layer);
        JsonNode first = g.get("data");
        for (int i = 0; i < first.size(); i++) {
            double e = first.get(i).asDouble();
            assertEquals(e, ours[i], 1e-4 * Math.max(1, Math.abs(e)), layer + "[" + i + "]");
        }
        double sum = 0;
        for (float v : ours) {
            sum += v;
        }
        double expectedSum = g.get("sum").asDouble();
        assertEquals(expectedSum, sum, 1e-4 * Math.max(1, Math.abs(expectedSum)), layer + " sum");
    }

    /** The five class probabilities of dense_3 within 1e-4 absolute. */
    void assertClassProbabilitiesMatch(float[] ours) {
        JsonNode e = golden.get("dense_3").get("data");
        assertEquals(5, ours.length);
        for (int i = 0; i < 5; i++) {
            assertEquals(e.get(i).asDouble(), ours[i], 1e-4, "class " + i);
        }
    }
}
