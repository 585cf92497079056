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
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mifid.workbench.assets.AppPaths;

/**
 * The nsfwjs InceptionV3 run on DJL against TF.js's own outputs for one synthetic image (golden values from the
 * reference material: TF.js CPU backend, copied into src/test/resources/reference/nsfwjs).
 */
class InceptionGoldenTest {
    private static TfjsLayersModel model;
    private static JsonNode golden;
    private static float[] flatten;
    private static List<float[]> nhwc;
    private static final List<String> LAYERS = List.of("activation_1", "mixed0", "mixed5", "mixed10", "flatten_1",
            "dense_3");

    @BeforeAll
    static void run() throws IOException {
        try (InputStream in = InceptionGoldenTest.class.getResourceAsStream("/reference/nsfwjs/inception-v3-golden.json")) {
            golden = new ObjectMapper().readTree(in);
        }
        model = TfjsLayersModel.load(AppPaths.assetsDir().resolve("nsfwjs/inception_v3"), Device.cpu());
        try (NDManager m = model.newBatchManager()) {
            NDArray x = m.create(syntheticImage(), new Shape(1, 3, 299, 299));
            NDList out = model.forward(x, LAYERS);
            nhwc = new java.util.ArrayList<>();
            for (NDArray a : out) {
                nhwc.add(a.getShape().dimension() == 4 ? a.transpose(0, 2, 3, 1).toFloatArray() : a.toFloatArray());
            }
            flatten = nhwc.get(4);
        }
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /** pixel (x, y) = [(7x + 3y) mod 256, floor(128 + 127 sin(x/11) cos(y/17)), (5 (x XOR y)) mod 256], / 255. */
    static float[] syntheticImage() {
        float[] chw = new float[3 * 299 * 299];
        for (int y = 0; y < 299; y++) {
            for (int x = 0; x < 299; x++) {
                int r = (7 * x + 3 * y) % 256;
                int g = (int) Math.floor(128 + 127 * Math.sin(x / 11.0) * Math.cos(y / 17.0));
                int b = (5 * (x ^ y)) % 256;
                int i = y * 299 + x;
                chw[i] = r / 255f;
                chw[299 * 299 + i] = g / 255f;
                chw[2 * 299 * 299 + i] = b / 255f;
            }
        }
        return chw;
    }

    @Test
    void flatten1MatchesTfjsWithin1e4Relative() {
        JsonNode expected = golden.get("flatten_1").get("data");
        assertEquals(2048, flatten.length);
        assertEquals(2048, expected.size());
        double maxAbs = 0;
        for (JsonNode v : expected) {
            maxAbs = Math.max(maxAbs, Math.abs(v.asDouble()));
        }
        double worst = 0;
        for (int i = 0; i < 2048; i++) {
            double e = expected.get(i).asDouble();
            // relative to the value, with the feature vector's scale as the floor for values near zero
            double rel = Math.abs(flatten[i] - e) / Math.max(Math.abs(e), 1e-3 * maxAbs);
            worst = Math.max(worst, rel);
        }
        assertTrue(worst <= 1e-4, "worst relative error " + worst);
    }

    @Test
    void intermediateLayersMatchTfjs() {
        for (int l = 0; l < 4; l++) {
            JsonNode g = golden.get(LAYERS.get(l));
            float[] ours = nhwc.get(l);
            JsonNode first = g.get("data");
            for (int i = 0; i < first.size(); i++) {
                double e = first.get(i).asDouble();
                assertEquals(e, ours[i], 1e-4 * Math.max(1, Math.abs(e)), LAYERS.get(l) + "[" + i + "]");
            }
            double sum = 0;
            for (float v : ours) {
                sum += v;
            }
            double expectedSum = g.get("sum").asDouble();
            assertEquals(expectedSum, sum, 1e-4 * Math.abs(expectedSum), LAYERS.get(l) + " sum");
        }
    }

    @Test
    void classProbabilitiesMatchTfjs() {
        JsonNode e = golden.get("dense_3").get("data");
        float[] ours = nhwc.get(5);
        for (int i = 0; i < 5; i++) {
            assertEquals(e.get(i).asDouble(), ours[i], 1e-4, "class " + i);
        }
    }
}
