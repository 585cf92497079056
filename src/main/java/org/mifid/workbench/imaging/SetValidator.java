package org.mifid.workbench.imaging;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import javax.imageio.ImageIO;

/**
 * The checks shared by zip and folder reading: entry names, byte limits counted while streaming, image
 * headers before decoding, a full decode to catch truncated or corrupt files, duplicates and emptiness.
 * Collects every entry's problem so the report names them all; a set with any problem is refused whole.
 */
final class SetValidator {
    private static final Set<String> ARCHIVE_SUFFIXES =
            Set.of(".zip", ".jar", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".zst");

    private final String source;
    private final ValidationProfile profile;
    private final TreeMap<String, byte[]> accepted = new TreeMap<>();
    private final Set<String> seen = new HashSet<>();
    private final List<EntryProblem> problems = new ArrayList<>();
    private long totalBytes;

    SetValidator(String source, ValidationProfile profile) {
        this.source = source;
        this.profile = profile;
    }

    /** Whether the entry's name is safe and new; records the problem otherwise. */
    boolean checkName(String name) {
        String problem = nameProblem(name);
        if (problem == null && !seen.add(name)) {
            problem = "duplicate entry name";
        }
        if (problem != null) {
            reject(name, problem);
            return false;
        }
        if (seen.size() > profile.maxImages()) {
            throw refused(new EntryProblem(name, "more than " + profile.maxImages() + " images"));
        }
        return true;
    }

    private static String nameProblem(String name) {
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            return "empty or NUL in name";
        }
        if (name.startsWith("/") || name.indexOf('\\') >= 0 || (name.length() > 1 && name.charAt(1) == ':')) {
            return "absolute or non-portable path";
        }
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                return "path traversal (..)";
            }
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String suffix : ARCHIVE_SUFFIXES) {
            if (lower.endsWith(suffix)) {
                return "nested archive";
            }
        }
        return null;
    }

    void reject(String name, String problem) {
        if (problems.size() < ImageSetRejectedException.MAX_REPORTED) {
            problems.add(new EntryProblem(name, problem));
        }
    }

    /**
     * Reads an entry's content, counting the bytes actually produced against the per-entry, total and
     * ratio limits ({@code compressedSize} is -1 where there is no compression, as in a folder). Returns null,
     * with the problem recorded, when a per-entry limit is passed; throws when the set's total is.
     */
    byte[] read(String name, InputStream in, long compressedSize) throws IOException {
        long limit = Math.min(profile.maxEntryBytes(), profile.maxTotalBytes() - totalBytes);
        byte[] buffer = new byte[8192];
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        long count = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            count += n;
            if (compressedSize >= 0 && count > ValidationProfile.RATIO_FLOOR_BYTES
                    && count > compressedSize * ValidationProfile.MAX_COMPRESSION_RATIO) {
                reject(name, "inflates over " + ValidationProfile.MAX_COMPRESSION_RATIO
                        + " times its compressed size (zip bomb?)");
                return null;
            }
            if (count > limit) {
                if (totalBytes + count > profile.maxTotalBytes()) {
                    throw refused(new EntryProblem(name, "the set inflates to more than " + profile.maxTotalBytes()
                            + " bytes"));
                }
                reject(name, "larger than " + profile.maxEntryBytes() + " bytes");
                return null;
            }
            out.write(buffer, 0, n);
        }
        totalBytes += count;
        return out.toByteArray();
    }

    /** Checks an entry's bytes as an image of this profile and keeps them when they pass. */
    void accept(String name, byte[] bytes) {
        String problem = imageProblem(bytes);
        if (problem != null) {
            reject(name, problem);
        } else {
            accepted.put(name, bytes);
        }
    }

    private String imageProblem(byte[] bytes) {
        if (isArchive(bytes)) {
            return "nested archive";
        }
        ImageHeader header;
        try {
            header = ImageHeader.read(bytes);
        } catch (IllegalArgumentException e) {
            return ImageFormat.sniff(bytes) == null && profile == ValidationProfile.KAGGLE_DOGS
                    ? "Only PNG images should be submitted (not an image)" : e.getMessage();
        }
        String problem = profile.check(header);
        if (problem != null) {
            return problem;
        }
        if (header.format() == ImageFormat.JPEG && header.channels() == 4) {
            // Java's decoder reads a CMYK/YCCK JPEG without complaint and with wrong colours (a mean error of
            // 48/255 was measured): refused, so no feature is ever computed from colours that are not there
            return "a CMYK JPEG (4 colour components): its colours would be decoded wrong; convert it to RGB";
        }
        try {
            if (ImageIO.read(new ByteArrayInputStream(bytes)) == null) {
                return "no decoder for this image";
            }
        } catch (IOException | RuntimeException e) {
            return "truncated or corrupt " + header.format() + ": " + oneLine(e);
        }
        return null;
    }

    private static boolean isArchive(byte[] b) {
        return b.length >= 4 && ((b[0] == 'P' && b[1] == 'K' && (b[2] == 3 || b[2] == 5) && (b[3] == 4 || b[3] == 6))
                || ((b[0] & 0xFF) == 0x1F && (b[1] & 0xFF) == 0x8B)
                || (b[0] == '7' && b[1] == 'z' && (b[2] & 0xFF) == 0xBC)
                || (b[0] == 'R' && b[1] == 'a' && b[2] == 'r' && b[3] == '!'));
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s+", " ");
    }

    /** Refuses the set at once for a set-wide limit, which leads the report. */
    ImageSetRejectedException refused(EntryProblem fatal) {
        List<EntryProblem> all = new ArrayList<>();
        all.add(fatal);
        all.addAll(problems);
        return new ImageSetRejectedException(source, all);
    }

    /** The accepted entries in name order; throws with the report if any entry was refused or none was read. */
    List<Entry> finish() {
        if (!problems.isEmpty()) {
            throw new ImageSetRejectedException(source, problems);
        }
        if (accepted.isEmpty()) {
            throw new ImageSetRejectedException(source, List.of(new EntryProblem("", "contains no images")));
        }
        List<Entry> entries = new ArrayList<>(accepted.size());
        accepted.forEach((name, bytes) -> entries.add(new Entry(name, bytes)));
        return entries;
    }

    record Entry(String name, byte[] bytes) {
        byte[] nameBytes() {
            return name.getBytes(StandardCharsets.UTF_8);
        }
    }
}
