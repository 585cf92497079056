package org.mifid.workbench.features.tfjs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What each nsfwjs network must match of TF.js's own outputs for one synthetic image: every value of flatten_1 (the
 * features MiFID uses), the first values and sums of four intermediate layers, and the class probabilities. Each
 * network names its graph, golden file, input size and the six layers (four intermediate, flatten_1, dense_3).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NsfwjsGoldenContract {
    private final String model;
    private final String golden;
    private final int size;
    private final int dimension;
    private final List<String> layers;
    private TfjsGolden run;

    NsfwjsGoldenContract(String model, String golden, int size, int dimension, List<String> layers) {
        this.model = model;
        this.golden = golden;
        this.size = size;
        this.dimension = dimension;
        this.layers = layers;
    }

    @BeforeAll
    void run() throws IOException {
        run = TfjsGolden.run(model, golden, size, layers);
    }

    @Test
    void flatten1MatchesTfjs() {
        assertEquals(dimension, run.outputs.get(4).length);
        run.assertAllValuesMatch("flatten_1", run.outputs.get(4));
    }

    @Test
    void intermediateLayersMatchTfjs() {
        for (int l = 0; l < 4; l++) {
            run.assertFirstValuesAndSumMatch(layers.get(l), run.outputs.get(l));
        }
    }

    @Test
    void classProbabilitiesMatchTfjs() {
        run.assertClassProbabilitiesMatch(run.outputs.get(5));
    }
}
