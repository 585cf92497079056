package org.mifid.workbench.store;

import java.time.Instant;
import java.util.List;

/**
 * A submission about to be stored, with the names of its images in feature-row order (empty for imported
 * results that come without images).
 */
public record NewSubmission(
        String externalId,
        String team,
        String fileName,
        String path,
        String checksum,
        Instant submittedAt,
        int imageCount,
        String label,
        List<String> imageNames) {
}
