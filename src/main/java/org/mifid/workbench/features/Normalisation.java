package org.mifid.workbench.features;

/** How a network expects pixel values (0..255 after decoding) to be scaled. */
public enum Normalisation {
    /** x / 255, in [0, 1]: the nsfwjs TF.js models. */
    UNIT,
    /** x / 127.5 - 1, in [-1, 1]: the TF FID Inception graph, pytorch-fid's port, NASNet. */
    SYMMETRIC,
    /** 0..255 unchanged: for exported modules that normalise inside. */
    RAW;

    float apply(float pixel) {
        return switch (this) {
            case UNIT -> pixel / 255f;
            case SYMMETRIC -> pixel / 127.5f - 1f;
            case RAW -> pixel;
        };
    }
}
