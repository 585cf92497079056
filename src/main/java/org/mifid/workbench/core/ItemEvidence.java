package org.mifid.workbench.core;

/**
 * The evidence a score keeps about one item of a submission (one image, one prompt): the item's own figure
 * (its cosine, its nearest-neighbour distance) and a readable detail (a predicted prompt, a nearest match).
 */
public record ItemEvidence(String item, double value, String detail) {
}
