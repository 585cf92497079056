package org.mifid.workbench.store;

import org.mifid.workbench.core.Submission;
import org.mifid.workbench.core.Verdict;
import org.mifid.workbench.core.VerdictEntry;

/** What a leaderboard shows for one submission: the submission, its score, its current verdict (or null). */
public record LeaderboardRow(Submission submission, SubmissionScore score, VerdictEntry verdict) {

    public Verdict currentVerdict() {
        return verdict == null ? Verdict.NONE : verdict.verdict();
    }
}
