package org.mifid.workbench.imaging;

/**
 * An image's format and size read from its first bytes, before anything is decoded, so that a decompression
 * bomb (a tiny file declaring a huge image) is refused without allocating its pixels.
 */
record ImageHeader(Format format, int width, int height) {
    enum Format { PNG, JPEG }

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PNG_END = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};

    /** The header, or null when the bytes are neither PNG nor JPEG. Throws for a recognised but broken header. */
    static ImageHeader read(byte[] b) {
        if (startsWith(b, PNG_MAGIC)) {
            if (b.length < 24 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
                throw new IllegalArgumentException("corrupt PNG (no IHDR header)");
            }
            return new ImageHeader(Format.PNG, int32(b, 16), int32(b, 20));
        }
        if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return jpeg(b);
        }
        return null;
    }

    /** A PNG whose bytes do not end in the IEND chunk was cut short. */
    static boolean pngComplete(byte[] b) {
        if (b.length < PNG_END.length) {
            return false;
        }
        for (int i = 0; i < PNG_END.length; i++) {
            if (b[b.length - PNG_END.length + i] != PNG_END[i]) {
                return false;
            }
        }
        return true;
    }

    /** Walks the JPEG markers to the first start-of-frame, which holds the size. */
    private static ImageHeader jpeg(byte[] b) {
        int i = 2;
        while (i + 9 < b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                throw new IllegalArgumentException("corrupt JPEG (bad marker)");
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8
                    && marker != 0xCC;
            if (startOfFrame) {
                int height = ((b[i + 5] & 0xFF) << 8) | (b[i + 6] & 0xFF);
                int width = ((b[i + 7] & 0xFF) << 8) | (b[i + 8] & 0xFF);
                return new ImageHeader(Format.JPEG, width, height);
            }
            if (length < 2) {
                throw new IllegalArgumentException("corrupt JPEG (bad segment length)");
            }
            i += 2 + length;
        }
        throw new IllegalArgumentException("corrupt or truncated JPEG (no frame header)");
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int int32(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
}
