package org.mifid.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.mifid.workbench.engine.ComputeDevice;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.core.ErrorKind;
import org.mifid.workbench.engine.FeatureMatrix;
import org.mifid.workbench.io.NpyFile;
import org.mifid.workbench.imaging.ImageSetsTest;

class ExtractCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesOneRowPerImageAndReusesTheCache() throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        for (int i = 0; i < 3; i++) {
            Files.write(images.resolve(i + ".png"), ImageSetsTest.rgb64(i));
        }
        Path out = dir.resolve("f.npy");
        String previous = System.getProperty("mifid.cache");
        System.setProperty("mifid.cache", dir.resolve("cache").toString());
        try {
            CliRun first = CliRun.of("extract", "--images", images.toString(), "--model",
                    "nsfwjs-mobilenet-v2", "--out", out.toString(), "--device", "cpu", "--batch", "2");
            assertEquals(0, first.exit(), first.err());
            assertTrue(first.out().contains("3 x 1280 features with nsfwjs-mobilenet-v2 (NOT comparable with Kaggle's"
                    + " scores), computed"), first.out());
            FeatureMatrix f = NpyFile.read(out);
            assertEquals(3, f.rows());
            assertEquals(1280, f.cols());
            CliRun second = CliRun.of("extract", "--images", images.toString(), "--model",
                    "nsfwjs-mobilenet-v2", "--out", dir.resolve("g.npy").toString());
            assertTrue(second.out().contains("from the cache"), second.out());
            // --device auto (the default) says what it chose in score's words
            assertEquals(List.of(ComputeDevice.choose("auto").describe()),
                    second.err().lines().filter(l -> l.startsWith("device: ")).toList(), second.err());
            assertTrue(first.err().lines().noneMatch(l -> l.startsWith("device: ")), "--device cpu was asked for");
            assertEquals(java.util.Arrays.toString(f.row(2)), java.util.Arrays.toString(NpyFile.read(dir.resolve("g.npy")).row(2)));
        } finally {
            if (previous == null) {
                System.clearProperty("mifid.cache");
            } else {
                System.setProperty("mifid.cache", previous);
            }
        }
    }

    @Test
    void aHostileArchiveExitsTwoNamingTheEntryAndWritesNothing() throws IOException {
        Path zip = dir.resolve("sub.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("../../etc/dog.png"));
            z.write(ImageSetsTest.rgb64(0));
        }
        Path out = dir.resolve("f.npy");
        CliRun r = CliRun.of("extract", "--images", zip.toString(), "--out", out.toString(),
                "--no-cache", "--device", "cpu");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("error: " + zip + ": ../../etc/dog.png: path traversal (..)"), r.err());
        assertTrue(Files.notExists(out));
        CliRun unknown = CliRun.of("extract", "--images", zip.toString(), "--out",
                out.toString(), "--model", "vgg16");
        assertEquals(ErrorKind.UNKNOWN_EXTRACTOR.exitStatus(), unknown.exit(), unknown.err());
        assertTrue(unknown.err().contains("error: --model vgg16: unknown extractor"), unknown.err());
    }

    @Test
    void modelsListsWhatIsInstalled() {
        CliRun r = CliRun.of("models");
        assertEquals(0, r.exit());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("nsfwjs-inception-v3") && l.contains("yes")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("fid-inception") && l.contains("public")), r.out());
    }


    @Test
    void aBatchSizeIsCheckedAgainstWhatItWouldAllocateBeforeAnyImageIsRead() {
        CliRun r = CliRun.of("extract", "--images", dir.toString(), "--out", dir.resolve("f.npy").toString(),
                "--model", "nsfwjs-mobilenet-v2", "--batch", "2000000000");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("error: --batch 2000000000: "), r.err());
        assertTrue(r.err().contains("would need"), r.err());
        assertFalse(r.err().contains("checking"), "no image was read: " + r.err());
    }
}
