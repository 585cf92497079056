package org.mifid.workbench.store;

import org.mifid.workbench.core.Score;
import org.mifid.workbench.core.Submission;
import org.mifid.workbench.core.Verdict;
import org.mifid.workbench.core.VerdictEntry;

/** One row of a board in the form every kind fits: the submission, its score and figures, its current verdict. */
public record BoardRow(Submission submission, Score score, VerdictEntry verdict) {

    public Verdict currentVerdict() {
        return verdict == null ? Verdict.NONE : verdict.verdict();
    }
}
