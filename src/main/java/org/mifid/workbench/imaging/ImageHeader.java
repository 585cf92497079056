package org.mifid.workbench.imaging;

/**
 * What an image's header says about it, read without decoding any pixels, so that a decompression bomb
 * (a tiny file declaring a gigapixel image) is refused before a decoder allocates for it.
 *
 * @param channels colour channels: PNG colour type 0/4 is 1 (+alpha), 2 is 3, 3 is palette (3), 6 is 4; JPEG
 *                 its component count
 * @param pngColourType the PNG colour type, or -1 for JPEG
 */
record ImageHeader(ImageFormat format, int width, int height, int channels, int pngColourType) {

    long pixels() {
        return (long) width * height;
    }

    /** Reads the header of a PNG or JPEG; throws {@link IllegalArgumentException} with the reason otherwise. */
    static ImageHeader read(byte[] b) {
        ImageFormat format = ImageFormat.sniff(b);
        if (format == null) {
            throw new IllegalArgumentException("not a PNG or JPEG image");
        }
        return format == ImageFormat.PNG ? png(b) : jpeg(b);
    }

    private static ImageHeader png(byte[] b) {
        // The IHDR chunk must come first: length 13 at offset 8, type at 12, width/height at 16/20.
        if (b.length < 33 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
            throw new IllegalArgumentException("truncated PNG header");
        }
        int width = int32(b, 16);
        int height = int32(b, 20);
        int colourType = b[25] & 0xFF;
        int channels = switch (colourType) {
            case 0 -> 1;
            case 2, 3 -> 3;
            case 4 -> 2;
            case 6 -> 4;
            default -> throw new IllegalArgumentException("PNG colour type " + colourType + " is invalid");
        };
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("PNG declares " + width + "x" + height + " pixels");
        }
        return new ImageHeader(ImageFormat.PNG, width, height, channels, colourType);
    }

    private static ImageHeader jpeg(byte[] b) {
        int i = 2;
        while (i + 4 <= b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                throw new IllegalArgumentException("corrupt JPEG marker at byte " + i);
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                i++;
                continue;
            }
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                i += 2;
                continue;
            }
            int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8
                    && marker != 0xCC;
            if (startOfFrame) {
                if (i + 10 > b.length) {
                    break;
                }
                int height = ((b[i + 5] & 0xFF) << 8) | (b[i + 6] & 0xFF);
                int width = ((b[i + 7] & 0xFF) << 8) | (b[i + 8] & 0xFF);
                int components = b[i + 9] & 0xFF;
                if (width == 0 || height == 0) {
                    throw new IllegalArgumentException("JPEG declares " + width + "x" + height + " pixels");
                }
                return new ImageHeader(ImageFormat.JPEG, width, height, components, -1);
            }
            if (marker == 0xD9 || marker == 0xDA || length < 2) {
                break;
            }
            i += 2 + length;
        }
        throw new IllegalArgumentException("truncated JPEG: no frame header");
    }

    private static int int32(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
}
