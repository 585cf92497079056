package org.mifid.workbench.kind;

import java.nio.file.Path;

/**
 * A submission file to score, of whatever kind: the kind reads and validates the file itself.
 *
 * @param externalId the competition's id for the submission, or null
 */
public record KindSubmission(Path file, String team, String externalId) {
}
