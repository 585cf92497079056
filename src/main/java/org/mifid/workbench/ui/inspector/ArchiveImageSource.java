package org.mifid.workbench.ui.inspector;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.mifid.workbench.engine.InvalidInputException;
import org.mifid.workbench.store.ReferenceSet;
import org.mifid.workbench.store.Submission;

/**
 * Reads images back from where they were scored: an entry of a zip, or a file inside a folder (never outside it).
 * The archives were validated when they were scored; this only refuses names that escape their folder.
 */
public final class ArchiveImageSource implements ImageSource {

    @Override
    public byte[] submissionImage(Submission submission, String name) throws IOException {
        if (submission.path() == null) {
            throw new InvalidInputException(submission.fileName(), "imported result: its images are not available");
        }
        return read(Paths.get(submission.path()), name);
    }

    @Override
    public byte[] referenceImage(ReferenceSet set, String name) throws IOException {
        return read(Paths.get(set.location()), name);
    }

    private static byte[] read(Path location, String name) throws IOException {
        if (Files.isDirectory(location)) {
            Path file = location.resolve(name).normalize();
            if (!file.startsWith(location.normalize())) {
                throw new InvalidInputException(location + "!" + name, "entry name leaves its folder");
            }
            return Files.readAllBytes(file);
        }
        try (ZipFile zip = new ZipFile(location.toFile())) {
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                throw new InvalidInputException(location + "!" + name, "no such entry");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }
    }
}
