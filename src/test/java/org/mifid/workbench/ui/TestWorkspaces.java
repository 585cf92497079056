package org.mifid.workbench.ui;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.Measure;
import org.mifid.workbench.core.MeasureValues;
import org.mifid.workbench.engine.MifidScore;
import org.mifid.workbench.engine.Neighbours;
import org.mifid.workbench.store.NewSubmission;
import org.mifid.workbench.store.ReferenceSet;
import org.mifid.workbench.store.ScoredLeaderboard;
import org.mifid.workbench.store.Workspace;

/**
 * Writes a small but real workspace: a folder of training PNGs as the reference set, and submissions stored
 * through {@link Workspace#addSubmission}, each with scores on both leaderboards and (for those with a zip of
 * real PNGs) stored neighbours. Deterministic from its seed. Also run by packaging/screenshots.sh.
 */
public final class TestWorkspaces {
    public static final int TRAINING_IMAGES = 24;
    public static final int IMAGES_PER_ZIP = 16;
    public static final int K = 5;

    private TestWorkspaces() {
    }

    /** Creates {@code dir/workspace.db} with {@code submissions} submissions; the first {@code zips} have images. */
    public static Path create(Path dir, int submissions, int zips) throws IOException {
        Random random = new Random(20191);
        Path training = dir.resolve("training");
        Files.createDirectories(training);
        List<String> trainingNames = new ArrayList<>();
        for (int i = 0; i < TRAINING_IMAGES; i++) {
            String name = String.format("dog_%03d.png", i);
            Files.write(training.resolve(name), png(random, i));
            trainingNames.add(name);
        }
        Path file = dir.resolve("workspace.db");
        try (Workspace workspace = Workspace.open(file)) {
            workspace.renameCompetition("Generated Dog Images (test)");
            long referenceId = workspace.addReferenceSet(new ReferenceSet(0, "training dogs", training.toString(),
                    "sha-training-" + TRAINING_IMAGES, TRAINING_IMAGES), trainingNames);
            for (int s = 0; s < submissions; s++) {
                double publicDistance = 0.03 + 0.30 * random.nextDouble();
                double privateDistance = Math.min(0.6, publicDistance * (1.2 + 0.8 * random.nextDouble()));
                double publicFid = 20 + 120 * random.nextDouble();
                double privateFid = publicFid * (0.9 + 0.3 * random.nextDouble());
                String label = s % 7 == 0 ? "mgan" : s % 3 == 0 ? "non-mem" : null;
                if ("mgan".equals(label)) {
                    publicDistance = 0.02 + 0.06 * random.nextDouble();
                    privateDistance = publicDistance * 1.5;
                }
                String path = null;
                List<String> imageNames = List.of();
                Neighbours neighbours = null;
                if (s < zips) {
                    Path zip = dir.resolve(String.format("submission_%03d.zip", s));
                    imageNames = writeZip(zip, random, s);
                    path = zip.toString();
                    neighbours = neighbours(random, imageNames.size(), publicDistance);
                }
                NewSubmission submission = new NewSubmission(String.valueOf(1000 + s),
                        String.format("Team %03d %s", s, s % 2 == 0 ? "Pups" : "Woofers"),
                        String.format("submission_%03d.zip", s), path, "checksum-" + s,
                        Instant.parse("2019-08-01T00:00:00Z").plusSeconds(3600L * s), imageNames.size(), label,
                        imageNames);
                workspace.addSubmission(submission, List.of(
                        scored(LeaderboardPreset.PUBLIC, publicFid, publicDistance, neighbours,
                                neighbours == null ? 0 : referenceId),
                        scored(LeaderboardPreset.PRIVATE, privateFid, privateDistance, null, 0)));
            }
        }
        return file;
    }

    private static ScoredLeaderboard scored(LeaderboardPreset preset, double fid, double distance,
                                            Neighbours neighbours, long referenceId) {
        double eps = preset.epsilon();
        MifidScore score = new MifidScore(fid, distance, eps, MifidScore.threshold(distance, eps),
                MifidScore.mifid(fid, distance, eps), IMAGES_PER_ZIP, TRAINING_IMAGES, preset.dimension(), true);
        return new ScoredLeaderboard(preset, score, preset.extractorId(), 1234, neighbours, referenceId,
                preset == LeaderboardPreset.PUBLIC ? measures(distance) : null);
    }

    /**
     * Copying measures as the scoring stores them for a public score: the copy share falls as the distance
     * rises, C_T has the reason a workspace without a held-out set gives.
     */
    static MeasureValues measures(double distance) {
        return MeasureValues.builder().put(Measure.COPY_SHARE, Math.max(0, Math.min(1, 0.3 - distance)), "none")
                .threshold(Measure.COPY_SHARE, distance)
                .missing(Measure.CT, "no held-out real set registered").build();
    }

    /** Neighbours with ascending distances per row, centred on the submission's distance. */
    private static Neighbours neighbours(Random random, int n, double around) {
        int[] indices = new int[n * K];
        float[] distances = new float[n * K];
        for (int i = 0; i < n; i++) {
            float d = (float) Math.max(0.001, around * (0.3 + 1.4 * random.nextDouble()));
            for (int r = 0; r < K; r++) {
                indices[i * K + r] = (i * 3 + r * 5) % TRAINING_IMAGES;
                distances[i * K + r] = d;
                d += (float) (0.01 + 0.05 * random.nextDouble());
            }
        }
        return new Neighbours(K, indices, distances);
    }

    private static List<String> writeZip(Path zip, Random random, int seed) throws IOException {
        List<String> names = new ArrayList<>();
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i < IMAGES_PER_ZIP; i++) {
                String name = String.format("img_%04d.png", i);
                z.putNextEntry(new ZipEntry(name));
                z.write(png(random, seed * 31 + i));
                z.closeEntry();
                names.add(name);
            }
        }
        return names;
    }

    /** A 64x64 PNG: a coloured background with a blocky "dog" in another colour. */
    static byte[] png(Random random, int seed) throws IOException {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.getHSBColor((seed * 0.137f) % 1f, 0.35f, 0.9f));
        g.fillRect(0, 0, 64, 64);
        g.setColor(Color.getHSBColor((seed * 0.071f + 0.5f) % 1f, 0.6f, 0.45f));
        int x = 8 + random.nextInt(20);
        int y = 16 + random.nextInt(16);
        g.fillRect(x, y, 28, 16);
        g.fillRect(x + 22, y - 10, 12, 12);
        g.fillRect(x + 2, y + 16, 5, 10);
        g.fillRect(x + 20, y + 16, 5, 10);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    /** Some decisions, as an organizer midway through review would have them (for screenshots). */
    static void addSampleVerdicts(Path file) {
        try (Workspace workspace = Workspace.open(file)) {
            List<org.mifid.workbench.core.VerdictEntry> entries = new ArrayList<>();
            Instant when = Instant.parse("2019-09-01T10:00:00Z");
            for (var row : workspace.leaderboardRows(LeaderboardPreset.PUBLIC)) {
                long id = row.submission().id();
                org.mifid.workbench.core.Verdict verdict = row.submission().labelledMemorizer()
                        ? org.mifid.workbench.core.Verdict.CHEATER
                        : row.submission().labelledClean() && id % 2 == 0 ? org.mifid.workbench.core.Verdict.LEGIT
                        : row.score().distance() < 0.06 ? org.mifid.workbench.core.Verdict.NEEDS_REVIEW : null;
                if (verdict != null) {
                    entries.add(new org.mifid.workbench.core.VerdictEntry(id, verdict,
                            verdict == org.mifid.workbench.core.Verdict.CHEATER ? "near-copies of training dogs" : null,
                            "organizer", when.plusSeconds(id * 60), LeaderboardPreset.PUBLIC, 0.1));
                }
            }
            workspace.recordVerdicts(entries);
        }
    }

    /** {@code TestWorkspaces DIR [SUBMISSIONS] [ZIPS]}: writes a workspace for screenshots and prints its path. */
    public static void main(String[] args) throws IOException {
        Path dir = Paths.get(args[0]);
        int submissions = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int zips = args.length > 2 ? Integer.parseInt(args[2]) : 12;
        Files.createDirectories(dir);
        Path file = create(dir, submissions, zips);
        addSampleVerdicts(file);
        System.out.println(file);
    }
}
