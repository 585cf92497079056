package org.mifid.workbench.store;

import org.mifid.workbench.core.InvalidInputException;

/** The same archive (by checksum) is already in the workspace. */
public class DuplicateSubmissionException extends InvalidInputException {
    private final long existingId;

    public DuplicateSubmissionException(String source, long existingId) {
        super(source, "already in this workspace as submission " + existingId + " (same SHA-256)");
        this.existingId = existingId;
    }

    public long existingId() {
        return existingId;
    }
}
