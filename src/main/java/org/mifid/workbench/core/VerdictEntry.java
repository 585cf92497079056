package org.mifid.workbench.core;

import java.time.Instant;

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
