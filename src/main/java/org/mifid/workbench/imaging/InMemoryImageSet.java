package org.mifid.workbench.imaging;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.mifid.workbench.engine.InvalidInputException;

/** A validated set: the encoded bytes of every image, sorted by name, decoded on demand. */
final class InMemoryImageSet implements ImageSet {
    private final String source;
    private final List<String> names;
    private final List<byte[]> bytes;
    private String checksum;

    InMemoryImageSet(String source, Map<String, byte[]> sortedEntries) {
        this.source = source;
        this.names = List.copyOf(sortedEntries.keySet());
        this.bytes = List.copyOf(sortedEntries.values());
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public int size() {
        return names.size();
    }

    @Override
    public String name(int index) {
        return names.get(index);
    }

    @Override
    public byte[] bytes(int index) {
        return bytes.get(index).clone();
    }

    /** Decodes to RGB; transparency is composited over white, as the images would be viewed. */
    @Override
    public BufferedImage decode(int index) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes.get(index)));
            if (img.getType() == BufferedImage.TYPE_INT_RGB) {
                return img;
            }
            BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            g.drawImage(img, 0, 0, null);
            g.dispose();
            return rgb;
        } catch (IOException e) {
            throw new InvalidInputException(source + "!" + names.get(index), "cannot decode: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized String checksum() {
        if (checksum == null) {
            try {
                MessageDigest d = MessageDigest.getInstance("SHA-256");
                for (int i = 0; i < names.size(); i++) {
                    d.update(names.get(i).getBytes(StandardCharsets.UTF_8));
                    d.update((byte) 0);
                    byte[] b = bytes.get(i);
                    d.update(java.nio.ByteBuffer.allocate(8).putLong(b.length).array());
                    d.update(b);
                }
                checksum = HexFormat.of().formatHex(d.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return checksum;
    }

    @Override
    public void close() {
        // nothing held but heap memory
    }
}
