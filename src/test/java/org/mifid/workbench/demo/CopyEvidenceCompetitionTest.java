package org.mifid.workbench.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.assets.AppPaths;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.review.MeasureSeparation;
import org.mifid.workbench.scoring.ImageSetRegistration;
import org.mifid.workbench.scoring.ScoringRequest;
import org.mifid.workbench.scoring.SubmissionScoring;
import org.mifid.workbench.store.Workspace;

/**
 * A competition other than the demo, built the same way from the shipped emoji but with its own seed, a training
 * set of 240 and copies the demo does not make: JPEG at quality 0.25, turns of 5 to 10 degrees, and partial
 * copiers mixing them, against honest novel, other-style, blurred and noisy generators. Scored into a real
 * workspace on the public board's network, the copy evidence must separate them: the pixel copy share at AUC
 * 0.95 or more, where the mean distance does not.
 */
class CopyEvidenceCompetitionTest {
    private static final DemoTeam.Alteration ROTATE = (image, rnd) -> {
        double degrees = (rnd.nextBoolean() ? 1 : -1) * (5 + 5 * rnd.nextDouble());
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(degrees), out.getWidth() / 2.0, out.getHeight() / 2.0);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    };

    private static List<DemoTeam> teams() {
        DemoTeam.Alteration none = DemoTeam.NONE;
        return List.of(
                new DemoTeam("Novel", "non-mem", "novel emoji", 0, none, false, none),
                new DemoTeam("Other Style", "non-mem", "novel emoji, Twemoji", 0, none, true, none),
                new DemoTeam("Blurred", "non-mem", "blurred novel emoji", 0, none, false,
                        (i, r) -> Alterations.blur(i)),
                new DemoTeam("Noisy", "non-mem", "noisy novel emoji", 0, none, false,
                        (i, r) -> Alterations.noise(i, r, 16)),
                new DemoTeam("Jpeg", "mem-jpeg", "JPEG q0.25 copies", 1, (i, r) -> Alterations.jpeg(i, 0.25f), false,
                        none),
                new DemoTeam("Crop", "mem-crop", "cropped copies", 1, Alterations::crop, false, none),
                new DemoTeam("Rotate", "mem-rotate", "copies turned 5-10 degrees", 1, ROTATE, false, none),
                new DemoTeam("Mirror", "mem-flip", "mirrored copies", 1, (i, r) -> Alterations.flip(i), false, none),
                new DemoTeam("Jitter", "mem-jitter", "colour-jittered copies", 1, Alterations::jitter, false, none),
                new DemoTeam("Partial Rotate", "partial-40", "40 % turned copies", 0.4, ROTATE, false, none),
                new DemoTeam("Partial Crop", "partial-30", "30 % cropped copies", 0.3, Alterations::crop, false,
                        none));
    }

    @Test
    void pixelCopyShareSeparatesCopiersTheDemoDoesNotMake(@TempDir Path dir) {
        String cache = System.getProperty("mifid.cache");
        System.setProperty("mifid.cache", dir.resolve("cache").toString());
        try {
            DemoGenerator generator = new DemoGenerator(EmojiCatalog.load(AppPaths.assetsDir()), 240, 40, 77);
            DemoGenerator.Split split = generator.split();
            generator.writeTrainingSet(split, dir.resolve("train"), ProgressMonitor.NONE);
            generator.writeHeldOutSet(split, dir.resolve("held-out"), ProgressMonitor.NONE);
            List<DemoTeam> teams = teams();
            LeaderboardPreset board = LeaderboardPreset.PUBLIC;
            try (Workspace ws = Workspace.open(dir.resolve("copies.db"))) {
                ImageSetRegistration sets = new ImageSetRegistration(ws);
                sets.training("train", dir.resolve("train"), List.of(board), ProgressMonitor.NONE);
                sets.heldOut("held out", dir.resolve("held-out"), List.of(board), ProgressMonitor.NONE);
                ws.assignExtractor(board, DemoCompetition.PUBLIC_EXTRACTOR);
                try (SubmissionScoring scoring = new SubmissionScoring(ws)) {
                    for (int i = 0; i < teams.size(); i++) {
                        DemoTeam team = teams.get(i);
                        Path zip = dir.resolve("submissions").resolve(team.slug() + ".zip");
                        generator.writeSubmission(split, team, i, zip);
                        scoring.score(new ScoringRequest(zip, team.team(), "c-" + i, board,
                                DemoCompetition.PUBLIC_EXTRACTOR, "cpu", 5, "lenient"), team.label(),
                                ProgressMonitor.NONE);
                    }
                }
                Map<String, Double> auc = MeasureSeparation.of(ws, board, ws.threshold(board)).stream()
                        .collect(Collectors.toMap(MeasureSeparation::id, MeasureSeparation::auc));
                assertTrue(auc.get("pixel_copy_share") >= 0.95, "AUC per measure: " + auc);
                assertTrue(auc.get("pixel_copy_share") > auc.get("distance"), "AUC per measure: " + auc);
                assertTrue(!Double.isNaN(auc.get("ct")), "C_T has values with the held-out set: " + auc);
            }
        } finally {
            if (cache == null) {
                System.clearProperty("mifid.cache");
            } else {
                System.setProperty("mifid.cache", cache);
            }
        }
    }
}
