package org.mifid.workbench.io;

import java.nio.file.Files;
import java.nio.file.Path;
import org.mifid.workbench.core.InvalidInputException;

/**
 * A file the workbench reads, checked before it is opened: a directory or a pipe is named as what it is (not
 * "no such file"), and a pipe is never opened, since opening one for reading waits for a writer forever.
 */
public final class InputFile {
    private InputFile() {
    }

    /**
     * @return {@code file}, when it is a regular file (links are followed)
     * @throws InvalidInputException naming the file and what it is instead
     */
    public static Path requireRegular(Path file) {
        if (Files.isRegularFile(file)) {
            return file;
        }
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(file.toString(), "is a directory; name a file");
        }
        if (Files.exists(file)) {
            throw new InvalidInputException(file.toString(), "is not a regular file (a pipe, device or socket)");
        }
        throw new InvalidInputException(file.toString(), "no such file");
    }
}
