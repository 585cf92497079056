package org.mifid.workbench.demo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.mifid.workbench.core.ProgressMonitor;

/**
 * Writes the demo competition's files from the emoji assets: a training folder of 64x64 RGB PNGs and one zip
 * per team, in the Kaggle layout (flat PNG entries). Deterministic for a given seed, so every machine builds
 * the same demo.
 */
final class DemoGenerator {
    /** Real images kept out of training for the data-copying test. */
    static final int HELD_OUT_SIZE = 160;
    private final EmojiCatalog catalog;
    private final int trainSize;
    private final int imagesPerSubmission;
    private final long seed;

    DemoGenerator(EmojiCatalog catalog, int trainSize, int imagesPerSubmission, long seed) {
        this.catalog = catalog;
        this.trainSize = trainSize;
        this.imagesPerSubmission = imagesPerSubmission;
        this.seed = seed;
    }

    /** The split of emoji into the training set and the held-out pool that novel images come from. */
    record Split(List<String> train, List<String> heldOut) {
    }

    Split split() {
        List<String> all = new ArrayList<>(catalog.files());
        Collections.shuffle(all, new Random(seed));
        if (all.size() < trainSize + imagesPerSubmission) {
            throw new IllegalStateException("only " + all.size() + " emoji for a training set of " + trainSize);
        }
        return new Split(List.copyOf(all.subList(0, trainSize)), List.copyOf(all.subList(trainSize, all.size())));
    }

    void writeTrainingSet(Split split, Path dir, ProgressMonitor monitor) {
        writeImages(split.train(), dir, "Writing the demo training set", monitor);
    }

    /**
     * The held-out real set, fresh emoji of the training set's style and distribution that the training set does
     * not hold: the last {@value #HELD_OUT_SIZE} of the held-out pool. Honest teams draw their novel emoji from the
     * same pool, as a perfect generator draws from the real distribution, so some of their images are also here.
     */
    void writeHeldOutSet(Split split, Path dir, ProgressMonitor monitor) {
        List<String> pool = split.heldOut();
        writeImages(pool.subList(Math.max(0, pool.size() - HELD_OUT_SIZE), pool.size()), dir,
                "Writing the demo held-out set", monitor);
    }

    private void writeImages(List<String> files, Path dir, String message, ProgressMonitor monitor) {
        try {
            Files.createDirectories(dir);
            int done = 0;
            for (String file : files) {
                monitor.checkCancelled();
                Files.write(dir.resolve(file), png(catalog.google(file)));
                monitor.update(++done, files.size(), message);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code team}'s archive atomically (a temporary file renamed into place). */
    void writeSubmission(Split split, DemoTeam team, int teamIndex, Path zip) {
        Random rnd = new Random(seed * 31 + teamIndex);
        int copies = (int) Math.round(team.copyFraction() * imagesPerSubmission);
        List<String> trainPick = sample(split.train(), copies, rnd);
        List<String> novelPick = sample(split.heldOut(), imagesPerSubmission - copies, rnd);
        List<BufferedImage> images = new ArrayList<>(imagesPerSubmission);
        for (String file : trainPick) {
            images.add(team.copyAlteration().apply(catalog.google(file), rnd));
        }
        for (String file : novelPick) {
            BufferedImage novel = team.otherStyle() ? catalog.twitter(file) : catalog.google(file);
            images.add(team.novelAlteration().apply(novel, rnd));
        }
        // copies and novel images interleaved, as a generator's output would be
        Collections.shuffle(images, rnd);
        try {
            Files.createDirectories(zip.getParent());
            Path tmp = Files.createTempFile(zip.getParent(), team.slug(), ".part");
            try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream z = new ZipOutputStream(out)) {
                for (int i = 0; i < images.size(); i++) {
                    z.putNextEntry(new ZipEntry(String.format("%05d.png", i)));
                    z.write(png(images.get(i)));
                    z.closeEntry();
                }
            }
            Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> sample(List<String> pool, int n, Random rnd) {
        List<String> copy = new ArrayList<>(pool);
        Collections.shuffle(copy, rnd);
        return copy.subList(0, n);
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
