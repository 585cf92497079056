package org.mifid.workbench.kind;

import java.nio.file.Path;

/**
 * A submission file to score, of whatever kind: the kind reads and validates the file itself.
 *
 * @param externalId the competition's id for the submission, or null
 * @param label a ground-truth or inspection label stored with it (the demos know what each team did), or null
 */
public record KindSubmission(Path file, String team, String externalId, String label) {

    /** A submission without a label, as organizers score them. */
    public KindSubmission(Path file, String team, String externalId) {
        this(file, team, externalId, null);
    }
}
