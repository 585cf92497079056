package org.mifid.workbench.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mifid.workbench.core.PrintableText;
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

    /**
     * What happened besides the imported count, in the words the command line prints and the workbench's summary
     * shows: the totals, then up to {@code listed} skipped rows and as many score mismatches, each naming its line;
     * competitors' text in them is escaped.
     */
    public List<String> details(int listed) {
        List<String> lines = new ArrayList<>();
        String source = PrintableText.of(file.toString());
        lines.add(String.format(Locale.ROOT, "already in the workspace: %d; disqualified (score 999999, stored with a"
                + " cheater verdict): %d; malformed rows skipped: %d; score mismatches: %d", alreadyPresent,
                disqualified, skipped.size(), mismatches.size()));
        skipped.stream().limit(listed).forEach(p -> lines.add(String.format(Locale.ROOT, "skipped %s:%d: %s", source,
                p.line(), PrintableText.of(p.problem()))));
        mismatches.stream().limit(listed).forEach(m -> lines.add(String.format(Locale.ROOT,
                "mismatch %s:%d: submission %s %s score %s in the file, %s recomputed from FID and distance", source,
                m.line(), PrintableText.of(m.submission()), m.leaderboard().id(), m.fileScore(), m.recomputed())));
        if (skipped.size() > listed || mismatches.size() > listed) {
            lines.add("(lists cut at " + listed + " each)");
        }
        return lines;
    }

    /** A malformed row: its line in the file (1 = header) and what is wrong. */
    public record RowProblem(long line, String problem) {
    }

    public record ScoreMismatch(long line, String submission, LeaderboardPreset leaderboard, double fileScore,
            double recomputed) {
    }
}
