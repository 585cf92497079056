package org.mifid.workbench.features.tfjs;

import java.util.List;

/**
 * The nsfwjs MobileNetV2 (the demo's network) run on DJL against TF.js's own outputs for one synthetic 224x224 image.
 * The golden file was written by TF.js itself from the npm packages, by make_mobilenet_golden.js beside it.
 */
class MobileNetGoldenTest extends NsfwjsGoldenContract {
    MobileNetGoldenTest() {
        super("mobilenet_v2", "/reference/nsfwjs/mobilenet-v2-golden.json", 224, 1280, List.of("Conv1_relu",
                "block_6_depthwise_BN", "block_10_project_BN", "out_relu", "flatten_1", "dense_3"));
    }
}
