package org.mifid.workbench.features.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.mifid.workbench.core.InvalidInputException;

/**
 * Multiply-adds of one forward pass of a Keras model (as TF.js serialises it), by propagating shapes through
 * the layer graph: convolutions, depthwise convolutions and dense layers, which are nearly all of the work.
 * Used by the benchmark to turn images/s into GFLOP/s.
 */
public final class KerasFlops {
    private KerasFlops() {
    }

    /** Shape [h, w, c] of one image's activations. */
    private record Hwc(long h, long w, long c) {
    }

    /** Multiply-adds per image up to and including {@code lastLayer}, for a square input of {@code size}. */
    public static long multiplyAdds(Path modelDir, int size, String lastLayer) {
        JsonNode layers;
        try {
            layers = new ObjectMapper().readTree(modelDir.resolve("model.json").toFile())
                    .path("modelTopology").path("model_config").path("config").path("layers");
        } catch (IOException e) {
            throw new InvalidInputException(modelDir.toString(), "cannot read model.json: " + e.getMessage(), e);
        }
        Map<String, Hwc> shapes = new HashMap<>();
        long total = 0;
        for (JsonNode l : layers) {
            String name = l.get("name").asText();
            JsonNode c = l.get("config");
            JsonNode inbound = l.path("inbound_nodes");
            Hwc in = inbound.isEmpty() ? null : shapes.get(inbound.get(0).get(0).get(0).asText());
            Hwc out;
            switch (l.get("class_name").asText()) {
                case "InputLayer" -> out = new Hwc(size, size, 3);
                case "Conv2D", "DepthwiseConv2D" -> {
                    boolean depthwise = "DepthwiseConv2D".equals(l.get("class_name").asText());
                    long kh = c.get("kernel_size").get(0).asLong();
                    long kw = c.get("kernel_size").get(1).asLong();
                    long oc = depthwise ? in.c * c.path("depth_multiplier").asLong(1) : c.get("filters").asLong();
                    out = window(in, kh, kw, c, oc);
                    total += out.h * out.w * oc * kh * kw * (depthwise ? 1 : in.c);
                }
                case "MaxPooling2D", "AveragePooling2D" -> out = window(in,
                        c.get("pool_size").get(0).asLong(), c.get("pool_size").get(1).asLong(), c, in.c);
                case "ZeroPadding2D" -> {
                    JsonNode p = c.get("padding");
                    out = new Hwc(in.h + p.get(0).get(0).asLong() + p.get(0).get(1).asLong(),
                            in.w + p.get(1).get(0).asLong() + p.get(1).get(1).asLong(), in.c);
                }
                case "Concatenate" -> {
                    long channels = 0;
                    for (JsonNode i : inbound.get(0)) {
                        channels += shapes.get(i.get(0).asText()).c;
                    }
                    out = new Hwc(in.h, in.w, channels);
                }
                case "Flatten", "GlobalAveragePooling2D" -> out = new Hwc(1, 1,
                        "Flatten".equals(l.get("class_name").asText()) ? in.h * in.w * in.c : in.c);
                case "Dense" -> {
                    long units = c.get("units").asLong();
                    total += in.c * units;
                    out = new Hwc(1, 1, units);
                }
                default -> out = in; // element-wise layers: activations, batch norms, Add, Dropout
            }
            shapes.put(name, out);
            if (name.equals(lastLayer)) {
                return total;
            }
        }
        throw new IllegalArgumentException("no layer named " + lastLayer);
    }

    private static Hwc window(Hwc in, long kh, long kw, JsonNode c, long channels) {
        long sh = c.get("strides").get(0).asLong();
        long sw = c.get("strides").get(1).asLong();
        if ("same".equals(c.get("padding").asText())) {
            return new Hwc((in.h + sh - 1) / sh, (in.w + sw - 1) / sw, channels);
        }
        return new Hwc((in.h - kh) / sh + 1, (in.w - kw) / sw + 1, channels);
    }
}
