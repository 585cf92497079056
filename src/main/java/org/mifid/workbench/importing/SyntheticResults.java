package org.mifid.workbench.importing;

import org.mifid.workbench.core.Verdict;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.engine.MifidScore;

/**
 * Results in the released 2019 format at competition scale, for the import benchmark: plausible FIDs and
 * distances, a few percent of memorizers disqualified with 999999 on the private board, labels on a fraction.
 */
public final class SyntheticResults {
    private SyntheticResults() {
    }

    public static void write(Path file, int rows, long seed) {
        Random random = new Random(seed);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("submission_id,public_score,private_score,FID_public,FID_private,distance_public,"
                    + "distance_private,labels\n");
            for (int i = 0; i < rows; i++) {
                boolean memorizer = random.nextDouble() < 0.05;
                double fidPublic = 20 + Math.abs(random.nextGaussian()) * 80;
                double fidPrivate = fidPublic * (1.5 + random.nextGaussian() * 0.1) + 5;
                double distPublic = memorizer ? 0.05 + random.nextDouble() * 0.1 : 0.15 + random.nextDouble() * 0.2;
                double distPrivate = memorizer ? 0.15 + random.nextDouble() * 0.15 : 0.3 + random.nextDouble() * 0.2;
                double publicScore = MifidScore.mifid(fidPublic, distPublic, LeaderboardPreset.PUBLIC.epsilon());
                double privateScore = memorizer ? Verdict.DISQUALIFIED_SCORE
                        : MifidScore.mifid(fidPrivate, distPrivate, LeaderboardPreset.PRIVATE.epsilon());
                String label = random.nextDouble() < 0.3 ? (memorizer ? "mgan" : "non-mem") : "";
                out.write((10_000_000 + i) + "," + publicScore + "," + privateScore + "," + fidPublic + ","
                        + fidPrivate + "," + distPublic + "," + distPrivate + "," + label + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
