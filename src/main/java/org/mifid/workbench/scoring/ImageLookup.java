package org.mifid.workbench.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.PrintableText;
import org.mifid.workbench.store.ReferenceSet;
import org.mifid.workbench.core.Submission;

/**
 * Reads one image's bytes from where a submission or reference set came from: a zip archive or a folder,
 * by the entry name stored with the features. Zips stay open (random access) until {@link #close()}, so a
 * report or the inspector can fetch many images cheaply. Safe to share between threads.
 *
 * <p>Entry names come from the workspace, but the folders and zips they point into are outside files: a name
 * that would leave the folder ("..", absolute) is refused, and no image larger than {@link #MAX_IMAGE_BYTES} is
 * read.
 */
public final class ImageLookup implements AutoCloseable {
    /** Far above a 64x64 PNG (a few kB) or a 331x331 JPEG, far below what could hurt memory. */
    public static final long MAX_IMAGE_BYTES = 16L << 20;

    private final Map<Path, ZipFile> zips = new ConcurrentHashMap<>();

    public byte[] submissionImage(Submission submission, String imageName) {
        if (submission.path() == null) {
            throw new InvalidInputException(submission.fileName() == null ? "submission " + submission.id()
                    : submission.fileName(), "no archive stored for this submission (imported results)");
        }
        return read(Path.of(submission.path()), imageName);
    }

    public byte[] referenceImage(ReferenceSet set, String imageName) {
        return read(Path.of(set.location()), imageName);
    }

    /**
     * Why the inspector cannot show a submission's images beside their neighbours from this machine, in one line,
     * or empty when its archive and the training images are both there. Imported submissions carry locations
     * from wherever they were scored (a cluster's shared storage), so this is checked before any thumbnail fails.
     */
    public static Optional<String> unreachable(Submission submission, ReferenceSet set) {
        List<String> missing = new ArrayList<>(2);
        if (submission.path() == null) {
            missing.add("no archive is stored for this submission (results imported without images)");
        } else if (!Files.exists(Path.of(submission.path()))) {
            missing.add("archive " + PrintableText.of(submission.path()) + " is not reachable from this machine");
        }
        if (set == null) {
            missing.add("the training set of its neighbours is not in the workspace");
        } else if (!Files.exists(Path.of(set.location()))) {
            missing.add("training images " + PrintableText.of(set.location()) + " are not reachable from this"
                    + " machine");
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of("images not shown: " + String.join("; ", missing));
    }

    /** The bytes of {@code entryName} inside the zip or folder {@code location}. */
    public byte[] read(Path location, String entryName) {
        String source = location + "!" + entryName;
        if (Files.isDirectory(location)) {
            return readFromFolder(location, entryName, source);
        }
        if (!Files.isRegularFile(location)) {
            throw new InvalidInputException(location.toString(), "no such archive or folder");
        }
        ZipFile zip = zips.computeIfAbsent(location.toAbsolutePath().normalize(), p -> {
            try {
                return new ZipFile(p.toFile());
            } catch (IOException e) {
                throw new InvalidInputException(location.toString(), "not a readable zip: " + e.getMessage(), e);
            }
        });
        ZipEntry entry = zip.getEntry(entryName);
        if (entry == null || entry.isDirectory()) {
            throw new InvalidInputException(source, "no such entry");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return readBounded(in, source);
        } catch (IOException e) {
            throw new InvalidInputException(source, "unreadable entry: " + e.getMessage(), e);
        }
    }

    private static byte[] readFromFolder(Path folder, String entryName, String source) {
        Path root = folder.toAbsolutePath().normalize();
        Path file = root.resolve(entryName).normalize();
        if (!file.startsWith(root) || Path.of(entryName).isAbsolute()) {
            throw new InvalidInputException(source, "entry name leaves its folder");
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidInputException(source, "no such image");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return readBounded(in, source);
        } catch (IOException e) {
            throw new InvalidInputException(source, "unreadable image: " + e.getMessage(), e);
        }
    }

    /** Reads at most the cap, whatever size the archive claims (zip headers can lie). */
    private static byte[] readBounded(InputStream in, String source) throws IOException {
        byte[] bytes = in.readNBytes((int) MAX_IMAGE_BYTES + 1);
        if (bytes.length > MAX_IMAGE_BYTES) {
            throw new InvalidInputException(source, "image larger than " + (MAX_IMAGE_BYTES >> 20) + " MiB");
        }
        return bytes;
    }

    /** The image's MIME type from its first bytes, or null when it is none a browser shows safely. */
    public static String mimeType(byte[] bytes) {
        if (bytes.length >= 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return "image/png";
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (bytes.length >= 6 && bytes[0] == 'G' && bytes[1] == 'I' && bytes[2] == 'F' && bytes[3] == '8') {
            return "image/gif";
        }
        return null;
    }

    @Override
    public void close() {
        for (ZipFile zip : zips.values()) {
            try {
                zip.close();
            } catch (IOException e) {
                // closing a read-only zip: nothing was written that could be lost
            }
        }
        zips.clear();
    }
}
