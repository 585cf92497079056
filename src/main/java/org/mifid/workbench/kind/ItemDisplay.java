package org.mifid.workbench.kind;

/** How a kind's items (what a submission holds one of per hidden item) are shown to the organizer. */
public enum ItemDisplay {
    /** Generated images: thumbnails beside their nearest training images. */
    IMAGE,
    /** Prompts and predicted prompts: text beside its figure. */
    TEXT
}
