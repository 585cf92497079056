package org.mifid.workbench.imaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Checks entries one by one as a zip or folder is read and keeps the accepted bytes, sorted by name so that row
 * order does not depend on the archive's order. Bounds are enforced on the bytes actually read, never on what
 * an archive's headers claim.
 */
final class EntryCollector {
    /** No 64x64 PNG comes near this; a large legitimate JPEG fits. */
    static final long MAX_ENTRY_BYTES = 16L << 20;
    /** The whole set in memory: 10,000 Kaggle PNGs are about 100 MB. */
    static final long MAX_TOTAL_BYTES = 1L << 30;
    /** Images barely compress in a zip; a ratio beyond this is a bomb. */
    static final long MAX_RATIO = 100;
    private static final long RATIO_CHECK_FROM = 1L << 20;
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    private static final Set<String> ARCHIVE_SUFFIXES = Set.of(".zip", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".7z",
            ".rar", ".jar");

    private final String source;
    private final ValidationProfile profile;
    private final ValidationReport report = new ValidationReport();
    private final TreeMap<String, byte[]> accepted = new TreeMap<>();
    private final Set<String> seen = new java.util.HashSet<>();
    private long total;
    private boolean aborted;

    EntryCollector(String source, ValidationProfile profile) {
        this.source = source;
        this.profile = profile;
    }

    static boolean ignorable(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        return name.startsWith("__MACOSX/") || base.equals(".DS_Store") || base.equals("Thumbs.db");
    }

    boolean acceptCount(long entries) {
        if (entries > profile.maxImages()) {
            problem("(archive)", "holds " + entries + " files; at most " + profile.maxImages() + " images are allowed");
            aborted = true;
            return false;
        }
        return true;
    }

    /** Rejects traversal, absolute and Windows-style names, and duplicates. */
    boolean acceptName(String name) {
        if (name.isEmpty() || name.indexOf('\0') >= 0 || name.startsWith("/") || name.contains("\\")
                || DRIVE.matcher(name).matches()) {
            problem(name, "an absolute or malformed path");
            return false;
        }
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                problem(name, "a path that climbs out of the archive (..)");
                return false;
            }
        }
        if (!seen.add(name)) {
            problem(name, "appears twice");
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String suffix : ARCHIVE_SUFFIXES) {
            if (lower.endsWith(suffix)) {
                problem(name, "a nested archive; submit images only");
                return false;
            }
        }
        return true;
    }

    /**
     * Reads an entry with the per-entry, total and ratio limits. Returns null (and reports) when a limit is hit;
     * a total or ratio breach aborts the whole set.
     */
    byte[] readBounded(String name, InputStream in, long compressedSize) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 15];
        long n = 0;
        for (int r = in.read(buf); r > 0; r = in.read(buf)) {
            n += r;
            if (n > MAX_ENTRY_BYTES) {
                problem(name, "larger than " + (MAX_ENTRY_BYTES >> 20) + " MB uncompressed");
                return null;
            }
            if (total + n > MAX_TOTAL_BYTES) {
                problem(name, "the archive expands beyond " + (MAX_TOTAL_BYTES >> 20) + " MB (a zip bomb?); stopped");
                aborted = true;
                return null;
            }
            if (compressedSize > 0 && n > RATIO_CHECK_FROM && n / compressedSize > MAX_RATIO) {
                problem(name, "compressed more than " + MAX_RATIO + ":1 (a zip bomb?); stopped");
                aborted = true;
                return null;
            }
            out.write(buf, 0, r);
        }
        total += n;
        return out.toByteArray();
    }

    boolean aborted() {
        return aborted;
    }

    /** Checks type, declared size and decodability, then keeps the bytes. */
    void accept(String name, byte[] bytes) {
        ImageHeader header;
        try {
            header = ImageHeader.read(bytes);
        } catch (IllegalArgumentException e) {
            problem(name, e.getMessage());
            return;
        }
        if (header == null) {
            boolean nested = bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
            problem(name, nested ? "a nested archive; submit images only" : profile.exact64Png()
                    ? "Only PNG images should be submitted (not an image)" : "not a PNG or JPEG image");
            return;
        }
        if (profile.exact64Png() && header.format() != ImageHeader.Format.PNG) {
            problem(name, "Only PNG images should be submitted");
            return;
        }
        if (header.width() <= 0 || header.height() <= 0 || header.width() > profile.maxSide()
                || header.height() > profile.maxSide()) {
            problem(name, profile.exact64Png() ? "The images are not of size 64 (declares " + header.width() + "x"
                    + header.height() + ")" : "declares " + header.width() + "x" + header.height() + " pixels; at most "
                    + profile.maxSide() + " per side");
            return;
        }
        if (profile.exact64Png() && (header.width() != 64 || header.height() != 64)) {
            problem(name, "The images are not of size 64 (" + header.width() + "x" + header.height() + ")");
            return;
        }
        if (header.format() == ImageHeader.Format.PNG && !ImageHeader.pngComplete(bytes)) {
            problem(name, "truncated PNG (no end chunk)");
            return;
        }
        BufferedImage decoded;
        try {
            decoded = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            problem(name, "truncated or corrupt image (" + e.getMessage() + ")");
            return;
        }
        if (decoded == null) {
            problem(name, "not a decodable image");
            return;
        }
        if (profile.exact64Png() && decoded.getColorModel().getNumColorComponents() != 3) {
            problem(name, "not an RGB image (" + decoded.getColorModel().getNumColorComponents() + " colour channels)");
            return;
        }
        accepted.put(name, bytes);
    }

    void problem(String entry, String problem) {
        report.add(entry, problem);
    }

    ImageSet finish() {
        if (!report.isEmpty()) {
            throw new InvalidArchiveException(source, report);
        }
        if (accepted.isEmpty()) {
            report.add("(archive)", "holds no images");
            throw new InvalidArchiveException(source, report);
        }
        return new InMemoryImageSet(source, accepted);
    }
}
