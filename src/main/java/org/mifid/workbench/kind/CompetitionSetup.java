package org.mifid.workbench.kind;

import java.nio.file.Path;

/**
 * What {@code create-competition} hands a kind: the hidden truth, optionally the images (for display only), a
 * public prompt bank and the public/private split of the items.
 *
 * @param images a folder or zip of the competition's images, or null
 * @param bank public prompts ({@code imgId,prompt}) to store embedded with the competition, or null
 */
public record CompetitionSetup(Path truth, Path images, Path bank, double publicFraction, long seed) {

    /** A competition without a prompt bank. */
    public CompetitionSetup(Path truth, Path images, double publicFraction, long seed) {
        this(truth, images, null, publicFraction, seed);
    }
}
