package org.mifid.workbench.engine;

import java.util.Random;
import java.util.stream.IntStream;

/**
 * Lloyd's k-means on L2-normalised rows (the cosine geometry every distance here uses), the partition of the
 * data-copying test. Iterates until no label changes, as scikit-learn's KMeans with tol=0 does, so that the
 * same initial centres give the same cells.
 */
final class KMeans {
    private static final int MAX_ITERATIONS = 50;

    private KMeans() {
    }

    /** The fitted centres, {@code k x d} row-major, of the given rows started from the given rows as centres. */
    static double[][] fit(double[][] rows, int[] initialRows) {
        double[][] centres = new double[initialRows.length][];
        for (int c = 0; c < centres.length; c++) {
            centres[c] = rows[initialRows[c]].clone();
        }
        int[] labels = new int[rows.length];
        java.util.Arrays.fill(labels, -1);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            // each row's nearest centre is independent of the others': both cores share the rows
            double[][] current = centres;
            int[] next = IntStream.range(0, rows.length).parallel().map(i -> nearest(current, rows[i])).toArray();
            boolean changed = !java.util.Arrays.equals(next, labels);
            labels = next;
            if (!changed) {
                break;
            }
            centres = means(rows, labels, centres);
        }
        return centres;
    }

    /** k-means++ seeding with a fixed seed: spread-out initial centres, the same on every run. */
    static int[] plusPlusSeeds(double[][] rows, int k, long seed) {
        Random random = new Random(seed);
        int[] seeds = new int[k];
        seeds[0] = random.nextInt(rows.length);
        double[] closest = new double[rows.length];
        java.util.Arrays.fill(closest, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < rows.length; i++) {
                closest[i] = Math.min(closest[i], squaredDistance(rows[i], rows[seeds[c - 1]]));
                total += closest[i];
            }
            double target = random.nextDouble() * total;
            int pick = rows.length - 1;
            for (int i = 0; i < rows.length; i++) {
                target -= closest[i];
                if (target < 0) {
                    pick = i;
                    break;
                }
            }
            seeds[c] = pick;
        }
        return seeds;
    }

    static int nearest(double[][] centres, double[] row) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centres.length; c++) {
            double d = squaredDistance(centres[c], row);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    /** New centres as the means of their rows; a centre left without rows stays where it was. */
    private static double[][] means(double[][] rows, int[] labels, double[][] previous) {
        int dim = previous[0].length;
        double[][] sums = new double[previous.length][dim];
        int[] counts = new int[previous.length];
        for (int i = 0; i < rows.length; i++) {
            counts[labels[i]]++;
            double[] sum = sums[labels[i]];
            for (int j = 0; j < dim; j++) {
                sum[j] += rows[i][j];
            }
        }
        for (int c = 0; c < sums.length; c++) {
            if (counts[c] == 0) {
                sums[c] = previous[c].clone();
            } else {
                for (int j = 0; j < dim; j++) {
                    sums[c][j] /= counts[c];
                }
            }
        }
        return sums;
    }

    private static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double d = a[j] - b[j];
            s += d * d;
        }
        return s;
    }

    /** Rows of the matrix divided by their L2 norm, in float64 (a zero row stays zero). */
    static double[][] normalised(FeatureMatrix m, int[] rows) {
        int d = m.cols();
        float[] x = m.data();
        double[][] out = new double[rows.length][d];
        for (int r = 0; r < rows.length; r++) {
            int off = rows[r] * d;
            double norm = 0;
            for (int j = 0; j < d; j++) {
                norm += (double) x[off + j] * x[off + j];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < d && norm > 0; j++) {
                out[r][j] = x[off + j] / norm;
            }
        }
        return out;
    }
}
