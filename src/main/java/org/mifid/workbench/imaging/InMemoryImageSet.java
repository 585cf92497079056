package org.mifid.workbench.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.imageio.ImageIO;
import org.mifid.workbench.core.InvalidInputException;

/**
 * A validated set whose encoded bytes are held in memory: the source is read exactly once, so what was
 * checked is what gets decoded (a file swapped after validation cannot slip in), and the Kaggle profile caps a
 * set at 200 MB of encoded PNGs. Images are decoded on demand, from any thread.
 */
public abstract class InMemoryImageSet implements ImageSet {
    private final String source;
    private final List<SetValidator.Entry> entries;
    private volatile String checksum;

    InMemoryImageSet(String source, List<SetValidator.Entry> entries) {
        this.source = source;
        this.entries = entries;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public int size() {
        return entries.size();
    }

    @Override
    public String name(int index) {
        return entries.get(index).name();
    }

    @Override
    public byte[] bytes(int index) {
        return entries.get(index).bytes().clone();
    }

    @Override
    public BufferedImage decode(int index) {
        SetValidator.Entry e = entries.get(index);
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(e.bytes()));
            if (image == null) {
                throw new InvalidInputException(source + "!" + e.name(), "no decoder for this image");
            }
            return toRgb(image);
        } catch (IOException ex) {
            throw new InvalidInputException(source + "!" + e.name(), "cannot decode: " + ex.getMessage(), ex);
        }
    }

    /**
     * SHA-256 over every entry's name and bytes in order (each length-prefixed, so no two different sets
     * hash the same stream): the key of cached features, changed by any renamed, added or altered file.
     */
    public String checksum() {
        String c = checksum;
        if (c == null) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                ByteBuffer length = ByteBuffer.allocate(Long.BYTES);
                for (SetValidator.Entry e : entries) {
                    byte[] name = e.nameBytes();
                    sha.update(length.clear().putLong(name.length).array());
                    sha.update(name);
                    sha.update(length.clear().putLong(e.bytes().length).array());
                    sha.update(e.bytes());
                }
                c = HexFormat.of().formatHex(sha.digest());
                checksum = c;
            } catch (NoSuchAlgorithmException ex) {
                throw new IllegalStateException("SHA-256 is part of every JDK", ex);
            }
        }
        return c;
    }

    /**
     * The image as 8-bit RGB. Grey images are expanded sample by sample: Java2D's grey colour space is
     * linear, so drawing it into an sRGB image would brighten it, unlike PIL's convert("RGB").
     */
    static BufferedImage toRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Raster raster = image.getRaster();
        boolean grey = image.getColorModel().getNumColorComponents() == 1 && image.getType() != BufferedImage.TYPE_BYTE_INDEXED
                && raster.getSampleModel().getSampleSize(0) == 8;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (grey) {
                    int g = raster.getSample(x, y, 0);
                    rgb.setRGB(x, y, (g << 16) | (g << 8) | g);
                } else {
                    rgb.setRGB(x, y, image.getRGB(x, y) & 0xFFFFFF);
                }
            }
        }
        return rgb;
    }

    @Override
    public void close() {
        // the bytes are plain heap memory; nothing to release
    }
}
