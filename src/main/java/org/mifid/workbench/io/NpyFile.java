package org.mifid.workbench.io;

import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.engine.FeatureMatrix;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes NumPy's .npy format (versions 1 to 3): little-endian float32, float64, int32 and int64, C and
 * Fortran order. Anything else (big endian, other dtypes, object arrays, a malformed header, truncated data) is
 * an {@link InvalidInputException} naming the file.
 */
public final class NpyFile {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyFile() {
    }

    /** Reads a 2-D feature matrix (float32 or float64; float64 is rounded to float32 storage). */
    public static FeatureMatrix read(Path file) {
        return toMatrix(readArray(file), file.toString());
    }

    /** Reads any supported array. */
    public static NpyArray readArray(Path file) {
        try (FileChannel ch = FileChannel.open(InputFile.requireRegular(file), StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE) {
                throw new InvalidInputException(file.toString(), "larger than 2 GB, which this reader does not support");
            }
            ByteBuffer all = ByteBuffer.allocate((int) size);
            while (all.hasRemaining() && ch.read(all) >= 0) {
                // read fully
            }
            all.flip();
            return decode(all, file.toString());
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file.toString(), "no such file");
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
    }

    /** Decodes .npy bytes; {@code source} names them in errors. */
    public static NpyArray decode(ByteBuffer bytes, String source) {
        ByteBuffer b = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() < 10) {
            throw new InvalidInputException(source, "not a .npy file (too short)");
        }
        for (byte m : MAGIC) {
            if (b.get() != m) {
                throw new InvalidInputException(source, "not a .npy file (bad magic)");
            }
        }
        int major = b.get() & 0xFF;
        b.get();
        long headerLen;
        if (major == 1) {
            headerLen = b.getShort() & 0xFFFF;
        } else if (major == 2 || major == 3) {
            headerLen = b.getInt() & 0xFFFFFFFFL;
        } else {
            throw new InvalidInputException(source, "unsupported .npy version " + major);
        }
        if (headerLen > b.remaining()) {
            throw new InvalidInputException(source, "truncated header");
        }
        byte[] h = new byte[(int) headerLen];
        b.get(h);
        String header = new String(h, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        NpyArray.DType dtype = dtype(field(DESCR, header, "descr", source), source);
        boolean fortran = "True".equals(field(FORTRAN, header, "fortran_order", source));
        int[] shape = shape(field(SHAPE, header, "shape", source), source);
        long count = 1;
        long needed;
        try {
            for (int s : shape) {
                count = Math.multiplyExact(count, s);
            }
            needed = Math.multiplyExact(count, dtype.size);
        } catch (ArithmeticException e) {
            throw new InvalidInputException(source, "shape " + java.util.Arrays.toString(shape)
                    + " holds more values than any file can");
        }
        if (b.remaining() < needed) {
            throw new InvalidInputException(source, "truncated data: " + b.remaining() + " bytes for " + count
                    + " values of " + dtype.descr + " (" + needed + " bytes)");
        }
        ByteBuffer data = b.slice().order(ByteOrder.LITTLE_ENDIAN);
        data.limit((int) needed);
        if (fortran && shape.length > 2) {
            throw new InvalidInputException(source, "Fortran-ordered arrays of more than 2 dimensions are not supported");
        }
        if (fortran && shape.length == 2) {
            data = fortranToC(data, shape, dtype.size);
        }
        return new NpyArray(dtype, shape, data);
    }

    /** Writes a feature matrix as float32, C order. */
    public static void write(Path file, FeatureMatrix m) {
        write(file, NpyArray.of(m.data(), m.rows(), m.cols()));
    }

    /** Writes the file whole or not at all, refusing a link, a directory or a device (see {@link OutputFile}). */
    public static void write(Path file, NpyArray array) {
        OutputFile.write(file, out -> write(out, array));
    }

    /** Writes a version 1.0 .npy to a stream (also used for .npz entries). */
    public static void write(OutputStream out, NpyArray array) throws IOException {
        StringBuilder shape = new StringBuilder();
        for (int s : array.shape()) {
            shape.append(s).append(", ");
        }
        if (array.shape().length > 1) {
            shape.setLength(shape.length() - 2);
        } else if (array.shape().length == 1) {
            shape.setLength(shape.length() - 1);
        }
        String dict = "{'descr': '" + array.dtype().descr + "', 'fortran_order': False, 'shape': (" + shape.toString().trim()
                + "), }";
        // the header, with its 10-byte preamble, is padded with spaces to a multiple of 64 and ends in a newline
        int total = 10 + dict.length() + 1;
        int padded = (total + 63) / 64 * 64;
        String header = dict + " ".repeat(padded - total) + "\n";
        ByteBuffer pre = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        pre.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        out.write(pre.array());
        out.write(header.getBytes(StandardCharsets.ISO_8859_1));
        ByteBuffer data = array.data();
        byte[] chunk = new byte[1 << 16];
        while (data.hasRemaining()) {
            int n = Math.min(chunk.length, data.remaining());
            data.get(chunk, 0, n);
            out.write(chunk, 0, n);
        }
    }

    static FeatureMatrix toMatrix(NpyArray a, String source) {
        int[] shape = a.shape();
        if (shape.length != 2) {
            throw new InvalidInputException(source, "expected a 2-D matrix (images x features), got shape "
                    + java.util.Arrays.toString(shape));
        }
        if (a.dtype() != NpyArray.DType.FLOAT32 && a.dtype() != NpyArray.DType.FLOAT64) {
            throw new InvalidInputException(source, "expected float32 or float64 features, got " + a.dtype().descr);
        }
        if (shape[0] == 0 || shape[1] == 0) {
            throw new InvalidInputException(source, "empty matrix " + shape[0] + "x" + shape[1]);
        }
        if ((long) shape[0] * shape[1] > Integer.MAX_VALUE - 8) {
            throw new InvalidInputException(source, "a " + shape[0] + "x" + shape[1] + " matrix has more values than"
                    + " this reader supports (2^31)");
        }
        return new FeatureMatrix(a.toFloats(), shape[0], shape[1]);
    }

    private static String field(Pattern p, String header, String name, String source) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new InvalidInputException(source, "malformed .npy header: no '" + name + "'");
        }
        return m.group(1);
    }

    private static NpyArray.DType dtype(String descr, String source) {
        for (NpyArray.DType t : NpyArray.DType.values()) {
            if (t.descr.equals(descr)) {
                return t;
            }
        }
        if (descr.startsWith(">")) {
            throw new InvalidInputException(source, "big-endian dtype " + descr + " is not supported; save little-endian");
        }
        throw new InvalidInputException(source, "unsupported dtype " + descr
                + " (expected float32, float64, int32 or int64)");
    }

    private static int[] shape(String text, String source) {
        List<Integer> dims = new ArrayList<>();
        for (String part : text.split(",")) {
            String s = part.trim();
            if (s.isEmpty()) {
                continue;
            }
            try {
                long v = Long.parseLong(s.endsWith("L") ? s.substring(0, s.length() - 1) : s);
                if (v < 0 || v > Integer.MAX_VALUE) {
                    throw new InvalidInputException(source, "bad dimension " + s);
                }
                dims.add((int) v);
            } catch (NumberFormatException e) {
                throw new InvalidInputException(source, "malformed shape (" + text + ")");
            }
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    private static ByteBuffer fortranToC(ByteBuffer f, int[] shape, int size) {
        int rows = shape[0];
        int cols = shape[1];
        ByteBuffer c = ByteBuffer.allocate(f.remaining()).order(ByteOrder.LITTLE_ENDIAN);
        byte[] cell = new byte[size];
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                f.get(cell);
                c.put((i * cols + j) * size, cell);
            }
        }
        return c;
    }
}
