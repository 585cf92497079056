package org.mifid.workbench.io;

import org.mifid.workbench.core.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.mifid.workbench.core.AllocationLimit;

/**
 * NumPy's .npz: a zip of .npy entries, as written by {@code np.savez} (stored) and {@code np.savez_compressed}
 * (deflated). Keys are entry names without the .npy suffix.
 *
 * <p>Reading is bounded like the image archives: only the entries asked for are inflated (found through the
 * central directory, the others never touched), each at most {@link #MAX_ENTRY_BYTES}, at most
 * {@link #MAX_COMPRESSION_RATIO} times its compressed size, and never more than the heap can hold; an 8 MB file
 * of eight 1 GB entries of zeros is one error line, not 6 GB and an OutOfMemoryError.
 */
public final class NpzFile {
    /** An .npz holds statistics or neighbours, never more than this per entry (a 4,032-d float64 covariance is 130 MB). */
    private static final long MAX_ENTRY_BYTES = 1L << 30;
    /**
     * Above this inflated/compressed ratio an entry is a zip bomb: float features and covariances barely compress
     * (pytorch-fid's statistics deflate to about 70 %), as the image archives' entries do.
     */
    static final int MAX_COMPRESSION_RATIO = 100;
    /** Entries smaller than this are never refused for their ratio: a tiny entry cannot be a bomb. */
    private static final long RATIO_FLOOR_BYTES = 64 << 10;

    private NpzFile() {
    }

    /**
     * Reads the entries {@code keys} (and only those) of an .npz.
     *
     * @throws InvalidInputException naming the file when one is missing, too large, or not a .npy
     */
    public static Map<String, NpyArray> read(Path file, String... keys) {
        Map<String, NpyArray> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(InputFile.requireRegular(file).toFile())) {
            for (String key : keys) {
                ZipEntry e = zip.getEntry(key + ".npy");
                if (e == null) {
                    throw new InvalidInputException(file.toString(), "no '" + key + "' array (has " + keys(zip) + ")");
                }
                out.put(key, NpyFile.decode(ByteBuffer.wrap(inflate(zip, e, file)), file + "!" + e.getName()));
            }
        } catch (ZipException e) {
            throw new InvalidInputException(file.toString(), "not an .npz file (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "not a readable .npz: " + e.getMessage(), e);
        }
        return out;
    }

    /** The entry's bytes, read up to the first limit it passes (its declared sizes may lie). */
    private static byte[] inflate(ZipFile zip, ZipEntry e, Path file) throws IOException {
        long compressed = Math.max(e.getCompressedSize(), 0);
        long limit = Math.min(MAX_ENTRY_BYTES, Math.max(RATIO_FLOOR_BYTES, compressed * MAX_COMPRESSION_RATIO));
        long declared = e.getSize();
        AllocationLimit.require(file + "!" + e.getName(), Math.max(declared, 0), 1, "bytes of .npy entry");
        try (InputStream in = zip.getInputStream(e)) {
            byte[] bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > limit || declared > limit) {
                throw new InvalidInputException(file.toString(), "entry '" + e.getName() + "' inflates to more than "
                        + (limit == MAX_ENTRY_BYTES ? "1 GB" : MAX_COMPRESSION_RATIO + " times its compressed size")
                        + "; refused as a zip bomb");
            }
            return bytes;
        }
    }

    private static String keys(ZipFile zip) {
        return zip.stream().limit(20).map(ZipEntry::getName)
                .map(n -> n.endsWith(".npy") ? n.substring(0, n.length() - 4) : n).toList().toString();
    }

    /** Writes the file whole or not at all, refusing a link, a directory or a device (see {@link OutputFile}). */
    public static void write(Path file, Map<String, NpyArray> arrays) {
        OutputFile.write(file, os -> {
            ZipOutputStream zip = new ZipOutputStream(os);
            for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                NpyFile.write(zip, e.getValue());
                zip.closeEntry();
            }
            zip.finish();
        });
    }
}
