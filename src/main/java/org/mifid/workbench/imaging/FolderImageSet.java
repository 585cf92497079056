package org.mifid.workbench.imaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.ProgressMonitor;

/** A set read from a folder tree. Symbolic links are refused, not followed; names are relative paths with '/'. */
public final class FolderImageSet extends InMemoryImageSet {
    private FolderImageSet(String source, List<SetValidator.Entry> entries) {
        super(source, entries);
    }

    static FolderImageSet read(Path dir, ValidationProfile profile, ProgressMonitor monitor) {
        String source = dir.toString();
        SetValidator validator = new SetValidator(source, profile);
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.filter(p -> !p.equals(dir)).sorted().toList();
        } catch (IOException e) {
            throw new InvalidInputException(source, "cannot list the folder: " + e.getMessage(), e);
        }
        int done = 0;
        for (Path p : paths) {
            monitor.checkCancelled();
            monitor.update(done++, paths.size(), "checking " + source);
            String name = dir.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
            if (Files.isSymbolicLink(p)) {
                validator.reject(name, "symbolic link");
                continue;
            }
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                validator.reject(name, "not a regular file");
                continue;
            }
            if (!validator.checkName(name)) {
                continue;
            }
            try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
                byte[] bytes = validator.read(name, in, -1);
                if (bytes != null) {
                    validator.accept(name, bytes);
                }
            } catch (IOException e) {
                validator.reject(name, "cannot read: " + e.getMessage());
            }
        }
        monitor.update(paths.size(), paths.size(), "checked " + source);
        return new FolderImageSet(source, validator.finish());
    }
}
