package org.mifid.workbench.core;

import java.time.Instant;

/**
 * A submission as stored.
 *
 * @param id the workspace's own key
 * @param externalId the competition's id for it (Kaggle submission id), or null
 * @param team the team's name as the competition knows it
 * @param fileName the archive's file name, for display
 * @param path where the archive was read from, or null for imported results
 * @param checksum SHA-256 of the archive (or of the imported row) in hex, unique in a workspace
 * @param submittedAt when it was submitted, or null
 * @param imageCount images in the archive, 0 when unknown
 * @param label an inspection or ground-truth label brought in with it ("non-mem", "mgan", ...), or null
 */
public record Submission(
        long id,
        String externalId,
        String team,
        String fileName,
        String path,
        String checksum,
        Instant submittedAt,
        int imageCount,
        String label) {

    /** True when the label says the submission was inspected and found to memorize. */
    public boolean labelledMemorizer() {
        return label != null && !label.isBlank() && !label.equals(CLEAN_LABEL);
    }

    public boolean labelledClean() {
        return CLEAN_LABEL.equals(label);
    }

    /** The label the 2019 organizers gave to inspected, legitimate submissions. */
    public static final String CLEAN_LABEL = "non-mem";
}
