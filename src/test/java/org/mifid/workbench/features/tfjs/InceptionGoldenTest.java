package org.mifid.workbench.features.tfjs;

import java.util.List;

/**
 * The nsfwjs InceptionV3 run on DJL against TF.js's own outputs for one synthetic image (golden values from the
 * reference material: TF.js CPU backend, copied into src/test/resources/reference/nsfwjs).
 */
class InceptionGoldenTest extends NsfwjsGoldenContract {
    InceptionGoldenTest() {
        super("inception_v3", "/reference/nsfwjs/inception-v3-golden.json", 299, 2048, List.of("activation_1",
                "mixed0", "mixed5", "mixed10", "flatten_1", "dense_3"));
    }
}
