package org.mifid.workbench.features.tfjs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mifid.workbench.assets.AppPaths;

/** Multiply-adds from the graph against the published counts: InceptionV3 5.72 G at 299, MobileNetV2 300 M at 224. */
class KerasFlopsTest {
    @Test
    void matchesThePublishedCounts() {
        long inception = KerasFlops.multiplyAdds(AppPaths.assetsDir().resolve("nsfwjs/inception_v3"), 299, "flatten_1");
        long mobilenet = KerasFlops.multiplyAdds(AppPaths.assetsDir().resolve("nsfwjs/mobilenet_v2"), 224, "flatten_1");
        assertEquals(5.72e9, inception, 0.02 * 5.72e9);
        assertEquals(300e6, mobilenet, 0.02 * 300e6);
    }
}
