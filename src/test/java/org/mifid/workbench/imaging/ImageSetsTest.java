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
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.core.ProgressMonitor;

public class ImageSetsTest {
    @TempDir
    Path dir;

    public static byte[] png(int w, int h, int type, int seed) throws IOException {
        BufferedImage image = new BufferedImage(w, h, type);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, (x * 7 + seed) << 16 | (y * 5) << 8 | (x ^ y));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static byte[] jpeg(int w, int h) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "jpg", out);
        return out.toByteArray();
    }

    public static byte[] rgb64(int seed) throws IOException {
        return png(64, 64, BufferedImage.TYPE_INT_RGB, seed);
    }

    private Path zip(String file, Object... nameThenBytes) throws IOException {
        Path z = dir.resolve(file);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(z))) {
            for (int i = 0; i < nameThenBytes.length; i += 2) {
                out.putNextEntry(new ZipEntry((String) nameThenBytes[i]));
                out.write((byte[]) nameThenBytes[i + 1]);
                out.closeEntry();
            }
        }
        return z;
    }

    private ImageSetRejectedException rejected(Path path, ValidationProfile profile) {
        ImageSetRejectedException e = assertThrows(ImageSetRejectedException.class,
                () -> ImageSets.open(path, profile, ProgressMonitor.NONE));
        assertEquals(1, e.getMessage().lines().count(), "one-line message: " + e.getMessage());
        return e;
    }

    private void assertNothingWritten() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.allMatch(p -> p.getFileName().toString().endsWith(".zip") || p.startsWith(dir.resolve("f"))),
                    "nothing extracted beside the archive");
        }
    }

    @Test
    void readsAValidZipInNameOrderAndDecodesRgb() throws IOException {
        Path z = zip("ok.zip", "b.png", rgb64(2), "a.png", rgb64(1), "sub/c.png", rgb64(3));
        try (InMemoryImageSet set = ImageSets.open(z, ValidationProfile.KAGGLE_DOGS, ProgressMonitor.NONE)) {
            assertEquals(3, set.size());
            assertEquals(List.of("a.png", "b.png", "sub/c.png"), List.of(set.name(0), set.name(1), set.name(2)));
            assertTrue(Arrays.equals(rgb64(1), set.bytes(0)));
            BufferedImage img = set.decode(1);
            assertEquals(64, img.getWidth());
            assertEquals((3 * 7 + 2) << 16 | (4 * 5) << 8 | (3 ^ 4), img.getRGB(3, 4) & 0xFFFFFF);
        }
        assertNothingWritten();
    }

    @Test
    void checksumFollowsContentAndIsTheSameForZipAndFolder() throws IOException {
        Path z1 = zip("one.zip", "a.png", rgb64(1), "b.png", rgb64(2));
        Path z2 = zip("two.zip", "a.png", rgb64(1), "b.png", rgb64(5));
        Path folder = Files.createDirectories(dir.resolve("f"));
        Files.write(folder.resolve("a.png"), rgb64(1));
        Files.write(folder.resolve("b.png"), rgb64(2));
        String c1 = ImageSets.open(z1, ValidationProfile.KAGGLE_DOGS, ProgressMonitor.NONE).checksum();
        String c2 = ImageSets.open(z2, ValidationProfile.KAGGLE_DOGS, ProgressMonitor.NONE).checksum();
        String cf = ImageSets.open(folder, ValidationProfile.KAGGLE_DOGS, ProgressMonitor.NONE).checksum();
        assertNotEquals(c1, c2);
        assertEquals(c1, cf);
        assertEquals(64, c1.length());
    }

    @Test
    void kaggleProfileUsesTheCompetitionMessages() throws IOException {
        Path size = zip("size.zip", "a.png", png(65, 64, BufferedImage.TYPE_INT_RGB, 0));
        assertTrue(rejected(size, ValidationProfile.KAGGLE_DOGS).getMessage()
                .contains("a.png: The images are not of size 64"));
        Path jpg = zip("jpg.zip", "a.jpg", jpeg(64, 64));
        assertTrue(rejected(jpg, ValidationProfile.KAGGLE_DOGS).getMessage()
                .contains("a.jpg: Only PNG images should be submitted"));
        Path grey = zip("grey.zip", "g.png", png(64, 64, BufferedImage.TYPE_BYTE_GRAY, 0));
        assertTrue(rejected(grey, ValidationProfile.KAGGLE_DOGS).getMessage().contains("not an RGB PNG"));
        // the lenient profile takes all three
        Path mixed = zip("mixed.zip", "a.png", png(65, 64, BufferedImage.TYPE_INT_RGB, 0), "b.jpg", jpeg(30, 20),
                "g.png", png(8, 8, BufferedImage.TYPE_BYTE_GRAY, 0));
        try (ImageSet set = ImageSets.open(mixed, ValidationProfile.LENIENT, ProgressMonitor.NONE)) {
            assertEquals(3, set.size());
            assertEquals(30, set.decode(1).getWidth());
        }
    }

    @Test
    void hostileEntriesAreAllReportedByName() throws IOException {
        Path z = zip("hostile.zip", "../evil.png", rgb64(0), "/abs.png", rgb64(0), "ok.png", rgb64(0),
                "inner.zip", new byte[] {'P', 'K', 3, 4, 0, 0}, "notes.txt", "hello".getBytes(),
                "trunc.png", Arrays.copyOf(rgb64(1), 200), "disguised.png", zipBytes());
        ImageSetRejectedException e = rejected(z, ValidationProfile.KAGGLE_DOGS);
        List<String> report = e.problems().stream().map(EntryProblem::toString).toList();
        assertEquals(6, report.size(), report.toString());
        assertTrue(report.contains("../evil.png: path traversal (..)"), report.toString());
        assertTrue(report.contains("/abs.png: absolute or non-portable path"), report.toString());
        assertTrue(report.contains("inner.zip: nested archive"), report.toString());
        assertTrue(report.contains("disguised.png: nested archive"), report.toString());
        assertTrue(report.contains("notes.txt: Only PNG images should be submitted (not an image)"), report.toString());
        assertTrue(report.stream().anyMatch(r -> r.startsWith("trunc.png: truncated or corrupt PNG")), report.toString());
        assertTrue(e.getMessage().contains("and 5 more refused entries"));
        assertNothingWritten();
    }

    /** A real CMYK JPEG, written from a four-band raster as Java's JPEG writer does it (Adobe marker). */
    static byte[] cmykJpeg(int w, int h) throws IOException {
        java.awt.image.WritableRaster raster = java.awt.image.Raster.createInterleavedRaster(
                java.awt.image.DataBuffer.TYPE_BYTE, w, h, 4, null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                raster.setPixel(x, y, new int[] {x * 3, y * 3, 40, 10});
            }
        }
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (javax.imageio.stream.ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new javax.imageio.IIOImage(raster, null, null), null);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    @Test
    void cmykJpegsAreRefusedRatherThanDecodedWithWrongColours() throws IOException {
        byte[] cmyk = cmykJpeg(64, 64);
        Path z = zip("cmyk.zip", "print.jpg", cmyk, "ok.png", rgb64(3));
        ImageSetRejectedException e = rejected(z, ValidationProfile.LENIENT);
        List<String> report = e.problems().stream().map(EntryProblem::toString).toList();
        assertEquals(List.of("print.jpg: a CMYK JPEG (4 colour components): its colours would be decoded wrong;"
                + " convert it to RGB"), report);
        assertNothingWritten();
    }

    private static byte[] zipBytes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("x.png"));
            out.write(rgb64(0));
        }
        return bytes.toByteArray();
    }

    @Test
    void duplicateNamesAndEmptyArchivesAreRefused() throws IOException {
        // ZipOutputStream refuses duplicates, so write the second copy under a same-length name and patch it
        Path z = zip("dup.zip", "a.png", rgb64(0), "A.png", rgb64(1));
        byte[] raw = Files.readAllBytes(z);
        for (int i = 0; i + 5 <= raw.length; i++) {
            if (raw[i] == 'A' && raw[i + 1] == '.' && raw[i + 2] == 'p') {
                raw[i] = 'a';
            }
        }
        Files.write(z, raw);
        assertTrue(rejected(z, ValidationProfile.KAGGLE_DOGS).getMessage().contains("a.png: duplicate entry name"));
        Path empty = zip("empty.zip");
        assertTrue(rejected(empty, ValidationProfile.KAGGLE_DOGS).getMessage().contains("contains no images"));
    }

    @Test
    void zipBombsStopWhileStreaming() throws IOException {
        // 3 MB of zeros deflates ~1000:1; the header sizes are not what stops it, the inflated count is
        Path bomb = dir.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            out.putNextEntry(new ZipEntry("bomb.png"));
            byte[] head = rgb64(0);
            out.write(head, 0, 33);
            out.write(new byte[3 << 20]);
            out.closeEntry();
        }
        assertTrue(rejected(bomb, ValidationProfile.LENIENT).getMessage().contains("zip bomb"));
        // a big stored (uncompressed) entry trips the per-entry byte limit instead
        Path big = dir.resolve("big.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(big))) {
            out.setLevel(0);
            out.putNextEntry(new ZipEntry("big.png"));
            byte[] noise = new byte[(1 << 20) + 10];
            new java.util.Random(1).nextBytes(noise);
            out.write(noise);
            out.closeEntry();
        }
        assertTrue(rejected(big, ValidationProfile.KAGGLE_DOGS).getMessage().contains("larger than 1048576 bytes"));
    }

    @Test
    void decompressionBombsAreRefusedFromTheHeader() throws IOException {
        byte[] png = png(8, 8, BufferedImage.TYPE_INT_RGB, 0);
        ByteBuffer.wrap(png).order(ByteOrder.BIG_ENDIAN).putInt(16, 100_000).putInt(20, 100_000);
        Path z = zip("pixels.zip", "huge.png", png);
        assertTrue(rejected(z, ValidationProfile.LENIENT).getMessage()
                .contains("huge.png: declares 100000x100000 pixels"));
    }

    @Test
    void symbolicLinksAreRefusedInZipsAndFolders() throws IOException {
        Path z = zip("link.zip", "a.png", rgb64(0), "l.png", "/etc/passwd".getBytes());
        // mark l.png as a Unix symlink in the central directory: version made by 3, mode 0120777
        byte[] raw = Files.readAllBytes(z);
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 < raw.length; i++) {
            if (b.getInt(i) == 0x02014b50 && raw[i + 46] == 'l') {
                b.putShort(i + 4, (short) (3 << 8 | 20));
                b.putInt(i + 38, 0120777 << 16);
            }
        }
        Files.write(z, raw);
        assertTrue(rejected(z, ValidationProfile.KAGGLE_DOGS).getMessage().contains("l.png: symbolic link"));

        Path folder = Files.createDirectories(dir.resolve("f"));
        Files.write(folder.resolve("a.png"), rgb64(0));
        Files.createSymbolicLink(folder.resolve("b.png"), folder.resolve("a.png"));
        assertTrue(rejected(folder, ValidationProfile.KAGGLE_DOGS).getMessage().contains("b.png: symbolic link"));
    }

    @Test
    void tooManyImagesStopsEarly() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("f"));
        byte[] tiny = new byte[] {1};
        for (int i = 0; i <= ValidationProfile.KAGGLE_DOGS.maxImages(); i++) {
            try (OutputStream out = Files.newOutputStream(folder.resolve(i + ".png"))) {
                out.write(tiny);
            }
        }
        assertTrue(rejected(folder, ValidationProfile.KAGGLE_DOGS).getMessage().contains("more than 10000 images"));
    }
}
