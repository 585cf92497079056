package org.mifid.workbench.kind;

import java.nio.file.Path;

/**
 * What {@code create-competition} hands a kind: the hidden truth, optionally the images (for display only) and
 * the public/private split of the items.
 *
 * @param images a folder or zip of the competition's images, or null
 */
public record CompetitionSetup(Path truth, Path images, double publicFraction, long seed) {
}
