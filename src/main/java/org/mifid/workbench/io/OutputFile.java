package org.mifid.workbench.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import org.mifid.workbench.core.InvalidInputException;

/**
 * A file the workbench writes: refused before any work is done when writing it could destroy something (an
 * input, the workspace, a directory, a link, a device), then written beside its place and moved there whole,
 * so a failure leaves the old file (or nothing) rather than half a file.
 */
public final class OutputFile {
    private OutputFile() {
    }

    /** Writes a file's content to a stream; the stream is closed by the caller. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Checks that {@code out} may be written: nothing there yet, or a regular file (not through a link) that is
     * none of {@code inputs} (null entries are skipped).
     *
     * @throws InvalidInputException naming {@code out} and the problem
     */
    public static Path check(Path out, Path... inputs) {
        if (Files.isSymbolicLink(out)) {
            throw new InvalidInputException(out.toString(), "is a symbolic link; name the file itself");
        }
        if (Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidInputException(out.toString(), "is a directory; name a file to write");
        }
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isRegularFile(out, LinkOption.NOFOLLOW_LINKS)) {
                throw new InvalidInputException(out.toString(),
                        "is not a regular file (a device, pipe or socket); name a regular file to write");
            }
            for (Path input : inputs) {
                if (input != null && Files.exists(input) && same(out, input)) {
                    throw new InvalidInputException(out.toString(), "is also an input of this command ("
                            + input + "); writing it would destroy it: name another file");
                }
            }
        }
        return out;
    }

    private static boolean same(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return Objects.equals(a.toAbsolutePath().normalize(), b.toAbsolutePath().normalize());
        }
    }

    /** Checks {@code out} against {@code inputs}, then writes it whole or not at all. */
    public static void write(Path out, Content content, Path... inputs) {
        check(out, inputs);
        Path target = out.toAbsolutePath();
        Path partial = null;
        try {
            Files.createDirectories(target.getParent());
            partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
            try (OutputStream os = Files.newOutputStream(partial)) {
                content.writeTo(os);
            }
            // checked again: the target may have changed while the content was written
            check(out, inputs);
            try {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
            partial = null;
        } catch (IOException e) {
            throw new InvalidInputException(out.toString(), "cannot write: " + e.getMessage(), e);
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // the original error is the one worth reporting
                }
            }
        }
    }
}
