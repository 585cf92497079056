package org.mifid.workbench.imaging;

/**
 * The resampling each reference implementation uses, reproduced exactly so that features match the library a
 * leaderboard was computed with. All four are separable: a 1-D weight table per axis, applied to rows, then
 * columns, on planar float images (channel-major, CHW).
 */
public enum ResizeMode {
    /** TF1 {@code tf.image.resize_bilinear}, align_corners=False, legacy: src = dst * in/out (Kaggle's scorer). */
    TF1_BILINEAR,
    /** PyTorch {@code F.interpolate(bilinear, align_corners=False)}: half-pixel centres, no antialias (pytorch-fid). */
    PYTORCH_BILINEAR,
    /** Bilinear with align_corners=True: src = dst * (in-1)/(out-1) (TF.js models such as nsfwjs). */
    BILINEAR_ALIGN_CORNERS,
    /** PIL {@code Image.resize(BICUBIC)} in float mode, a=-0.5, kernel widened when downscaling (clean-fid). */
    PIL_BICUBIC;

    /**
     * Weights of one axis: output i reads inputs from {@code start[i]} with {@code weight[i*taps+k]}. Taps past
     * a window's end have weight 0 and are never read, so windows near the border need no clamping.
     */
    private record Axis(int taps, int[] start, double[] weight) {
    }

    /**
     * Resizes a planar image of {@code channels} planes of {@code inH x inW} to {@code outH x outW}.
     * Returns a new array, channel-major like the input.
     */
    public float[] resize(float[] chw, int channels, int inH, int inW, int outH, int outW) {
        return resizer(inH, inW, outH, outW).apply(chw, channels);
    }

    /** The weight tables for one input and output size, reusable across images (and threads). */
    public Resizer resizer(int inH, int inW, int outH, int outW) {
        return new Resizer(inH, inW, outH, outW, axis(inW, outW), axis(inH, outH));
    }

    /** A resize between fixed sizes with its weight tables computed once. Immutable. */
    public static final class Resizer {
        private final int inH;
        private final int inW;
        private final int outH;
        private final int outW;
        private final Axis ax;
        private final Axis ay;

        private Resizer(int inH, int inW, int outH, int outW, Axis ax, Axis ay) {
            this.inH = inH;
            this.inW = inW;
            this.outH = outH;
            this.outW = outW;
            this.ax = ax;
            this.ay = ay;
        }

        public float[] apply(float[] chw, int channels) {
            if (chw.length != channels * inH * inW) {
                throw new IllegalArgumentException("expected " + channels * inH * inW + " values, got " + chw.length);
            }
            // rows first (inH x outW per channel), then columns, accumulating whole rows so the inner loop is
            // a contiguous multiply-add
            float[] rows = new float[channels * inH * outW];
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < inH; y++) {
                    int src = (c * inH + y) * inW;
                    int dst = (c * inH + y) * outW;
                    for (int x = 0; x < outW; x++) {
                        double sum = 0;
                        int s = src + ax.start[x];
                        int w = x * ax.taps;
                        for (int k = 0; k < ax.taps; k++) {
                            double weight = ax.weight[w + k];
                            if (weight != 0) {
                                sum += weight * chw[s + k];
                            }
                        }
                        rows[dst + x] = (float) sum;
                    }
                }
            }
            float[] out = new float[channels * outH * outW];
            double[] acc = new double[outW];
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < outH; y++) {
                    java.util.Arrays.fill(acc, 0);
                    for (int k = 0; k < ay.taps; k++) {
                        double weight = ay.weight[y * ay.taps + k];
                        if (weight == 0) {
                            continue;
                        }
                        int row = (c * inH + ay.start[y] + k) * outW;
                        for (int x = 0; x < outW; x++) {
                            acc[x] += weight * rows[row + x];
                        }
                    }
                    int dst = (c * outH + y) * outW;
                    for (int x = 0; x < outW; x++) {
                        out[dst + x] = (float) acc[x];
                    }
                }
            }
            return out;
        }
    }

    private Axis axis(int in, int out) {
        return this == PIL_BICUBIC ? bicubic(in, out) : bilinear(in, out);
    }

    private Axis bilinear(int in, int out) {
        int[] start = new int[out];
        double[] weight = new double[out * 2];
        for (int i = 0; i < out; i++) {
            double src = switch (this) {
                case TF1_BILINEAR -> i * ((double) in / out);
                case PYTORCH_BILINEAR -> Math.max(0, (i + 0.5) * ((double) in / out) - 0.5);
                case BILINEAR_ALIGN_CORNERS -> out > 1 ? i * ((double) (in - 1) / (out - 1)) : 0;
                case PIL_BICUBIC -> throw new IllegalStateException("bicubic is not bilinear");
            };
            int lo = Math.min((int) Math.floor(src), in - 1);
            double frac = src - lo;
            if (lo == in - 1) {
                // at the last input, the upper neighbour clamps onto the same pixel
                lo = Math.max(in - 2, 0);
                frac = in == 1 ? 0 : 1;
            }
            start[i] = lo;
            weight[2 * i] = 1 - frac;
            weight[2 * i + 1] = in == 1 ? 0 : frac;
        }
        return new Axis(2, start, weight);
    }

    /** PIL's precompute_coeffs (Resample.c) for the bicubic filter, support 2, a = -0.5. */
    private static Axis bicubic(int in, int out) {
        double scale = (double) in / out;
        double filterScale = Math.max(scale, 1.0);
        double support = 2.0 * filterScale;
        int taps = (int) Math.ceil(support) * 2 + 1;
        int[] start = new int[out];
        double[] weight = new double[out * taps];
        for (int i = 0; i < out; i++) {
            double center = (i + 0.5) * scale;
            int xmin = Math.max((int) (center - support + 0.5), 0);
            int xmax = Math.min((int) (center + support + 0.5), in) - xmin;
            double total = 0;
            for (int k = 0; k < xmax; k++) {
                double w = cubic((k + xmin - center + 0.5) / filterScale);
                weight[i * taps + k] = w;
                total += w;
            }
            for (int k = 0; k < xmax && total != 0; k++) {
                weight[i * taps + k] /= total;
            }
            start[i] = xmin;
        }
        return new Axis(taps, start, weight);
    }

    private static double cubic(double x) {
        final double a = -0.5;
        x = Math.abs(x);
        if (x < 1) {
            return ((a + 2) * x - (a + 3)) * x * x + 1;
        }
        if (x < 2) {
            return (((x - 5) * x + 8) * x - 4) * a;
        }
        return 0;
    }
}
