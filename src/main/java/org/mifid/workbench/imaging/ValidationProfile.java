package org.mifid.workbench.imaging;

import java.util.Locale;

/** The rules a submission's images must follow. */
public enum ValidationProfile {
    /** The 2019 competition's rules: exactly 64x64 RGB PNGs, at most 10,000 of them. */
    KAGGLE_DOGS("kaggle-dogs", true, 64, 10_000),
    /** Other competitions: PNG or JPEG of any size up to 4096x4096, up to 100,000 images. */
    LENIENT("lenient", false, 4096, 100_000);

    private final String id;
    private final boolean exact64Png;
    private final int maxSide;
    private final int maxImages;

    ValidationProfile(String id, boolean exact64Png, int maxSide, int maxImages) {
        this.id = id;
        this.exact64Png = exact64Png;
        this.maxSide = maxSide;
        this.maxImages = maxImages;
    }

    public String id() {
        return id;
    }

    boolean exact64Png() {
        return exact64Png;
    }

    /** Largest width or height accepted; checked from the header before anything is decoded. */
    int maxSide() {
        return maxSide;
    }

    public int maxImages() {
        return maxImages;
    }

    public static ValidationProfile parse(String text) {
        for (ValidationProfile p : values()) {
            if (p.id.equals(text.toLowerCase(Locale.ROOT)) || p.name().equalsIgnoreCase(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown validation profile '" + text + "' (kaggle-dogs or lenient)");
    }
}
