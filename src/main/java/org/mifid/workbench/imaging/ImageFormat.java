package org.mifid.workbench.imaging;

/** The encoded image formats a set may hold, recognised by their magic bytes, never by the file name. */
public enum ImageFormat {
    PNG, JPEG;

    /** The format of {@code bytes} by signature, or null when it is neither. */
    static ImageFormat sniff(byte[] bytes) {
        if (bytes.length >= 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G'
                && bytes[4] == 0x0D && bytes[5] == 0x0A && bytes[6] == 0x1A && bytes[7] == 0x0A) {
            return PNG;
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return JPEG;
        }
        return null;
    }
}
