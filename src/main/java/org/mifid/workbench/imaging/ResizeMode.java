package org.mifid.workbench.imaging;

import java.awt.image.BufferedImage;

/**
 * How a 64x64 image is brought to a network's input size. FID moves by whole points with the filter
 * (clean-fid's finding), so each mode reproduces one library's arithmetic exactly:
 * <ul>
 *   <li>{@link #TF1_BILINEAR}: TensorFlow 1 {@code resize_bilinear}, align_corners=False (the Kaggle public
 *       leaderboard's graph): source = destination x in/out, no half-pixel offset;</li>
 *   <li>{@link #PYTORCH_BILINEAR}: {@code F.interpolate(mode="bilinear", align_corners=False)} (pytorch-fid):
 *       half-pixel centres, no antialiasing;</li>
 *   <li>{@link #BILINEAR_ALIGN_CORNERS}: align_corners=True (the TF.js nsfwjs models);</li>
 *   <li>{@link #PIL_BICUBIC}: Pillow's {@code resize(BICUBIC)} (clean-fid's "clean" mode): separable a=-0.5 cubic
 *       with antialiasing support, 22-bit fixed point and uint8 rounding after each pass, as Pillow does.</li>
 * </ul>
 * Output is HWC float32 on the 0..255 scale.
 */
public enum ResizeMode {
    TF1_BILINEAR,
    PYTORCH_BILINEAR,
    BILINEAR_ALIGN_CORNERS,
    PIL_BICUBIC;

    /** Resizes an RGB image to {@code size x size}; returns HWC values in 0..255. */
    public float[] resize(BufferedImage rgb, int size) {
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        int[] argb = rgb.getRGB(0, 0, w, h, null, 0, w);
        if (this == PIL_BICUBIC) {
            return PilBicubic.resize(argb, w, h, size, size);
        }
        float[] out = new float[size * size * 3];
        Axis ys = axis(h, size);
        Axis xs = axis(w, size);
        for (int y = 0; y < size; y++) {
            int y0 = ys.lo[y];
            int y1 = ys.hi[y];
            float fy = ys.frac[y];
            for (int x = 0; x < size; x++) {
                int x0 = xs.lo[x];
                int x1 = xs.hi[x];
                float fx = xs.frac[x];
                int p00 = argb[y0 * w + x0];
                int p01 = argb[y0 * w + x1];
                int p10 = argb[y1 * w + x0];
                int p11 = argb[y1 * w + x1];
                int o = (y * size + x) * 3;
                for (int c = 0; c < 3; c++) {
                    int shift = 16 - 8 * c;
                    float top = channel(p00, shift) + (channel(p01, shift) - channel(p00, shift)) * fx;
                    float bottom = channel(p10, shift) + (channel(p11, shift) - channel(p10, shift)) * fx;
                    out[o + c] = top + (bottom - top) * fy;
                }
            }
        }
        return out;
    }

    private static float channel(int argb, int shift) {
        return (argb >> shift) & 0xFF;
    }

    /** For each output coordinate: the two source indices and the weight of the second. */
    private record Axis(int[] lo, int[] hi, float[] frac) {
    }

    private Axis axis(int in, int out) {
        int[] lo = new int[out];
        int[] hi = new int[out];
        float[] frac = new float[out];
        for (int d = 0; d < out; d++) {
            double src = switch (this) {
                case TF1_BILINEAR -> d * ((double) in / out);
                case PYTORCH_BILINEAR -> Math.max((d + 0.5) * ((double) in / out) - 0.5, 0);
                case BILINEAR_ALIGN_CORNERS -> out > 1 ? d * ((double) (in - 1) / (out - 1)) : 0;
                case PIL_BICUBIC -> throw new IllegalStateException("not a bilinear mode");
            };
            int l = Math.min((int) Math.floor(src), in - 1);
            lo[d] = l;
            hi[d] = Math.min(l + 1, in - 1);
            frac[d] = (float) (src - l);
        }
        return new Axis(lo, hi, frac);
    }
}
