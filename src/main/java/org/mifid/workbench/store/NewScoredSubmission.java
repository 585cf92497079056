package org.mifid.workbench.store;

import org.mifid.workbench.core.VerdictEntry;
import java.util.List;

/**
 * A submission with its scores, one element of a batch stored in a single transaction.
 *
 * @param verdict a verdict that arrives with the submission (an imported disqualification), stored in the same
 *     transaction; its {@code submissionId} is ignored and replaced by the new id. Null for none.
 */
public record NewScoredSubmission(NewSubmission submission, List<ScoredLeaderboard> scores, VerdictEntry verdict) {
    public NewScoredSubmission {
        scores = List.copyOf(scores);
    }

    public NewScoredSubmission(NewSubmission submission, List<ScoredLeaderboard> scores) {
        this(submission, scores, null);
    }
}
