package org.mifid.workbench.kind;

import java.nio.file.Path;

/**
 * What {@code create-competition} hands a kind: the hidden truth, optionally the images (for display only), a
 * public prompt bank, the training and held-out real images, and the public/private split of the items.
 *
 * @param images a folder or zip of the competition's images, or null
 * @param bank public prompts ({@code imgId,prompt}) to store embedded with the competition, or null
 * @param train MiFID: the training images both boards score against, or null
 * @param heldOut MiFID: real images kept out of training, for the data-copying test, or null
 */
public record CompetitionSetup(Path truth, Path images, Path bank, Path train, Path heldOut, double publicFraction,
                               long seed) {

    /** A competition without training or held-out images (image-to-prompt). */
    public CompetitionSetup(Path truth, Path images, Path bank, double publicFraction, long seed) {
        this(truth, images, bank, null, null, publicFraction, seed);
    }

    /** A competition without a prompt bank. */
    public CompetitionSetup(Path truth, Path images, double publicFraction, long seed) {
        this(truth, images, null, publicFraction, seed);
    }
}
