package org.mifid.workbench.features.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.mifid.workbench.core.InvalidInputException;

/**
 * The weights of a TF.js layers model: the manifest's tensors read in order from the concatenated shards and
 * dequantized ({@code value = byte * scale + min} for uint8). Looked up by name ("conv2d_1/kernel").
 */
final class TfjsWeights {
    /** A dequantized tensor in its TF layout (HWIO for convolutions, [in, out] for dense kernels). */
    record Tensor(String name, long[] shape, float[] values) {
    }

    private final Map<String, Tensor> tensors;

    private TfjsWeights(Map<String, Tensor> tensors) {
        this.tensors = tensors;
    }

    static TfjsWeights read(Path dir, JsonNode manifest) {
        Map<String, Tensor> out = new HashMap<>();
        for (JsonNode group : manifest) {
            try (InputStream in = new ShardStream(dir, group.get("paths"))) {
                for (JsonNode w : group.get("weights")) {
                    out.put(w.get("name").asText(), readTensor(in, w, dir));
                }
                if (in.read() != -1) {
                    throw new InvalidInputException(dir.toString(), "weight shards are longer than the manifest says");
                }
            } catch (IOException e) {
                throw new InvalidInputException(dir.toString(), "cannot read weight shards: " + e.getMessage(), e);
            }
        }
        return new TfjsWeights(out);
    }

    Tensor get(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalStateException("the model has no weight '" + name + "'");
        }
        return t;
    }

    boolean has(String name) {
        return tensors.containsKey(name);
    }

    private static Tensor readTensor(InputStream in, JsonNode w, Path dir) throws IOException {
        String name = w.get("name").asText();
        JsonNode shapeNode = w.get("shape");
        long[] shape = new long[shapeNode.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asLong();
            count *= shape[i];
        }
        float[] values = new float[Math.toIntExact(count)];
        JsonNode q = w.get("quantization");
        if (q != null) {
            if (!"uint8".equals(q.path("dtype").asText())) {
                throw new InvalidInputException(dir.toString(), name + ": unsupported quantization "
                        + q.path("dtype").asText());
            }
            byte[] bytes = in.readNBytes(values.length);
            if (bytes.length != values.length) {
                throw new InvalidInputException(dir.toString(), "weight shards end inside " + name);
            }
            double min = q.get("min").asDouble();
            double scale = q.get("scale").asDouble();
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((bytes[i] & 0xFF) * scale + min);
            }
        } else {
            if (!"float32".equals(w.path("dtype").asText())) {
                throw new InvalidInputException(dir.toString(), name + ": unsupported dtype " + w.path("dtype").asText());
            }
            byte[] bytes = in.readNBytes(values.length * 4);
            if (bytes.length != values.length * 4) {
                throw new InvalidInputException(dir.toString(), "weight shards end inside " + name);
            }
            java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        }
        return new Tensor(name, shape, values);
    }

    /** The shards of one weight group read back to back, as TF.js concatenates them. */
    private static final class ShardStream extends InputStream {
        private final Path dir;
        private final JsonNode paths;
        private int next;
        private InputStream current;

        ShardStream(Path dir, JsonNode paths) {
            this.dir = dir;
            this.paths = paths;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (true) {
                if (current == null) {
                    if (next >= paths.size()) {
                        return -1;
                    }
                    current = Files.newInputStream(dir.resolve(paths.get(next++).asText()));
                }
                int n = current.read(b, off, len);
                if (n >= 0) {
                    return n;
                }
                current.close();
                current = null;
            }
        }

        @Override
        public void close() throws IOException {
            if (current != null) {
                current.close();
            }
        }
    }
}
