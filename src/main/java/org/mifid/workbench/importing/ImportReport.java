package org.mifid.workbench.importing;

import java.nio.file.Path;
import java.util.List;
import org.mifid.workbench.core.LeaderboardPreset;

/**
 * What a results import did.
 *
 * @param rows data rows read (header excluded)
 * @param imported submissions stored
 * @param alreadyPresent rows whose identity was already in the workspace (an earlier import), left alone
 * @param disqualified rows whose file score was the organizers' 999999, stored with a cheater verdict
 * @param skipped malformed rows left out (only with skip-bad-rows; otherwise a malformed row stops the import)
 * @param mismatches file scores that differ from the score recomputed from FID and distance by more than 1e-6
 *     relative
 */
public record ImportReport(
        Path file,
        String format,
        int rows,
        int imported,
        int alreadyPresent,
        int disqualified,
        List<RowProblem> skipped,
        List<ScoreMismatch> mismatches,
        long millis) {

    /** A malformed row: its line in the file (1 = header) and what is wrong. */
    public record RowProblem(long line, String problem) {
    }

    public record ScoreMismatch(long line, String submission, LeaderboardPreset leaderboard, double fileScore,
            double recomputed) {
    }
}
