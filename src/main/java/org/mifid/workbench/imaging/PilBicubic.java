package org.mifid.workbench.imaging;

/**
 * Pillow's bicubic resampling (libImaging/Resample.c) reproduced to the bit: coefficients from the a=-0.5 cubic
 * over a support widened by the downscaling factor, normalised, converted to 22-bit fixed point; a horizontal
 * pass then a vertical pass, each rounding and clipping to uint8.
 */
final class PilBicubic {
    private static final int PRECISION_BITS = 32 - 8 - 2;
    private static final double A = -0.5;

    private PilBicubic() {
    }

    static float[] resize(int[] argb, int w, int h, int outW, int outH) {
        int[][] rgb = new int[3][w * h];
        for (int i = 0; i < w * h; i++) {
            rgb[0][i] = (argb[i] >> 16) & 0xFF;
            rgb[1][i] = (argb[i] >> 8) & 0xFF;
            rgb[2][i] = argb[i] & 0xFF;
        }
        Coefficients horizontal = coefficients(w, outW);
        Coefficients vertical = coefficients(h, outH);
        float[] out = new float[outW * outH * 3];
        for (int c = 0; c < 3; c++) {
            int[] pass1 = new int[outW * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < outW; x++) {
                    pass1[y * outW + x] = horizontal.apply(rgb[c], y * w, 1, x);
                }
            }
            for (int y = 0; y < outH; y++) {
                for (int x = 0; x < outW; x++) {
                    out[(y * outW + x) * 3 + c] = vertical.apply(pass1, x, outW, y);
                }
            }
        }
        return out;
    }

    /** Per output index: the first source index and the fixed-point weights. */
    private record Coefficients(int[] start, int[][] weights) {
        int apply(int[] src, int offset, int stride, int out) {
            int[] k = weights[out];
            long ss = 1L << (PRECISION_BITS - 1);
            int first = start[out];
            for (int i = 0; i < k.length; i++) {
                ss += (long) src[offset + (first + i) * stride] * k[i];
            }
            long v = ss >> PRECISION_BITS;
            return (int) Math.max(0, Math.min(255, v));
        }
    }

    private static Coefficients coefficients(int in, int out) {
        double scale = (double) in / out;
        double filterScale = Math.max(scale, 1.0);
        double support = 2.0 * filterScale;
        int[] start = new int[out];
        int[][] weights = new int[out][];
        for (int xx = 0; xx < out; xx++) {
            double center = (xx + 0.5) * scale;
            double ss = 1.0 / filterScale;
            int xmin = Math.max((int) (center - support + 0.5), 0);
            int xmax = Math.min((int) (center + support + 0.5), in) - xmin;
            double[] k = new double[xmax];
            double total = 0;
            for (int x = 0; x < xmax; x++) {
                double w = cubic((x + xmin - center + 0.5) * ss);
                k[x] = w;
                total += w;
            }
            int[] fixed = new int[xmax];
            for (int x = 0; x < xmax; x++) {
                double v = total != 0 ? k[x] / total : 0;
                // Pillow rounds half away from zero when converting to fixed point
                fixed[x] = (int) (v < 0 ? -0.5 + v * (1 << PRECISION_BITS) : 0.5 + v * (1 << PRECISION_BITS));
            }
            start[xx] = xmin;
            weights[xx] = fixed;
        }
        return new Coefficients(start, weights);
    }

    private static double cubic(double x) {
        x = Math.abs(x);
        if (x < 1.0) {
            return ((A + 2.0) * x - (A + 3.0)) * x * x + 1;
        }
        if (x < 2.0) {
            return (((x - 5) * x + 8) * x - 4) * A;
        }
        return 0.0;
    }
}
