package org.mifid.workbench.store;

import java.util.List;

/** A submission with its scores, one element of a batch stored in a single transaction. */
public record NewScoredSubmission(NewSubmission submission, List<ScoredLeaderboard> scores) {
    public NewScoredSubmission {
        scores = List.copyOf(scores);
    }
}
