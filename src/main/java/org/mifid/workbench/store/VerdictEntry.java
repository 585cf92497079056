package org.mifid.workbench.store;

import java.time.Instant;
import org.mifid.workbench.engine.LeaderboardPreset;

/**
 * One row of the append-only verdict history: who decided what, when, and under which leaderboard and
 * threshold. The current verdict of a submission is its latest entry.
 */
public record VerdictEntry(
        long submissionId,
        Verdict verdict,
        String note,
        String reviewer,
        Instant decidedAt,
        LeaderboardPreset leaderboard,
        double threshold) {
}
