package org.mifid.workbench.engine;

import java.util.Arrays;

/**
 * What the per-image nearest training distances say beyond their mean: the share of images closer than an
 * image-level threshold (a submission that copies 10 % of its images barely moves the mean but puts 10 % of its
 * images near zero), and the 5th percentile and median of the distances.
 *
 * @param threshold image-level threshold: an image whose nearest distance is at or below it counts as a copy
 * @param copyShare share of images at or below the threshold (NaN when no image has a distance)
 * @param p5 5th percentile of the distances, interpolated linearly as numpy's percentile
 * @param median median of the distances
 * @param images images with a distance (rows dropped by the metric have NaN and do not count)
 */
public record NearestDistanceSummary(double threshold, double copyShare, double p5, double median, int images) {

    /** Summarises the nearest distances (NaN entries are skipped) against {@code threshold}. */
    public static NearestDistanceSummary of(float[] nearest, double threshold) {
        double[] sorted = finiteSorted(nearest);
        int below = 0;
        for (double v : sorted) {
            if (v <= threshold) {
                below++;
            }
        }
        double share = sorted.length == 0 ? Double.NaN : (double) below / sorted.length;
        return new NearestDistanceSummary(threshold, share, percentile(sorted, 5), percentile(sorted, 50),
                sorted.length);
    }

    /**
     * The default image-level threshold: the given percentile of the training images' distances to their own
     * nearest other training image. An image closer to the training set than almost every training image is to
     * its own neighbour is not explained by the training set's spread.
     */
    public static double defaultThreshold(double[] trainSelfNearest, double percent) {
        double[] sorted = Arrays.stream(trainSelfNearest).filter(Double::isFinite).sorted().toArray();
        return percentile(sorted, percent);
    }

    /** numpy.percentile's default (linear) interpolation on ascending values; NaN for none. */
    static double percentile(double[] sorted, double percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = percent / 100.0 * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, sorted.length - 1);
        double fraction = position - lower;
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction;
    }

    private static double[] finiteSorted(float[] values) {
        double[] out = new double[values.length];
        int n = 0;
        for (float v : values) {
            if (Float.isFinite(v)) {
                out[n++] = v;
            }
        }
        double[] kept = Arrays.copyOf(out, n);
        Arrays.sort(kept);
        return kept;
    }
}
