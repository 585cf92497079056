package org.mifid.workbench.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each resize mode against the library it reproduces (torch.nn.functional.interpolate, PIL float resize, a
 * numpy transcription of TF1's legacy bilinear): reference/resize/make_reference.py and its expected.json.
 * Up- and downscaling, square and not, including a width-only downscale where PIL's antialias widens the kernel.
 */
class ResizeModeTest {

    @ParameterizedTest
    @EnumSource(ResizeMode.class)
    void matchesTheReferenceLibrary(ResizeMode mode) throws IOException {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/reference/resize/expected.json")) {
            root = new ObjectMapper().readTree(in);
        }
        for (JsonNode c : root.get("cases")) {
            int ch = c.get("in").get(0).asInt();
            int h = c.get("in").get(1).asInt();
            int w = c.get("in").get(2).asInt();
            int oh = c.get("out").get(0).asInt();
            int ow = c.get("out").get(1).asInt();
            float[] input = new float[ch * h * w];
            for (int i = 0; i < input.length; i++) {
                input[i] = (float) c.get("input").get(i).asDouble();
            }
            float[] out = mode.resize(input, ch, h, w, oh, ow);
            JsonNode expected = c.get("expected").get(mode.name());
            assertEquals(expected.size(), out.length);
            for (int i = 0; i < out.length; i++) {
                double e = expected.get(i).asDouble();
                // float32 arithmetic on values up to 255: 1e-4 absolute is ~4 ulps
                assertEquals(e, out[i], 1e-4, mode + " " + h + "x" + w + "->" + oh + "x" + ow + " at " + i);
            }
        }
    }
}
