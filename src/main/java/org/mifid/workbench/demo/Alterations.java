package org.mifid.workbench.demo;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The image alterations the demo's submissions are made with: the light edits that 2019's cheaters applied to
 * training images (flips, crops, colour jitter, JPEG artefacts) and the degradations of weak but honest
 * generators (blur, noise, colour shift, low resolution). All take and return 64x64 RGB images.
 */
final class Alterations {
    private Alterations() {
    }

    static BufferedImage flip(BufferedImage src) {
        int w = src.getWidth();
        int h = src.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(w - 1 - x, y, src.getRGB(x, y));
            }
        }
        return out;
    }

    /** A random crop of 80-90 % of the side, scaled back up. */
    static BufferedImage crop(BufferedImage src, Random rnd) {
        int side = src.getWidth();
        int size = (int) Math.round(side * (0.80 + 0.10 * rnd.nextDouble()));
        int x = rnd.nextInt(side - size + 1);
        int y = rnd.nextInt(side - size + 1);
        return scale(src.getSubimage(x, y, size, size), side, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    }

    /** Brightness, contrast and saturation jitter of up to 15 %. */
    static BufferedImage jitter(BufferedImage src, Random rnd) {
        double brightness = 1 + 0.3 * (rnd.nextDouble() - 0.5);
        double contrast = 1 + 0.3 * (rnd.nextDouble() - 0.5);
        double saturation = 1 + 0.3 * (rnd.nextDouble() - 0.5);
        return mapPixels(src, (r, g, b) -> {
            double grey = 0.299 * r + 0.587 * g + 0.114 * b;
            double[] c = {r, g, b};
            for (int i = 0; i < 3; i++) {
                double v = grey + (c[i] - grey) * saturation;
                v = (v - 128) * contrast + 128;
                c[i] = v * brightness;
            }
            return rgb(c[0], c[1], c[2]);
        });
    }

    static BufferedImage jpeg(BufferedImage src, float quality) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
            ImageWriter writer = writers.next();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
                writer.write(null, new IIOImage(src, null, null), param);
            } finally {
                writer.dispose();
            }
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
            return copyRgb(decoded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 5x5 box blur. */
    static BufferedImage blur(BufferedImage src) {
        int w = src.getWidth();
        int h = src.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double r = 0;
                double g = 0;
                double b = 0;
                int n = 0;
                for (int dy = -2; dy <= 2; dy++) {
                    for (int dx = -2; dx <= 2; dx++) {
                        int xx = Math.min(w - 1, Math.max(0, x + dx));
                        int yy = Math.min(h - 1, Math.max(0, y + dy));
                        int p = src.getRGB(xx, yy);
                        r += (p >> 16) & 0xFF;
                        g += (p >> 8) & 0xFF;
                        b += p & 0xFF;
                        n++;
                    }
                }
                out.setRGB(x, y, rgb(r / n, g / n, b / n));
            }
        }
        return out;
    }

    static BufferedImage noise(BufferedImage src, Random rnd, double sigma) {
        return mapPixels(src, (r, g, b) -> rgb(
                r + sigma * rnd.nextGaussian(), g + sigma * rnd.nextGaussian(), b + sigma * rnd.nextGaussian()));
    }

    /** Rotates the colour channels (red to green to blue): a generator with a broken colour head. */
    static BufferedImage colourShift(BufferedImage src) {
        return mapPixels(src, (r, g, b) -> rgb(b, r, g));
    }

    /** Down to 16x16 and back up: a generator that never learned detail. */
    static BufferedImage lowResolution(BufferedImage src) {
        int side = src.getWidth();
        BufferedImage small = scale(src, side / 4, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        return scale(small, side, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    }

    private interface PixelMap {
        int apply(int r, int g, int b);
    }

    private static BufferedImage mapPixels(BufferedImage src, PixelMap map) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < src.getHeight(); y++) {
            for (int x = 0; x < src.getWidth(); x++) {
                int p = src.getRGB(x, y);
                out.setRGB(x, y, map.apply((p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF));
            }
        }
        return out;
    }

    private static BufferedImage scale(BufferedImage src, int side, Object interpolation) {
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
        g.drawImage(src, 0, 0, side, side, null);
        g.dispose();
        return out;
    }

    private static BufferedImage copyRgb(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    private static int rgb(double r, double g, double b) {
        return (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
