package org.mifid.workbench.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.engine.InvalidInputException;
import org.mifid.workbench.engine.ProgressMonitor;

/** Hostile and valid archives built on the spot; every rejection names the archive and the entry. */
class ImageSetsTest {
    @TempDir
    Path dir;

    static byte[] png(int w, int h, int seed) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, (x * 7 + y * 3 + seed * 31) * 0x010203 & 0xFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    static byte[] jpeg(int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", out);
        return out.toByteArray();
    }

    private interface Entries {
        void write(ZipArchiveOutputStream z) throws IOException;
    }

    private Path zip(String name, Entries entries) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream os = Files.newOutputStream(p); ZipArchiveOutputStream z = new ZipArchiveOutputStream(os)) {
            entries.write(z);
        }
        return p;
    }

    private static void put(ZipArchiveOutputStream z, String name, byte[] data) throws IOException {
        ZipArchiveEntry e = new ZipArchiveEntry(name);
        z.putArchiveEntry(e);
        z.write(data);
        z.closeArchiveEntry();
    }

    private static String rejection(Path archive, ValidationProfile profile) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ImageSets.open(archive, profile, ProgressMonitor.NONE));
        assertTrue(e.getMessage().startsWith(archive.toString() + ": "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        return e.getMessage();
    }

    @Test
    void validZipAndFolderReadTheSameImagesInNameOrder() throws IOException {
        Path z = zip("ok.zip", out -> {
            put(out, "b.png", png(64, 64, 2));
            put(out, "a.png", png(64, 64, 1));
            put(out, "__MACOSX/._a.png", new byte[] {1, 2});
        });
        Path folder = Files.createDirectories(dir.resolve("ok"));
        Files.write(folder.resolve("a.png"), png(64, 64, 1));
        Files.write(folder.resolve("b.png"), png(64, 64, 2));
        try (ImageSet fromZip = ImageSets.open(z, ValidationProfile.KAGGLE_DOGS, ProgressMonitor.NONE);
             ImageSet fromFolder = ImageSets.open(folder, ValidationProfile.KAGGLE_DOGS, ProgressMonitor.NONE)) {
            assertEquals(2, fromZip.size());
            assertEquals("a.png", fromZip.name(0));
            assertEquals(fromZip.checksum(), fromFolder.checksum());
            assertEquals(64, fromZip.decode(1).getWidth());
            assertTrue(Arrays.equals(png(64, 64, 2), fromZip.bytes(1)));
        }
        Files.write(folder.resolve("b.png"), png(64, 64, 3));
        try (ImageSet changed = ImageSets.open(folder, ValidationProfile.KAGGLE_DOGS, ProgressMonitor.NONE);
             ImageSet fromZip = ImageSets.open(z, ValidationProfile.KAGGLE_DOGS, ProgressMonitor.NONE)) {
            assertNotEquals(fromZip.checksum(), changed.checksum());
        }
    }

    @Test
    void pathTraversalAndAbsoluteNames() throws IOException {
        byte[] ok = png(64, 64, 1);
        assertTrue(rejection(zip("t.zip", z -> put(z, "../../etc/evil.png", ok)), ValidationProfile.LENIENT)
                .contains("../../etc/evil.png: a path that climbs out"));
        assertTrue(rejection(zip("abs.zip", z -> put(z, "/etc/evil.png", ok)), ValidationProfile.LENIENT)
                .contains("absolute"));
        assertTrue(rejection(zip("win.zip", z -> put(z, "C:\\evil.png", ok)), ValidationProfile.LENIENT)
                .contains("absolute"));
    }

    @Test
    void symbolicLinksInZipsAndFolders() throws IOException {
        Path z = zip("link.zip", out -> {
            ZipArchiveEntry e = new ZipArchiveEntry("link.png");
            e.setUnixMode(0120777);
            out.putArchiveEntry(e);
            out.write("/etc/passwd".getBytes());
            out.closeArchiveEntry();
        });
        assertTrue(rejection(z, ValidationProfile.LENIENT).contains("link.png: a symbolic link"));
        Path folder = Files.createDirectories(dir.resolve("f"));
        Files.write(folder.resolve("a.png"), png(64, 64, 1));
        Files.createSymbolicLink(folder.resolve("b.png"), folder.resolve("a.png"));
        assertTrue(rejection(folder, ValidationProfile.LENIENT).contains("b.png: a symbolic link"));
    }

    @Test
    void nestedArchivesAndNonImages() throws IOException {
        byte[] inner = Files.readAllBytes(zip("inner.zip", z -> put(z, "a.png", png(64, 64, 1))));
        assertTrue(rejection(zip("n.zip", z -> put(z, "inner.zip", inner)), ValidationProfile.LENIENT)
                .contains("nested archive"));
        assertTrue(rejection(zip("n2.zip", z -> put(z, "sneaky.png", inner)), ValidationProfile.LENIENT)
                .contains("sneaky.png: a nested archive"));
        assertTrue(rejection(zip("txt.zip", z -> put(z, "notes.png", "hello".getBytes())),
                ValidationProfile.KAGGLE_DOGS).contains("notes.png: Only PNG images should be submitted"));
    }

    @Test
    void zipBombIsStoppedWithoutReadingItAll() throws IOException {
        Path bomb = zip("bomb.zip", z -> {
            ZipArchiveEntry e = new ZipArchiveEntry("zeros.png");
            z.putArchiveEntry(e);
            byte[] block = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                z.write(block);
            }
            z.closeArchiveEntry();
        });
        assertTrue(Files.size(bomb) < 1_000_000);
        long t = System.nanoTime();
        String message = rejection(bomb, ValidationProfile.LENIENT);
        assertTrue(message.contains("zeros.png: compressed more than 100:1") || message.contains("larger than"),
                message);
        assertTrue(System.nanoTime() - t < 5_000_000_000L, "a bomb must be refused quickly");
    }

    @Test
    void decompressionBombIsRefusedFromTheHeader() throws IOException {
        // a PNG whose header claims 100,000 x 100,000 pixels
        byte[] real = png(64, 64, 1);
        byte[] bomb = real.clone();
        ByteBuffer.wrap(bomb, 16, 8).putInt(100_000).putInt(100_000);
        CRC32 crc = new CRC32();
        crc.update(bomb, 12, 17);
        ByteBuffer.wrap(bomb, 29, 4).putInt((int) crc.getValue());
        assertTrue(rejection(zip("big.zip", z -> put(z, "big.png", bomb)), ValidationProfile.LENIENT)
                .contains("big.png: declares 100000x100000 pixels"));
    }

    @Test
    void truncatedAndCorruptImages() throws IOException {
        byte[] real = png(64, 64, 1);
        byte[] cut = Arrays.copyOf(real, real.length / 2);
        assertTrue(rejection(zip("cut.zip", z -> put(z, "cut.png", cut)), ValidationProfile.LENIENT)
                .contains("cut.png: truncated PNG"));
        byte[] garbled = real.clone();
        for (int i = 40; i < garbled.length - 20; i++) {
            garbled[i] = (byte) (garbled[i] ^ 0x5A);
        }
        assertTrue(rejection(zip("bad.zip", z -> put(z, "bad.png", garbled)), ValidationProfile.LENIENT)
                .contains("bad.png: truncated or corrupt image"));
        Path truncatedZip = dir.resolve("half.zip");
        byte[] whole = Files.readAllBytes(zip("whole.zip", z -> put(z, "a.png", real)));
        Files.write(truncatedZip, Arrays.copyOf(whole, whole.length - 30));
        assertTrue(rejection(truncatedZip, ValidationProfile.LENIENT).contains("not a readable zip archive"));
    }

    @Test
    void duplicateNamesAndEmptyArchives() throws IOException {
        Path dup = dir.resolve("dup.zip");
        // ZipArchiveOutputStream refuses duplicates, so write two archives' entries by hand is not needed:
        // java.util.zip refuses too; a folder cannot hold two; test the collector on its own
        EntryCollector c = new EntryCollector(dup.toString(), ValidationProfile.LENIENT);
        assertTrue(c.acceptName("a.png"));
        assertTrue(!c.acceptName("a.png"));
        InvalidArchiveException e = assertThrows(InvalidArchiveException.class, c::finish);
        assertTrue(e.getMessage().contains("a.png: appears twice"));
        assertTrue(rejection(zip("empty.zip", z -> { }), ValidationProfile.LENIENT).contains("holds no images"));
    }

    @Test
    void kaggleRulesUseTheCompetitionsMessages() throws IOException {
        String size = rejection(zip("s.zip", z -> put(z, "wide.png", png(65, 64, 1))), ValidationProfile.KAGGLE_DOGS);
        assertTrue(size.contains("wide.png: The images are not of size 64"), size);
        String type = rejection(zip("j.zip", z -> put(z, "dog.jpg", jpeg(64, 64))), ValidationProfile.KAGGLE_DOGS);
        assertTrue(type.contains("dog.jpg: Only PNG images should be submitted"), type);
        try (ImageSet lenient = ImageSets.open(zip("j2.zip", z -> put(z, "dog.jpg", jpeg(80, 60))),
                ValidationProfile.LENIENT, ProgressMonitor.NONE)) {
            assertEquals(80, lenient.decode(0).getWidth());
        }
        String many = rejection(zip("m.zip", z -> {
            for (int i = 0; i < 3; i++) {
                put(z, i + ".png", png(65, 64, i));
            }
        }), ValidationProfile.KAGGLE_DOGS);
        assertTrue(many.contains("(and 2 more problems)"), many);
    }
}
