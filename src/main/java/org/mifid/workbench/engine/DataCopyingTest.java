package org.mifid.workbench.engine;

import org.mifid.workbench.core.ProgressMonitor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The data-copying test C_T of Meehan, Chaudhuri and Dasgupta (AISTATS 2020). The training set is cut into
 * cells by k-means; in every cell, the generated images' distances to their nearest training image of the cell
 * are compared with the held-out real images' by a z-scored Mann-Whitney U; C_T is the average of those z,
 * weighted by the held-out share of each cell, over the cells holding more than {@code tau} of the generated
 * images. Strongly negative means the generated images sit closer to the training set than fresh real images
 * do: copying, even when it happens in a few cells only.
 *
 * <p>Distances are the cosine distances {@code 1 - |cos|} of the memorization search, and the within-cell
 * nearest neighbours come from the same search. k-means is fitted on at most {@value #FIT_ROWS} evenly spaced
 * training rows, which keeps its cost below the search's at competition scale; every training row is then
 * assigned to its nearest centre.
 */
public final class DataCopyingTest {
    static final int FIT_ROWS = 2000;
    private static final long SEED = 2020;

    private final MemorizationSearch search;

    public DataCopyingTest(MemorizationSearch search) {
        this.search = search;
    }

    /**
     * @param value C_T, NaN when no cell qualifies
     * @param cells cells of the partition
     * @param cellsUsed cells that entered the weighted average
     */
    public record Result(double value, int cells, int cellsUsed) {
    }

    /** The number of cells for a held-out set: about 25 held-out images per cell, between 1 and 20 cells. */
    public static int defaultCells(int heldOut) {
        return Math.max(1, Math.min(20, heldOut / 25));
    }

    /** C_T with k-means++-seeded cells ({@link #defaultCells} of them) and tau = 20 generated images. */
    public Result test(FeatureMatrix generated, FeatureMatrix heldOut, FeatureMatrix train, ProgressMonitor monitor) {
        int cells = Math.min(defaultCells(heldOut.rows()), train.rows());
        int[] fitRows = evenlySpaced(train.rows(), FIT_ROWS);
        double[][] fit = KMeans.normalised(train, fitRows);
        int[] seeds = KMeans.plusPlusSeeds(fit, cells, SEED);
        double tau = 20.0 / generated.rows();
        return test(generated, heldOut, train, KMeans.fit(fit, seeds), tau, monitor);
    }

    /** C_T over the cells of the given k-means centres (rows L2-normalised). */
    public Result test(FeatureMatrix generated, FeatureMatrix heldOut, FeatureMatrix train, double[][] centres,
                       double tau, ProgressMonitor monitor) {
        int k = centres.length;
        int[] genCells = cellsOf(generated, centres);
        int[] heldCells = cellsOf(heldOut, centres);
        int[] trainCells = cellsOf(train, centres);
        double weighted = 0;
        double weights = 0;
        int used = 0;
        for (int c = 0; c < k; c++) {
            monitor.checkCancelled();
            int[] g = members(genCells, c);
            int[] h = members(heldCells, c);
            int[] t = members(trainCells, c);
            double genShare = (double) g.length / generated.rows();
            // A cell without held-out images has weight zero; one without training images has no distances.
            if (genShare <= tau || h.length == 0 || t.length == 0) {
                continue;
            }
            FeatureMatrix cellTrain = rows(train, t);
            double[] lg = nearestDistances(rows(generated, g), cellTrain, monitor);
            double[] lh = nearestDistances(rows(heldOut, h), cellTrain, monitor);
            if (lg.length == 0 || lh.length == 0) {
                continue;
            }
            double weight = (double) h.length / heldOut.rows();
            weighted += weight * MannWhitney.z(lg, lh);
            weights += weight;
            used++;
        }
        return new Result(used == 0 ? Double.NaN : weighted / weights, k, used);
    }

    private double[] nearestDistances(FeatureMatrix query, FeatureMatrix cellTrain, ProgressMonitor monitor) {
        Neighbours n = search.search(query, cellTrain, ProgressMonitor.NONE).neighbours();
        double[] out = new double[n.size()];
        int kept = 0;
        for (int i = 0; i < n.size(); i++) {
            if (Float.isFinite(n.nearest(i))) {
                out[kept++] = n.nearest(i);
            }
        }
        return Arrays.copyOf(out, kept);
    }

    static int[] cellsOf(FeatureMatrix m, double[][] centres) {
        // one row at a time: the whole training set in float64 would be 330 MB at competition scale; rows are
        // independent, so both cores share them (the same cells: each row's arithmetic is unchanged)
        return IntStream.range(0, m.rows()).parallel()
                .map(i -> KMeans.nearest(centres, KMeans.normalised(m, new int[] {i})[0])).toArray();
    }

    private static int[] members(int[] cells, int cell) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] == cell) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    static FeatureMatrix rows(FeatureMatrix m, int[] rows) {
        int d = m.cols();
        float[] out = new float[rows.length * d];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(m.data(), rows[r] * d, out, r * d, d);
        }
        return new FeatureMatrix(out, rows.length, d);
    }

    /** At most {@code limit} row indices spread evenly over {@code n} rows (all of them when n <= limit). */
    static int[] evenlySpaced(int n, int limit) {
        int count = Math.min(n, limit);
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = (int) ((long) i * n / count);
        }
        return out;
    }
}
