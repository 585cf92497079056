package org.mifid.workbench.features.tfjs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The nsfwjs InceptionV3 run on DJL against TF.js's own outputs for one synthetic image (golden values from the
 * reference material: TF.js CPU backend, copied into src/test/resources/reference/nsfwjs).
 */
class InceptionGoldenTest {
    private static final List<String> LAYERS = List.of("activation_1", "mixed0", "mixed5", "mixed10", "flatten_1",
            "dense_3");
    private static TfjsGolden run;

    @BeforeAll
    static void run() throws IOException {
        run = TfjsGolden.run("inception_v3", "/reference/nsfwjs/inception-v3-golden.json", 299, LAYERS);
    }

    @Test
    void flatten1MatchesTfjs() {
        assertEquals(2048, run.outputs.get(4).length);
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
