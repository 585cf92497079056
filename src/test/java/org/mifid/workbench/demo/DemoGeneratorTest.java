package org.mifid.workbench.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.assets.AppPaths;
import org.mifid.workbench.core.ProgressMonitor;

class DemoGeneratorTest {
    private final EmojiCatalog catalog = EmojiCatalog.load(AppPaths.assetsDir());

    @Test
    void splitIsDeterministicAndDisjoint() {
        DemoGenerator.Split a = new DemoGenerator(catalog, 300, 50, 7).split();
        DemoGenerator.Split b = new DemoGenerator(catalog, 300, 50, 7).split();
        assertEquals(a, b);
        assertEquals(300, a.train().size());
        Set<String> train = new HashSet<>(a.train());
        assertTrue(a.heldOut().stream().noneMatch(train::contains), "held-out emoji leak into training");
    }

    @Test
    void exactCopiesAreTrainingImagesAndNovelOnesAreNot(@TempDir Path dir) throws IOException {
        DemoGenerator generator = new DemoGenerator(catalog, 300, 20, 7);
        DemoGenerator.Split split = generator.split();
        generator.writeTrainingSet(split, dir.resolve("train"), ProgressMonitor.NONE);
        List<int[]> train = new ArrayList<>();
        for (String f : split.train()) {
            train.add(pixels(ImageIO.read(dir.resolve("train").resolve(f).toFile())));
        }
        DemoTeam copier = team("Exact Echo");
        DemoTeam novel = team("Pixel Pups");
        generator.writeSubmission(split, copier, 0, dir.resolve("copier.zip"));
        generator.writeSubmission(split, novel, 1, dir.resolve("novel.zip"));

        List<BufferedImage> copies = read(dir.resolve("copier.zip"));
        assertEquals(20, copies.size());
        for (BufferedImage img : copies) {
            assertEquals(64, img.getWidth());
            assertTrue(train.stream().anyMatch(t -> java.util.Arrays.equals(t, pixels(img))));
        }
        for (BufferedImage img : read(dir.resolve("novel.zip"))) {
            assertFalse(train.stream().anyMatch(t -> java.util.Arrays.equals(t, pixels(img))));
        }
    }

    @Test
    void alterationsKeepTheSizeAndChangeThePixels() {
        BufferedImage src = catalog.google(catalog.files().get(100));
        java.util.Random rnd = new java.util.Random(1);
        for (DemoTeam t : DemoTeam.roster()) {
            BufferedImage out = t.copyFraction() > 0
                    ? t.copyAlteration().apply(src, rnd) : t.novelAlteration().apply(src, rnd);
            assertEquals(64, out.getWidth(), t.team());
            assertEquals(64, out.getHeight(), t.team());
        }
        assertArrayEquals(pixels(src), pixels(Alterations.flip(Alterations.flip(src))));
        assertFalse(java.util.Arrays.equals(pixels(src), pixels(Alterations.blur(src))));
    }

    private static DemoTeam team(String name) {
        return DemoTeam.roster().stream().filter(t -> t.team().equals(name)).findFirst().orElseThrow();
    }

    private static List<BufferedImage> read(Path zip) throws IOException {
        List<BufferedImage> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                out.add(ImageIO.read(new java.io.ByteArrayInputStream(z.readAllBytes())));
            }
        }
        return out;
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }
}
