package org.mifid.workbench.imaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.ProgressMonitor;

/**
 * A set read from a zip archive, entry by entry into memory: nothing is extracted to disk. Limits are counted
 * on inflated bytes as they stream; symbolic links are found from the Unix mode bits in the central directory,
 * which {@link ZipFile} does not expose.
 */
public final class ZipImageSet extends InMemoryImageSet {
    private static final int S_IFMT = 0170000;
    private static final int S_IFLNK = 0120000;

    private ZipImageSet(String source, List<SetValidator.Entry> entries) {
        super(source, entries);
    }

    static ZipImageSet read(Path file, ValidationProfile profile, ProgressMonitor monitor) {
        String source = file.toString();
        SetValidator validator = new SetValidator(source, profile);
        Set<String> links = symbolicLinks(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(zip.entries());
            int done = 0;
            for (ZipEntry entry : entries) {
                monitor.checkCancelled();
                monitor.update(done++, entries.size(), "checking " + source);
                String name = entry.getName();
                if (entry.isDirectory() && !links.contains(name)) {
                    continue;
                }
                if (!validator.checkName(name)) {
                    continue;
                }
                if (links.contains(name)) {
                    validator.reject(name, "symbolic link");
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] bytes = validator.read(name, in, entry.getCompressedSize());
                    if (bytes != null) {
                        validator.accept(name, bytes);
                    }
                } catch (IOException e) {
                    validator.reject(name, "corrupt zip entry: " + e.getMessage());
                }
            }
            monitor.update(entries.size(), entries.size(), "checked " + source);
        } catch (ZipException e) {
            throw new InvalidInputException(source, "not a readable zip archive: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InvalidInputException(source, "cannot read: " + e.getMessage(), e);
        }
        return new ZipImageSet(source, validator.finish());
    }

    /** Names of entries whose Unix mode (high half of the external attributes) says symbolic link. */
    private static Set<String> symbolicLinks(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            int tail = (int) Math.min(size, 22 + 65_535);
            ByteBuffer end = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(end, size - tail);
            int eocd = -1;
            for (int i = tail - 22; i >= 0; i--) {
                if (end.getInt(i) == 0x06054b50) {
                    eocd = i;
                    break;
                }
            }
            if (eocd < 0) {
                throw new InvalidInputException(file.toString(), "not a zip archive (no end of central directory)");
            }
            long cdSize = Integer.toUnsignedLong(end.getInt(eocd + 12));
            long cdOffset = Integer.toUnsignedLong(end.getInt(eocd + 16));
            if (cdOffset + cdSize > size || cdSize > Integer.MAX_VALUE) {
                throw new InvalidInputException(file.toString(), "corrupt zip central directory");
            }
            ByteBuffer cd = ByteBuffer.allocate((int) cdSize).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(cd, cdOffset);
            Set<String> links = new HashSet<>();
            int p = 0;
            while (p + 46 <= cdSize && cd.getInt(p) == 0x02014b50) {
                int madeBy = (cd.getShort(p + 4) & 0xFFFF) >>> 8;
                int nameLength = cd.getShort(p + 28) & 0xFFFF;
                int extraLength = cd.getShort(p + 30) & 0xFFFF;
                int commentLength = cd.getShort(p + 32) & 0xFFFF;
                int mode = cd.getInt(p + 38) >>> 16;
                if (p + 46 + nameLength > cdSize) {
                    break;
                }
                if (madeBy == 3 && (mode & S_IFMT) == S_IFLNK) {
                    byte[] name = new byte[nameLength];
                    cd.get(p + 46, name);
                    links.add(new String(name, StandardCharsets.UTF_8));
                }
                p += 46 + nameLength + extraLength + commentLength;
            }
            return links;
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
    }
}
