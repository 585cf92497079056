package org.mifid.workbench.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.engine.FeatureMatrix;
import org.mifid.workbench.core.InvalidInputException;

/** The registry's nsfwjs extractors end to end: decoded image, preprocessing, forward pass, features. */
class NsfwjsExtractorTest {

    /** The golden image of ASSETS.md: pixel (x, y) = [(7x + 3y) mod 256, floor(128 + 127 sin(x/11) cos(y/17)), (5 (x XOR y)) mod 256]. */
    static BufferedImage golden(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int r = (7 * x + 3 * y) % 256;
                int g = (int) Math.floor(128 + 127 * Math.sin(x / 11.0) * Math.cos(y / 17.0));
                int b = (5 * (x ^ y)) % 256;
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return image;
    }

    @Test
    void inceptionFeaturesMatchTfjsWithin1e4Relative() throws IOException {
        JsonNode expected;
        try (InputStream in = getClass().getResourceAsStream("/reference/nsfwjs/inception-v3-golden.json")) {
            expected = new ObjectMapper().readTree(in).get("flatten_1").get("data");
        }
        try (FeatureExtractor inception = ExtractorRegistry.standard().open("nsfwjs-inception-v3", Device.cpu())) {
            assertEquals(2048, inception.dimension());
            assertFalse(inception.spec().comparableWithKaggle());
            // the golden image twice, with a different image between, checks rows stay in batch order
            FeatureMatrix f = inception.extract(List.of(golden(299), golden(64), golden(299)));
            assertEquals(3, f.rows());
            double maxAbs = 0;
            double maxDiff = 0;
            for (int i = 0; i < 2048; i++) {
                double e = expected.get(i).asDouble();
                maxAbs = Math.max(maxAbs, Math.abs(e));
                maxDiff = Math.max(maxDiff, Math.abs(f.get(0, i) - e));
            }
            // max |ours - tfjs| over max |tfjs|: the error relative to the feature vector's scale
            assertTrue(maxDiff / maxAbs <= 1e-4, "relative error " + maxDiff / maxAbs);
            assertArrayEquals(f.row(0), f.row(2), 1e-5f);
            assertFalse(java.util.Arrays.equals(f.row(0), f.row(1)));
        }
    }

    @Test
    void mobilenetGives1280DeterministicFeatures() {
        try (FeatureExtractor mobilenet = ExtractorRegistry.standard().open("nsfwjs-mobilenet-v2", Device.cpu())) {
            assertEquals(224, mobilenet.inputSize());
            FeatureMatrix a = mobilenet.extract(List.of(golden(64), golden(299)));
            FeatureMatrix b = mobilenet.extract(List.of(golden(299)));
            assertEquals(1280, a.cols());
            assertArrayEquals(a.row(1), b.row(0), 1e-5f);
            double sum = 0;
            for (float v : a.row(0)) {
                assertTrue(v >= 0 && Float.isFinite(v), "pooled ReLU6 features are finite and non-negative");
                sum += v;
            }
            assertTrue(sum > 0);
        }
    }

    @Test
    void missingAndUnknownModelsAreOneLineErrors(@TempDir Path empty) throws IOException {
        ExtractorRegistry registry;
        try (InputStream in = getClass().getResourceAsStream("/models/manifest.json")) {
            registry = ExtractorRegistry.read(in, "manifest", empty);
        }
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> registry.open("fid-inception", Device.cpu()));
        assertEquals(empty.resolve("models/fid-inception.pt") + ": is missing: export it with `python"
                + " models/export_torchscript.py fid-inception OUT_DIR` (see models/README.md) and copy fid-inception.pt"
                + " into " + empty.resolve("models"), missing.getMessage());
        assertTrue(assertThrows(InvalidInputException.class, () -> registry.open("vgg", Device.cpu())).getMessage()
                .startsWith("--model vgg: unknown extractor"));
    }

    /**
     * What bench gpu measures as mixed precision: the same network with its weights and arithmetic in fp16 (the
     * half type this CPU libtorch carries kernels for), features back in float32. They must be near float32's
     * (the network's arithmetic alone differs) and not equal to them (it really ran in half precision).
     */
    @Test
    void halfPrecisionRunsTheSameNetworkInFp16AndStaysNearFloat32() {
        ExtractorRegistry registry = ExtractorRegistry.standard();
        List<BufferedImage> images = List.of(golden(224), golden(64));
        FeatureMatrix full;
        FeatureMatrix half;
        try (FeatureExtractor e = registry.open("nsfwjs-mobilenet-v2", Device.cpu())) {
            full = e.extract(images);
        }
        try (FeatureExtractor e = registry.open("nsfwjs-mobilenet-v2", Device.cpu(), Precision.FLOAT16)) {
            half = e.extract(images);
        }
        assertEquals(full.rows(), half.rows());
        assertEquals(full.cols(), half.cols());
        double scale = 0;
        double worst = 0;
        for (int i = 0; i < full.data().length; i++) {
            scale = Math.max(scale, Math.abs(full.data()[i]));
            worst = Math.max(worst, Math.abs(full.data()[i] - half.data()[i]));
        }
        // fp16 keeps 11 significant bits: about 5e-4 per operation, some 1e-3 to 1e-2 after 50 layers
        assertTrue(worst / scale < 5e-2, "relative difference " + worst / scale);
        assertTrue(worst / scale > 1e-5, "the half run differs from float32 as fp16 arithmetic must: " + worst / scale);
    }
}
