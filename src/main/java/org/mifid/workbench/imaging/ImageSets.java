package org.mifid.workbench.imaging;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.ProgressMonitor;

/** Opens a zip or a folder as a validated {@link ImageSet}. */
public final class ImageSets {
    private ImageSets() {
    }

    /**
     * Reads and validates every entry of {@code path} (a zip file or a folder) under {@code profile}. Images
     * are ordered by entry name. Throws {@link ImageSetRejectedException} with a per-entry report when any
     * entry is refused; nothing is written anywhere.
     */
    public static InMemoryImageSet open(Path path, ValidationProfile profile, ProgressMonitor monitor) {
        if (Files.isSymbolicLink(path)) {
            throw new InvalidInputException(path.toString(), "is a symbolic link; give the real path");
        }
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return FolderImageSet.read(path, profile, monitor);
        }
        if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            return ZipImageSet.read(path, profile, monitor);
        }
        throw new InvalidInputException(path.toString(), "no such zip file or folder");
    }
}
