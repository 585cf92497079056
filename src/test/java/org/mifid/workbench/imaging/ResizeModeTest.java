package org.mifid.workbench.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each resize mode against src/test/resources/reference/resize/make_reference.py (Pillow itself for bicubic). */
class ResizeModeTest {

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({"TF1_BILINEAR,13", "TF1_BILINEAR,299", "PYTORCH_BILINEAR,13", "PYTORCH_BILINEAR,299",
            "BILINEAR_ALIGN_CORNERS,13", "BILINEAR_ALIGN_CORNERS,299", "PIL_BICUBIC,13", "PIL_BICUBIC,299"})
    void matchesTheReference(ResizeMode mode, int size) throws IOException {
        BufferedImage src;
        try (InputStream in = getClass().getResourceAsStream("/reference/resize/synthetic64.png")) {
            BufferedImage read = ImageIO.read(in);
            src = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
            src.getGraphics().drawImage(read, 0, 0, null);
        }
        JsonNode expected;
        try (InputStream in = getClass().getResourceAsStream("/reference/resize/expected.json")) {
            expected = new ObjectMapper().readTree(in).get(mode + "_" + size);
        }
        float[] out = mode.resize(src, size);
        assertEquals(size * size * 3, out.length);
        // exact for Pillow (uint8 output), float round-off for the bilinear modes
        double tolerance = mode == ResizeMode.PIL_BICUBIC ? 0 : 1e-3;
        JsonNode idx = expected.get("indices");
        JsonNode values = expected.get("values");
        for (int i = 0; i < idx.size(); i++) {
            assertEquals(values.get(i).asDouble(), out[idx.get(i).asInt()], tolerance, mode + " value " + i);
        }
        double sum = 0;
        for (float v : out) {
            sum += v;
        }
        assertEquals(expected.get("sum").asDouble(), sum, mode == ResizeMode.PIL_BICUBIC ? 0 : 1e-6 * sum);
    }
}
