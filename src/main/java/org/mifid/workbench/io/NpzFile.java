package org.mifid.workbench.io;

import org.mifid.workbench.core.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * NumPy's .npz: a zip of .npy entries, as written by {@code np.savez} (stored) and {@code np.savez_compressed}
 * (deflated). Keys are entry names without the .npy suffix.
 */
public final class NpzFile {
    /** An .npz holds statistics or neighbours, never more than this per entry (a 4,032-d float64 covariance is 130 MB). */
    private static final long MAX_ENTRY_BYTES = 1L << 30;

    private NpzFile() {
    }

    public static Map<String, NpyArray> read(Path file) {
        Map<String, NpyArray> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName();
                if (!name.endsWith(".npy") || name.contains("/") || name.contains("\\")) {
                    throw new InvalidInputException(file.toString(), "unexpected entry '" + name + "' in .npz");
                }
                byte[] bytes = zip.readNBytes((int) Math.min(MAX_ENTRY_BYTES + 1, Integer.MAX_VALUE - 8));
                if (bytes.length > MAX_ENTRY_BYTES) {
                    throw new InvalidInputException(file.toString(), "entry '" + name + "' is larger than 1 GB");
                }
                String key = name.substring(0, name.length() - 4);
                out.put(key, NpyFile.decode(java.nio.ByteBuffer.wrap(bytes), file + "!" + name));
            }
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file.toString(), "no such file");
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "not a readable .npz: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new InvalidInputException(file.toString(), "not an .npz file (no .npy entries)");
        }
        return out;
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

    /** The entry {@code key}, or an error naming the file and the keys it does have. */
    public static NpyArray require(Map<String, NpyArray> arrays, String key, Path file) {
        NpyArray a = arrays.get(key);
        if (a == null) {
            throw new InvalidInputException(file.toString(), "no '" + key + "' array (has " + arrays.keySet() + ")");
        }
        return a;
    }
}
