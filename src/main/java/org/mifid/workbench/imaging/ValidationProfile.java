package org.mifid.workbench.imaging;

import java.util.Locale;
import java.util.Set;
import org.mifid.workbench.core.InvalidInputException;

/**
 * What a set must satisfy to be read, and the limits that keep a hostile archive from exhausting memory.
 * Byte limits are counted on the bytes actually inflated, never on what an archive's headers claim.
 */
public enum ValidationProfile {
    /**
     * The 2019 Generative Dog Images rules: at most 10,000 PNG images of exactly 64x64 RGB pixels, with the
     * competition's own messages. A worst-case 64x64 RGB PNG is ~12.4 kB, so 10,000 of them fit in 200 MB.
     */
    KAGGLE_DOGS("kaggle-dogs", 10_000, Set.of(ImageFormat.PNG), 64, 64 * 64, 1L << 20, 200L << 20),
    /** Other competitions: PNG or JPEG of any size up to 4096x4096 pixels, up to 100,000 images and 2 GB. */
    LENIENT("lenient", 100_000, Set.of(ImageFormat.PNG, ImageFormat.JPEG), 0, 4096L * 4096, 64L << 20, 2L << 30);

    /** Above this inflated/compressed ratio an entry is treated as a zip bomb (PNG and JPEG barely compress). */
    public static final int MAX_COMPRESSION_RATIO = 100;
    /** Entries smaller than this are never refused for their ratio: a tiny file cannot be a bomb. */
    public static final long RATIO_FLOOR_BYTES = 64 << 10;

    private final String id;
    private final int maxImages;
    private final Set<ImageFormat> formats;
    private final int exactSize;
    private final long maxPixels;
    private final long maxEntryBytes;
    private final long maxTotalBytes;

    ValidationProfile(String id, int maxImages, Set<ImageFormat> formats, int exactSize, long maxPixels,
            long maxEntryBytes, long maxTotalBytes) {
        this.id = id;
        this.maxImages = maxImages;
        this.formats = formats;
        this.exactSize = exactSize;
        this.maxPixels = maxPixels;
        this.maxEntryBytes = maxEntryBytes;
        this.maxTotalBytes = maxTotalBytes;
    }

    /** The CLI's name for the profile: kaggle-dogs or lenient. */
    public String id() {
        return id;
    }

    public static ValidationProfile fromId(String id) {
        for (ValidationProfile p : values()) {
            if (p.id.equals(id.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new InvalidInputException("--profile " + id, "expected kaggle-dogs or lenient");
    }

    public int maxImages() {
        return maxImages;
    }

    public long maxEntryBytes() {
        return maxEntryBytes;
    }

    public long maxTotalBytes() {
        return maxTotalBytes;
    }

    /** The problem with an image's header under this profile, or null when it may be decoded. */
    String check(ImageHeader h) {
        if (!formats.contains(h.format())) {
            return this == KAGGLE_DOGS ? "Only PNG images should be submitted" : h.format() + " is not accepted";
        }
        if (exactSize > 0 && (h.width() != exactSize || h.height() != exactSize)) {
            return "The images are not of size " + exactSize + " (" + h.width() + "x" + h.height() + ")";
        }
        if (h.pixels() > maxPixels) {
            return "declares " + h.width() + "x" + h.height() + " pixels, over the limit of " + maxPixels
                    + " (decompression bomb?)";
        }
        if (this == KAGGLE_DOGS && h.pngColourType() != 2) {
            return "not an RGB PNG (colour type " + h.pngColourType() + ")";
        }
        return null;
    }
}
