package org.mifid.workbench.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.core.LeaderboardPreset;
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
            int[] updates = new int[1];
            ProgressMonitor counting = new ProgressMonitor() {
                @Override
                public void update(long done, long total, String message) {
                    updates[0]++;
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            };
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
                assertTrue(updates[0] > 20, "progress was reported");
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
}
