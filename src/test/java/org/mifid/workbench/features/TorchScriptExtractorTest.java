package org.mifid.workbench.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.engine.FeatureMatrix;
import org.mifid.workbench.core.InvalidInputException;

/**
 * A TorchScript module exported by Debian's python3-torch (reference/torchscript/make_tiny.py) loaded through
 * DJL's PyTorch engine, with features equal to PyTorch's own for the same input.
 */
class TorchScriptExtractorTest {
    @TempDir
    Path assets;

    private ExtractorRegistry registry(int dimension) throws IOException {
        String manifest = """
                {"extractors": [{"id": "tiny", "format": "torchscript", "file": "models/tiny.pt", "sha256": null,
                 "inputSize": 8, "layout": "NCHW", "normalisation": "SYMMETRIC", "resizeMode": "PYTORCH_BILINEAR",
                 "outputLayer": "pool", "dimension": %d, "leaderboard": "none", "comparableWithKaggle": false}]}
                """.formatted(dimension);
        return ExtractorRegistry.read(new ByteArrayInputStream(manifest.getBytes(StandardCharsets.UTF_8)), "test",
                assets);
    }

    @Test
    void featuresMatchPyTorch() throws IOException {
        Files.createDirectories(assets.resolve("models"));
        try (InputStream in = getClass().getResourceAsStream("/reference/torchscript/tiny.pt")) {
            Files.copy(in, assets.resolve("models/tiny.pt"));
        }
        JsonNode expected;
        try (InputStream in = getClass().getResourceAsStream("/reference/torchscript/expected.json")) {
            expected = new ObjectMapper().readTree(in);
        }
        float[] input = new float[3 * 8 * 8];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) expected.get("input").get(i).asDouble();
        }
        float[] two = new float[2 * input.length];
        System.arraycopy(input, 0, two, 0, input.length);
        System.arraycopy(input, 0, two, input.length, input.length);
        try (FeatureExtractor tiny = registry(4).open("tiny", Device.cpu())) {
            FeatureMatrix f = tiny.extract(two, 2);
            assertEquals(2, f.rows());
            for (int j = 0; j < 4; j++) {
                assertEquals(expected.get("features").get(j).asDouble(), f.get(0, j), 1e-5);
                assertEquals(f.get(0, j), f.get(1, j), 0);
            }
        }
        // a manifest that disagrees with the module's output is named
        try (FeatureExtractor wrong = registry(5).open("tiny", Device.cpu())) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> wrong.extract(input, 1));
            assertTrue(e.getMessage().contains("produces 4 features, the manifest says 5"), e.getMessage());
        }
    }

    @Test
    void aBrokenFileIsAOneLineError() throws IOException {
        Files.createDirectories(assets.resolve("models"));
        Files.writeString(assets.resolve("models/tiny.pt"), "not a model");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> registry(4).open("tiny", Device.cpu()));
        assertTrue(e.getMessage().startsWith(assets.resolve("models/tiny.pt") + ": not a loadable TorchScript module"),
                e.getMessage());
    }
}
