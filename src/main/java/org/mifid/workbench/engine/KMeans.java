package org.mifid.workbench.engine;

import java.util.Random;
import java.util.stream.IntStream;
import org.bytedeco.javacpp.DoublePointer;
import org.mifid.workbench.engine.linalg.Lapack;

/**
 * Lloyd's k-means on L2-normalised rows (the cosine geometry every distance here uses), the partition of the
 * data-copying test. Iterates until no label changes, as scikit-learn's KMeans with tol=0 does, so that the
 * same initial centres give the same cells.
 */
final class KMeans {
    private static final int MAX_ITERATIONS = 50;
    /** Rows normalised and multiplied at a time: 1,024 x 2,048 float64 is 16 MB. */
    private static final int BLOCK_ROWS = 1024;

    private KMeans() {
    }

    /** The fitted centres, {@code k x d} row-major, of the given rows started from the given rows as centres. */
    static double[][] fit(double[][] rows, int[] initialRows) {
        double[][] centres = new double[initialRows.length][];
        for (int c = 0; c < centres.length; c++) {
            centres[c] = rows[initialRows[c]].clone();
        }
        int d = centres[0].length;
        int[] labels = new int[rows.length];
        java.util.Arrays.fill(labels, -1);
        try (DoublePointer flat = new DoublePointer((long) rows.length * d)) {
            for (int r = 0; r < rows.length; r++) {
                flat.position((long) r * d).put(rows[r]);
            }
            flat.position(0);
            for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
                int[] next = new int[rows.length];
                try (CentreAssignment assignment = new CentreAssignment(centres, rows.length)) {
                    assignment.assign(flat, rows.length, next, 0);
                }
                boolean changed = !java.util.Arrays.equals(next, labels);
                labels = next;
                if (!changed) {
                    break;
                }
                centres = means(rows, labels, centres);
            }
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

    /**
     * The nearest centre of every row of {@code m}, its rows L2-normalised as {@link #normalised} a block at a
     * time (the whole training set in float64 would be 330 MB at competition scale).
     */
    static int[] nearestCentres(FeatureMatrix m, double[][] centres) {
        int d = m.cols();
        int block = Math.min(BLOCK_ROWS, Math.max(1, m.rows()));
        int[] out = new int[m.rows()];
        double[] rows = new double[block * d];
        try (CentreAssignment assignment = new CentreAssignment(centres, block);
             DoublePointer rowsPtr = new DoublePointer((long) block * d)) {
            for (int start = 0; start < m.rows(); start += block) {
                int n = Math.min(block, m.rows() - start);
                int first = start;
                IntStream.range(0, n).parallel().forEach(r -> normaliseInto(m, first + r, rows, r * d));
                rowsPtr.position(0).put(rows, 0, n * d);
                assignment.assign(rowsPtr.position(0), n, out, start);
            }
        }
        return out;
    }

    /**
     * Rows to their nearest centre by the smallest {@code |c|^2 / 2 - r.c}: the squared distance halved, less
     * the row's own norm that every centre shares. The dot products are one dgemm for a block of rows: the
     * 32,000 rows of a competition's sets take a tenth of a second where a row-by-row loop took 1.1 s on two
     * cores, and a k-means iteration on 2,000 rows a few milliseconds. Cells can differ from the squared
     * distance's only where two centres tie to the last bit.
     */
    private static final class CentreAssignment implements AutoCloseable {
        private final int k;
        private final int d;
        private final double[] halfNorms;
        private final double[] dots;
        private final DoublePointer centres;
        private final DoublePointer products;

        CentreAssignment(double[][] centreRows, int maxRows) {
            k = centreRows.length;
            d = centreRows[0].length;
            halfNorms = new double[k];
            double[] flat = new double[k * d];
            for (int c = 0; c < k; c++) {
                System.arraycopy(centreRows[c], 0, flat, c * d, d);
                for (int j = 0; j < d; j++) {
                    halfNorms[c] += centreRows[c][j] * centreRows[c][j] / 2;
                }
            }
            dots = new double[maxRows * k];
            centres = new DoublePointer(flat);
            products = new DoublePointer((long) maxRows * k);
        }

        /** Labels of the n rows (row-major, n x d) at {@code rows}, written to {@code out} from {@code at}. */
        void assign(DoublePointer rows, int n, int[] out, int at) {
            Lapack.multiplyByTranspose(rows, centres, products, n, k, d);
            products.position(0).get(dots, 0, n * k);
            for (int r = 0; r < n; r++) {
                int best = 0;
                double bestValue = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double v = halfNorms[c] - dots[r * k + c];
                    if (v < bestValue) {
                        bestValue = v;
                        best = c;
                    }
                }
                out[at + r] = best;
            }
        }

        @Override
        public void close() {
            centres.close();
            products.close();
        }
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
        double[][] out = new double[rows.length][m.cols()];
        for (int r = 0; r < rows.length; r++) {
            normaliseInto(m, rows[r], out[r], 0);
        }
        return out;
    }

    /** Row {@code row} of the matrix divided by its L2 norm, written to {@code out} from {@code at}. */
    private static void normaliseInto(FeatureMatrix m, int row, double[] out, int at) {
        int d = m.cols();
        float[] x = m.data();
        int off = row * d;
        double norm = 0;
        for (int j = 0; j < d; j++) {
            norm += (double) x[off + j] * x[off + j];
        }
        norm = Math.sqrt(norm);
        for (int j = 0; j < d; j++) {
            out[at + j] = norm > 0 ? x[off + j] / norm : 0;
        }
    }
}
