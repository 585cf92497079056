package org.mifid.workbench.features;

import java.awt.image.BufferedImage;
import org.mifid.workbench.imaging.ResizeMode;

/**
 * Decoded RGB image to a network's input: channel-major floats, resized with the model's {@link ResizeMode}
 * and scaled with its {@link Normalisation}. Both steps are linear, so their order does not change the result;
 * resizing first keeps the reference libraries' order. Thread-safe: its only state is a cache of resize tables.
 */
public final class Preprocessor {
    private final int size;
    private final ResizeMode resize;
    private final Normalisation normalisation;
    /** The weight tables of the last input size seen: a set's images nearly always share one size. */
    private volatile Cached cached;

    private record Cached(int h, int w, ResizeMode.Resizer resizer) {
    }

    public Preprocessor(ModelSpec spec) {
        this.size = spec.inputSize();
        this.resize = spec.resizeMode();
        this.normalisation = spec.normalisation();
    }

    /** Floats per preprocessed image: 3 x size x size. */
    public int imageLength() {
        return 3 * size * size;
    }

    private ResizeMode.Resizer resizer(int h, int w) {
        Cached c = cached;
        if (c == null || c.h != h || c.w != w) {
            c = new Cached(h, w, resize.resizer(h, w, size, size));
            cached = c;
        }
        return c.resizer;
    }

    /** Writes the preprocessed image into {@code dst} from {@code offset}. */
    public void into(BufferedImage image, float[] dst, int offset) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        float[] chw = new float[3 * w * h];
        int plane = w * h;
        for (int i = 0; i < plane; i++) {
            int p = argb[i];
            chw[i] = (p >> 16) & 0xFF;
            chw[plane + i] = (p >> 8) & 0xFF;
            chw[2 * plane + i] = p & 0xFF;
        }
        float[] resized = w == size && h == size ? chw : resizer(h, w).apply(chw, 3);
        for (int i = 0; i < resized.length; i++) {
            dst[offset + i] = normalisation.apply(resized[i]);
        }
    }
}
