package org.mifid.workbench.store;

/** What a leaderboard shows for one submission: the submission, its score, its current verdict (or null). */
public record LeaderboardRow(Submission submission, SubmissionScore score, VerdictEntry verdict) {

    public Verdict currentVerdict() {
        return verdict == null ? Verdict.NONE : verdict.verdict();
    }
}
