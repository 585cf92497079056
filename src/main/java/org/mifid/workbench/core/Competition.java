package org.mifid.workbench.core;

import java.time.Instant;

/**
 * A competition as its workspace records it: its name, its kind (which decides what a submission is and how
 * it is scored; "mifid" for every workspace written before kinds existed) and, for kinds that split hidden items
 * between the boards themselves, the public fraction and the seed of that split.
 *
 * @param publicFraction share of the items on the public board, NaN when the kind does not split items
 * @param splitSeed seed of the deterministic split, 0 when the kind does not split items
 * @param images the folder or zip of the competition's images (display only), or null
 */
public record Competition(String name, String kind, Instant createdAt, double publicFraction, long splitSeed,
        String images) {
    /** The kind of every workspace written before kinds existed, and the default of a new one. */
    public static final String MIFID = "mifid";
}
