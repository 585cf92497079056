package org.mifid.workbench.imaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.mifid.workbench.engine.InvalidInputException;
import org.mifid.workbench.engine.ProgressMonitor;

/**
 * Opens a submission or training set from a zip or a folder. Archives are hostile until checked: every entry
 * is read (never extracted to disk) with hard limits on what it may expand to, its name, type and declared size
 * are checked before it is decoded, and it is fully decoded once to catch truncation. Any problem rejects the
 * whole set with a per-entry report; nothing is written anywhere.
 */
public final class ImageSets {
    private ImageSets() {
    }

    public static ImageSet open(Path source, ValidationProfile profile, ProgressMonitor monitor) {
        if (!Files.exists(source)) {
            throw new InvalidInputException(source.toString(), "no such file or folder");
        }
        EntryCollector collector = new EntryCollector(source.toString(), profile);
        if (Files.isDirectory(source)) {
            readFolder(source, collector, monitor);
        } else {
            readZip(source, collector, monitor);
        }
        return collector.finish();
    }

    private static void readZip(Path source, EntryCollector collector, ProgressMonitor monitor) {
        try (ZipFile zip = ZipFile.builder().setPath(source).get()) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            if (!collector.acceptCount(entries.stream().filter(e -> !e.isDirectory()).count())) {
                return;
            }
            int done = 0;
            for (ZipArchiveEntry e : entries) {
                monitor.checkCancelled();
                monitor.update(++done, entries.size(), "Checking " + source.getFileName());
                String name = e.getName();
                if (e.isDirectory() || EntryCollector.ignorable(name) || !collector.acceptName(name)) {
                    continue;
                }
                if (e.isUnixSymlink()) {
                    collector.problem(name, "a symbolic link, not an image");
                    continue;
                }
                if (!zip.canReadEntryData(e)) {
                    collector.problem(name, "encrypted or compressed with an unsupported method");
                    continue;
                }
                byte[] bytes;
                try (InputStream in = zip.getInputStream(e)) {
                    bytes = collector.readBounded(name, in, e.getCompressedSize());
                }
                if (bytes == null) {
                    if (collector.aborted()) {
                        return;
                    }
                    continue;
                }
                collector.accept(name, bytes);
            }
        } catch (IOException e) {
            throw new InvalidInputException(source.toString(), "not a readable zip archive (" + e.getMessage() + ")", e);
        }
    }

    private static void readFolder(Path root, EntryCollector collector, ProgressMonitor monitor) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> !p.equals(root)).filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted().toList();
        } catch (IOException e) {
            throw new InvalidInputException(root.toString(), "cannot list the folder: " + e.getMessage(), e);
        }
        if (!collector.acceptCount(files.size())) {
            return;
        }
        int done = 0;
        for (Path file : files) {
            monitor.checkCancelled();
            monitor.update(++done, files.size(), "Checking " + root.getFileName());
            String name = root.relativize(file).toString().replace('\\', '/');
            if (EntryCollector.ignorable(name) || !collector.acceptName(name)) {
                continue;
            }
            if (Files.isSymbolicLink(file)) {
                collector.problem(name, "a symbolic link, not an image");
                continue;
            }
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                byte[] bytes = collector.readBounded(name, in, -1);
                if (bytes == null) {
                    if (collector.aborted()) {
                        return;
                    }
                    continue;
                }
                collector.accept(name, bytes);
            } catch (IOException e) {
                collector.problem(name, "cannot read: " + e.getMessage());
            }
        }
    }
}
