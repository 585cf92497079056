package org.mifid.workbench.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;

/**
 * The compact column formats of the workspace: neighbour indices as little-endian int32, distances as
 * little-endian float32, and image-name lists as deflated length-prefixed UTF-8. A submission's 10,000
 * neighbours and names take a few hundred kilobytes this way instead of 10,000 rows per table.
 */
final class BlobCodec {
    private BlobCodec() {
    }

    static byte[] ints(int[] values) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buf.asIntBuffer().put(values);
        return buf.array();
    }

    static int[] ints(byte[] blob) {
        int[] out = new int[blob.length / Integer.BYTES];
        ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(out);
        return out;
    }

    static byte[] floats(float[] values) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(values);
        return buf.array();
    }

    static float[] floats(byte[] blob) {
        float[] out = new float[blob.length / Float.BYTES];
        ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    /** Names in order; any character is allowed in a name (archive entries are not trusted to avoid '\n'). */
    static byte[] names(List<String> names) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, new Deflater(Deflater.BEST_SPEED), 1 << 16)) {
            ByteBuffer header = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            out.write(header.putInt(names.size()).array());
            for (String name : names) {
                byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
                out.write(ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN).putInt(utf8.length).array());
                out.write(utf8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<String> names(byte[] blob) {
        ByteBuffer in = ByteBuffer.wrap(inflate(blob)).order(ByteOrder.LITTLE_ENDIAN);
        int n = in.getInt();
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] utf8 = new byte[in.getInt()];
            in.get(utf8);
            names.add(new String(utf8, StandardCharsets.UTF_8));
        }
        return List.copyOf(names);
    }

    private static byte[] inflate(byte[] blob) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(blob);
            ByteArrayOutputStream out = new ByteArrayOutputStream(blob.length * 4);
            byte[] chunk = new byte[1 << 16];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("truncated name list in the workspace");
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalStateException("corrupt name list in the workspace", e);
        } finally {
            inflater.end();
        }
    }
}
