package org.mifid.workbench.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.io.StringWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.Measure;
import org.mifid.workbench.core.MeasureValues;
import org.mifid.workbench.cli.MifidCommand;
import org.mifid.workbench.review.MeasureSeparation;
import org.mifid.workbench.core.CountingProgress;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.store.LeaderboardRow;
import org.mifid.workbench.store.StoredNeighbours;
import org.mifid.workbench.store.Workspace;

/**
 * A small demo built end to end: generated archives, both nsfwjs networks, real scoring into a real workspace.
 * Exact copies must come out at distance zero with their training originals as nearest neighbours.
 */
class DemoCompetitionTest {

    @Test
    void buildsScoresAndStoresEveryTeamOnBothLeaderboards(@TempDir Path dir) {
        String cache = System.getProperty("mifid.cache");
        System.setProperty("mifid.cache", dir.resolve("cache").toString());
        try {
            DemoCompetition demo = new DemoCompetition(dir.resolve("demo"), 40, 6);
            CountingProgress counting = CountingProgress.counting();
            // the workbench opens the demo once its public leaderboard is scored (issue #10: first start)
            demo.buildPublic(counting);
            assertTrue(demo.exists());
            assertTrue(demo.privatePending());
            try (Workspace ws = Workspace.openReadOnly(demo.workspaceFile())) {
                assertEquals(14, ws.leaderboardRows(LeaderboardPreset.PUBLIC).size());
                assertEquals(0, ws.leaderboardRows(LeaderboardPreset.PRIVATE).size());
            }
            // Stop after the first private submission: what is done stays, the next start goes on from there
            long[] progress = new long[1];
            assertThrows(CancellationException.class, () -> demo.finishPrivate(new ProgressMonitor() {
                @Override
                public void update(long done, long total, String message) {
                    progress[0] = done; // thousandths of a submission
                }

                @Override
                public boolean isCancelled() {
                    return progress[0] > 1000; // into the second submission
                }
            }));
            try (Workspace ws = Workspace.openReadOnly(demo.workspaceFile())) {
                assertEquals(1, ws.leaderboardRows(LeaderboardPreset.PRIVATE).size());
            }
            assertTrue(demo.privatePending());
            assertEquals(13, demo.finishPrivate(counting));
            assertFalse(demo.privatePending());
            assertEquals(0, demo.finishPrivate(counting), "a complete demo is only read");
            try (Workspace ws = Workspace.open(demo.workspaceFile())) {
                assertTrue(counting.updates() > 20, "progress was reported");
                assertFalse(Files.exists(dir.resolve("demo/demo.db.building")));
                for (LeaderboardPreset board : LeaderboardPreset.values()) {
                    List<LeaderboardRow> rows = ws.leaderboardRows(board);
                    assertEquals(14, rows.size());
                    assertEquals(board == LeaderboardPreset.PUBLIC ? DemoCompetition.PUBLIC_EXTRACTOR
                            : DemoCompetition.PRIVATE_EXTRACTOR, rows.get(0).score().extractorId());
                    LeaderboardRow copier = rows.stream().filter(r -> r.submission().team().equals("Exact Echo"))
                            .findFirst().orElseThrow();
                    assertEquals(0, copier.score().distance(), 1e-6);
                    assertEquals("mem-copy", copier.submission().label());
                    StoredNeighbours n = ws.neighbours(copier.submission().id(), board).orElseThrow();
                    assertEquals(6, n.imageNames().size());
                    assertEquals(0f, n.neighbours().nearest(0), 1e-6f);
                    assertEquals(1, ws.thresholdHistory(board).size());

                    // the copying measures are stored with every score: a verbatim copier has all its images
                    // below the image-level threshold in both spaces; the held-out set is registered, but this
                    // small demo's 6 images per submission are too few for any cell of C_T, which says so
                    Map<Long, MeasureValues> measures = ws.measures(board);
                    assertEquals(14, measures.size());
                    MeasureValues copierMeasures = measures.get(copier.submission().id());
                    assertEquals(1.0, copierMeasures.value(Measure.COPY_SHARE));
                    assertEquals(1.0, copierMeasures.value(Measure.PIXEL_COPY_SHARE));
                    assertEquals("Noto emoji (held out)", ws.leaderboardHeldOutSet(board).orElseThrow().name());
                    assertEquals("no cell holds enough generated and held-out images",
                            copierMeasures.reason(Measure.CT));
                    assertTrue(copierMeasures.threshold(Measure.COPY_SHARE) > 0, "the image-level threshold is kept");
                    assertAnalyzePrintsTheSameSeparation(ws, board);
                }
            }
        } finally {
            if (cache == null) {
                System.clearProperty("mifid.cache");
            } else {
                System.setProperty("mifid.cache", cache);
            }
        }
    }

    /** analyze --json's measures are MeasureSeparation's figures, the ones the demo prints. */
    private static void assertAnalyzePrintsTheSameSeparation(Workspace ws, LeaderboardPreset board) {
        StringWriter out = new StringWriter();
        int exit = MifidCommand.commandLine(out, new StringWriter()).execute("analyze", "--db",
                ws.file().toString(), "--leaderboard", board.id(), "--json");
        assertEquals(0, exit);
        JsonNode printed;
        try {
            printed = new ObjectMapper().readTree(out.toString()).get("measures");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        List<MeasureSeparation> separations = MeasureSeparation.of(ws, board, ws.threshold(board));
        assertEquals(separations.size(), printed.size());
        for (MeasureSeparation m : separations) {
            JsonNode q = printed.get(m.id());
            assertEquals(m.withValue(), q.get("submissions_with_value").asInt(), m.id());
            if (Double.isNaN(m.auc())) {
                assertTrue(q.get("auc").isNull(), m.id());
            } else {
                assertEquals(m.auc(), q.get("auc").asDouble(), 0, m.id());
            }
        }
        assertEquals(14, printed.get("copy_share").get("submissions_with_value").asInt());
        assertTrue(printed.get("ct").get("auc").isNull(), "C_T has no value on 6 images per submission");
    }
}
