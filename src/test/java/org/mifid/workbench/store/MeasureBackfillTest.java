package org.mifid.workbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.Measure;
import org.mifid.workbench.core.MeasureValues;
import org.mifid.workbench.engine.Neighbours;

/**
 * Migration 11 on a workspace whose scores predate the measures: the percentiles come from the stored per-image
 * distances, every other measure says it needs a new scoring, and a score that kept its measures is untouched.
 */
class MeasureBackfillTest {
    @TempDir
    Path dir;

    @Test
    void fillsThePercentilesFromTheStoredDistances() throws Exception {
        Path file = dir.resolve("old.db");
        List<ScoredLeaderboard> old = Fixtures.bothLeaderboards(41, 5, 7);
        long oldId;
        long keptId;
        try (Workspace ws = Workspace.open(file)) {
            List<Long> ids = ws.addSubmissions(List.of(new NewScoredSubmission(Fixtures.submission("old", 41), old),
                    new NewScoredSubmission(Fixtures.submission("kept", 41), Fixtures.bothLeaderboards(41, 5, 9))));
            oldId = ids.get(0);
            keptId = ids.get(1);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("DELETE FROM score_measure WHERE submission_id = " + oldId);
            st.execute("PRAGMA user_version = 10");
        }

        try (Workspace ws = Workspace.open(file)) {
            for (ScoredLeaderboard board : old) {
                MeasureValues filled = ws.measures(board.leaderboard()).get(oldId);
                double[] nearest = nearestSorted(board.neighbours());
                // numpy.percentile's linear rule: 41 values put the 5th percentile at position 2 and the median at 20
                assertEquals(nearest[2], filled.value(Measure.P5_DISTANCE), 1e-7, board.leaderboard().id());
                assertEquals(nearest[20], filled.value(Measure.MEDIAN_DISTANCE), 1e-7, board.leaderboard().id());
                assertNull(filled.value(Measure.COPY_SHARE));
                assertEquals(MeasureBackfill.NEEDS_SCORING, filled.reason(Measure.COPY_SHARE));
                assertEquals(MeasureBackfill.NEEDS_SCORING, filled.reason(Measure.PIXEL_P5_DISTANCE));
            }
            MeasureValues kept = ws.measures(LeaderboardPreset.PUBLIC).get(keptId);
            assertEquals(Fixtures.measures(0.2).value(Measure.P5_DISTANCE), kept.value(Measure.P5_DISTANCE));
        }
        assertEquals(11, SqliteWorkspaceTest.userVersion(file));
    }

    private static double[] nearestSorted(Neighbours n) {
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = n.distance(i, 0);
        }
        Arrays.sort(out);
        return out;
    }
}
