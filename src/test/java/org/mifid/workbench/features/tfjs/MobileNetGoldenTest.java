package org.mifid.workbench.features.tfjs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The nsfwjs MobileNetV2 (the demo's network) run on DJL against TF.js's own outputs for one synthetic 224x224 image.
 * The golden file was written by TF.js itself from the npm packages, by make_mobilenet_golden.js beside it.
 */
class MobileNetGoldenTest {
    private static final List<String> LAYERS = List.of("Conv1_relu", "block_6_depthwise_BN", "block_10_project_BN",
            "out_relu", "flatten_1", "dense_3");
    private static TfjsGolden run;

    @BeforeAll
    static void run() throws IOException {
        run = TfjsGolden.run("mobilenet_v2", "/reference/nsfwjs/mobilenet-v2-golden.json", 224, LAYERS);
    }

    @Test
    void flatten1MatchesTfjs() {
        assertEquals(1280, run.outputs.get(4).length);
        run.assertAllValuesMatch("flatten_1", run.outputs.get(4));
    }

    @Test
    void intermediateLayersMatchTfjs() {
        for (int l = 0; l < 4; l++) {
            run.assertFirstValuesAndSumMatch(LAYERS.get(l), run.outputs.get(l));
        }
    }

    @Test
    void classProbabilitiesMatchTfjs() {
        run.assertClassProbabilitiesMatch(run.outputs.get(5));
    }
}
