package org.mifid.workbench.core;

import java.time.Instant;

/**
 * One row of the append-only verdict history: who decided what, when, and under which leaderboard and
 * threshold. The current verdict of a submission is its latest entry.
 *
 * @param note the organizer's own words about the submission, or null; exports show it
 * @param action what was done, for the audit trail ("mark 3 selected cheater", "undo: note on Team A",
 *     "imported"), or null; never shown as the organizer's note
 */
public record VerdictEntry(
        long submissionId,
        Verdict verdict,
        String note,
        String reviewer,
        Instant decidedAt,
        LeaderboardPreset leaderboard,
        double threshold,
        String action) {

    /** An entry with no recorded action (the command line's and older workspaces' entries). */
    public VerdictEntry(long submissionId, Verdict verdict, String note, String reviewer, Instant decidedAt,
            LeaderboardPreset leaderboard, double threshold) {
        this(submissionId, verdict, note, reviewer, decidedAt, leaderboard, threshold, null);
    }
}
