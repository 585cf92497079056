package org.mifid.workbench.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.mifid.workbench.core.Board;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.kind.CompetitionKind;
import org.mifid.workbench.kind.CompetitionSetup;
import org.mifid.workbench.kind.KindSubmission;
import org.mifid.workbench.store.Workspace;

/**
 * A real image-to-prompt workspace for the UI tests, made through the kind as {@code create-competition} and
 * {@code score-submission} make it: 10 images with random truth embeddings; team "Perfect" sends scaled copies
 * (cosine 1), "Half" negates images 0-4 and sends a zero vector for image 9, "Negated" negates every image.
 */
final class PromptWorkspaces {
    static final int DIM = 384;
    static final int IMAGES = 10;
    static final List<String> TEAMS = List.of("Half", "Negated", "Perfect");

    private PromptWorkspaces() {
    }

    static String id(int i) {
        return "img" + Integer.toHexString(0xa0 + i);
    }

    static Path create(Path dir) throws Exception {
        float[][] truth = truth(IMAGES);
        Path file = dir.resolve("prompts.db");
        CompetitionKind kind = CompetitionKind.byId("image-to-prompt");
        try (Workspace ws = created(dir, file, truth, 0.5)) {
            kind.score(ws, new KindSubmission(write(dir, "half.csv", truth, 1, 5, true), "Half", null),
                    List.of(Board.values()), ProgressMonitor.NONE);
            kind.score(ws, new KindSubmission(write(dir, "negated.csv", truth, -1, 0, false), "Negated", null),
                    List.of(Board.values()), ProgressMonitor.NONE);
            kind.score(ws, new KindSubmission(write(dir, "perfect.csv", truth, 3, 0, false), "Perfect", null),
                    List.of(Board.values()), ProgressMonitor.NONE);
        }
        return file;
    }

    /**
     * A competition of Kaggle's size for the scale probe and test: {@code images} items, 20 % of them public, and one
     * team, "Noisy", whose embeddings are the truth plus as much noise again (cosines spread around 0.7).
     */
    static Path createScaled(Path dir, int images) throws Exception {
        float[][] truth = truth(images);
        float[][] noisy = new float[images][DIM];
        Random random = new Random(12);
        for (int i = 0; i < images; i++) {
            for (int d = 0; d < DIM; d++) {
                noisy[i][d] = truth[i][d] + (float) random.nextGaussian();
            }
        }
        Path file = dir.resolve("prompts-" + images + ".db");
        try (Workspace ws = created(dir, file, truth, 0.2)) {
            CompetitionKind.byId("image-to-prompt").score(ws, new KindSubmission(write(dir, "noisy.csv", noisy, 1, 0,
                    false), "Noisy", null), List.of(Board.values()), ProgressMonitor.NONE);
        }
        return file;
    }

    private static float[][] truth(int images) {
        float[][] truth = new float[images][DIM];
        Random random = new Random(11);
        for (float[] v : truth) {
            for (int d = 0; d < DIM; d++) {
                v[d] = (float) random.nextGaussian();
            }
        }
        return truth;
    }

    /** The workspace with the competition defined: truth, an image per item, the bank. */
    private static Workspace created(Path dir, Path file, float[][] truth, double publicFraction) throws Exception {
        Files.createDirectories(dir);
        Workspace ws = Workspace.open(file);
        CompetitionKind.byId("image-to-prompt").create(ws, new CompetitionSetup(write(dir, "truth.csv", truth, 1, 0,
                false), images(dir, truth.length), bank(dir), publicFraction, 7), ProgressMonitor.NONE);
        return ws;
    }

    /** The competition's images, {@code <id>.png}: a colour per image, for the inspector's thumbnails. */
    private static Path images(Path dir, int count) throws java.io.IOException {
        Path folder = Files.createDirectories(dir.resolve("images"));
        for (int i = 0; i < count; i++) {
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(32, 32,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = img.createGraphics();
            g.setColor(new java.awt.Color(20 * i % 256, Math.floorMod(200 - 15 * i, 256), 120));
            g.fillRect(0, 0, 32, 32);
            g.dispose();
            javax.imageio.ImageIO.write(img, "png", folder.resolve(id(i) + ".png").toFile());
        }
        return folder;
    }

    /** A small public prompt bank, embedded by the real text model when the competition is created. */
    static final List<String> BANK = List.of("a corgi surfing a wave at sunset", "an oil painting of a lighthouse",
            "a bowl of ramen, studio lighting", "a robot reading a newspaper", "a watercolor map of an island",
            "a pixel art castle at night");

    private static Path bank(Path dir) throws java.io.IOException {
        StringBuilder csv = new StringBuilder("imgId,prompt\n");
        for (int i = 0; i < BANK.size(); i++) {
            csv.append("bank-").append(i).append(",\"").append(BANK.get(i)).append("\"\n");
        }
        return Files.writeString(dir.resolve("bank.csv"), csv);
    }

    /** The truth times {@code factor}, negated for images below {@code negateBelow}, the last one zero if asked. */
    private static Path write(Path dir, String name, float[][] truth, float factor, int negateBelow,
                              boolean zeroLast) throws Exception {
        StringBuilder sb = new StringBuilder("imgId_eId,val\n");
        for (int i = 0; i < truth.length; i++) {
            for (int d = 0; d < DIM; d++) {
                float v = zeroLast && i == truth.length - 1 ? 0f : i < negateBelow ? -truth[i][d] : factor * truth[i][d];
                sb.append(id(i)).append('_').append(d).append(',').append(v).append('\n');
            }
        }
        return Files.writeString(dir.resolve(name), sb);
    }
}
