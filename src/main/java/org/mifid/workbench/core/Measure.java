package org.mifid.workbench.core;

/**
 * The evidence of copying beside the mean memorization distance, each in the network's feature space and in the
 * network-free pixel space (a flip-aware 16x16 grayscale descriptor, where JPEG, crop and colour copies stay
 * close even when a network moves them). The id is what scripts read in {@code score --json}'s measures.
 */
public enum Measure {
    COPY_SHARE("copy_share", "copy share", true),
    P5_DISTANCE("p5_distance", "5th percentile distance", false),
    MEDIAN_DISTANCE("median_distance", "median distance", false),
    CT("ct", "data-copying C_T", false),
    AUTHENTICITY("authenticity", "inauthentic share", true),
    PIXEL_COPY_SHARE("pixel_copy_share", "pixel copy share", true),
    PIXEL_P5_DISTANCE("pixel_p5_distance", "pixel 5th percentile distance", false),
    PIXEL_MEDIAN_DISTANCE("pixel_median_distance", "pixel median distance", false),
    PIXEL_CT("pixel_ct", "pixel data-copying C_T", false),
    PIXEL_AUTHENTICITY("pixel_authenticity", "pixel inauthentic share", true);

    private final String id;
    private final String label;
    private final boolean higherIsSuspicious;

    Measure(String id, String label, boolean higherIsSuspicious) {
        this.id = id;
        this.label = label;
        this.higherIsSuspicious = higherIsSuspicious;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** True when a larger value points to copying (copy share); false when a smaller one does (C_T, distances). */
    public boolean higherIsSuspicious() {
        return higherIsSuspicious;
    }

    public static Measure fromId(String id) {
        for (Measure m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("no measure " + id);
    }
}
