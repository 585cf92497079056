package org.mifid.workbench.export;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.mifid.workbench.store.ThresholdChange;
import org.mifid.workbench.core.Verdict;
import org.mifid.workbench.core.VerdictEntry;
import org.mifid.workbench.store.Workspace;

/**
 * A small real workspace for the export tests: a reference folder and submission zips of 64x64 PNGs, neighbours
 * pointing between them, hostile team names, verdicts and a threshold change.
 */
final class ExportFixture {
    static final String FORMULA_TEAM = "=HYPERLINK(\"x\")";
    static final String SCRIPT_TEAM = "<script>alert(1)</script>";
    static final int IMAGES = 8;

    private ExportFixture() {
    }

    static Path build(Path dir) throws IOException {
        Path refDir = Files.createDirectories(dir.resolve("train"));
        List<String> refNames = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String name = "dog_" + i + ".png";
            Files.write(refDir.resolve(name), png(new Color(20 * i, 120, 255 - 20 * i), i));
            refNames.add(name);
        }
        Path db = dir.resolve("comp.db");
        try (Workspace ws = Workspace.open(db)) {
            ws.renameCompetition("Dogs & <Friends>");
            long ref = ws.addReferenceSet(new ReferenceSet(0, "train", refDir.toString(), "ref-sha", 10), refNames);
            String[] teams = {FORMULA_TEAM, SCRIPT_TEAM, "-5", "Honest Painters", "Copycats"};
            double[] publicDistance = {0.05, 0.2, 0.3, 0.25, 0.02};
            for (int t = 0; t < teams.length; t++) {
                Path zip = dir.resolve("sub" + t + ".zip");
                List<String> names = new ArrayList<>();
                try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                    for (int i = 0; i < IMAGES; i++) {
                        String name = "gen/" + i + ".png";
                        names.add(name);
                        out.putNextEntry(new ZipEntry(name));
                        out.write(png(new Color(200, 30 * t, 25 * i), i + t));
                        out.closeEntry();
                    }
                }
                int[] idx = new int[IMAGES * 2];
                float[] dist = new float[IMAGES * 2];
                for (int i = 0; i < IMAGES; i++) {
                    idx[2 * i] = (i + t) % 10;
                    idx[2 * i + 1] = (i + t + 1) % 10;
                    dist[2 * i] = (float) (publicDistance[t] * (0.5 + i / 8.0));
                    dist[2 * i + 1] = dist[2 * i] + 0.1f;
                }
                Neighbours n = new Neighbours(2, idx, dist);
                ws.addSubmission(new NewSubmission(String.valueOf(100 + t), teams[t], "sub" + t + ".zip",
                        zip.toString(), "sha-" + t, Instant.parse("2019-08-0" + (t + 1) + "T10:00:00Z"), IMAGES,
                        t == 4 ? "mgan" : t == 3 ? "non-mem" : null, names), List.of(
                        score(LeaderboardPreset.PUBLIC, 40 + 10 * t, publicDistance[t], n, ref),
                        score(LeaderboardPreset.PRIVATE, 90 - 10 * t, publicDistance[t] + 0.15, null, 0)));
            }
            ws.recordVerdicts(List.of(new VerdictEntry(5, Verdict.CHEATER, "=1+1 copies <b>bold</b>", "@ann",
                    Instant.parse("2026-01-02T03:04:05Z"), LeaderboardPreset.PUBLIC, 0.1),
                    new VerdictEntry(4, Verdict.LEGIT, "fine", "bob", null, LeaderboardPreset.PUBLIC, 0.1)));
            ws.applyThreshold(new ThresholdChange(LeaderboardPreset.PUBLIC, 0.12, "ann",
                    Instant.parse("2026-01-01T00:00:00Z"), "<i>wider</i>"));
        }
        return db;
    }

    static ScoredLeaderboard score(LeaderboardPreset lb, double fid, double distance, Neighbours n,
            long ref) {
        double eps = lb.epsilon();
        return new ScoredLeaderboard(lb, new MifidScore(fid, distance, eps, MifidScore.threshold(distance, eps),
                MifidScore.mifid(fid, distance, eps), IMAGES, 10, lb.dimension(), true), lb.extractorId(), 5, n, ref,
                n == null ? null : measures(distance));
    }

    /** A public score's copying measures as the scoring stores them: copy share falling with the distance. */
    static MeasureValues measures(double distance) {
        return MeasureValues.builder().put(Measure.COPY_SHARE, 1 - distance, "none")
                .put(Measure.PIXEL_COPY_SHARE, 1 - 2 * distance, "none")
                .missing(Measure.CT, "no held-out real set registered").build();
    }

    static byte[] png(Color color, int seed) throws IOException {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 64, 64);
        g.setColor(Color.WHITE);
        g.fillOval(8 + seed % 20, 12, 30, 30);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(img, "png", bytes);
        return bytes.toByteArray();
    }
}
