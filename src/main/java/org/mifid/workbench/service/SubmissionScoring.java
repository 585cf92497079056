package org.mifid.workbench.service;

import org.mifid.workbench.engine.ProgressMonitor;
import org.mifid.workbench.store.Workspace;

/**
 * Scores a submission archive into a workspace: validate, extract features, FID against the reference set's
 * statistics, the memorization search, then store everything in one transaction.
 */
public final class SubmissionScoring {
    private final Workspace workspace;

    public SubmissionScoring(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Scores and stores the submission; returns its id. Reports progress and honours cancellation. */
    public long score(ScoringRequest request, ProgressMonitor monitor) {
        throw new UnsupportedOperationException("scoring pipeline not wired yet: " + workspace.file());
    }
}
