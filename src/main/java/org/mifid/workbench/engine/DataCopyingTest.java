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
    /** Generated images a cell must hold more than to enter C_T: Meehan et al.'s tau, as a count. */
    static final int MIN_GENERATED = 20;
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

    /**
     * The number of cells: about 25 held-out images per cell, and at least 40 generated images per cell, twice the
     * {@value #MIN_GENERATED} a cell needs to count (so a small submission is not left without a qualifying cell);
     * between 1 and 20 cells.
     */
    public static int defaultCells(int heldOut, int generated) {
        return Math.max(1, Math.min(20, Math.min(heldOut / 25, generated / (2 * MIN_GENERATED))));
    }

    /**
     * The training set's cells: k-means centres (rows L2-normalised) and the cell of every training row. They
     * depend on the training set and the number of cells only, so {@link TrainingSpace} keeps them for a board.
     */
    record Partition(double[][] centres, int[] trainCells) {
        /** k-means++-seeded cells, fitted on at most {@value #FIT_ROWS} evenly spaced training rows. */
        static Partition of(FeatureMatrix train, int cells) {
            double[][] fit = KMeans.normalised(train, evenlySpaced(train.rows(), FIT_ROWS));
            double[][] centres = KMeans.fit(fit, KMeans.plusPlusSeeds(fit, cells, SEED));
            return new Partition(centres, cellsOf(train, centres));
        }
    }

    /**
     * C_T with k-means++-seeded cells ({@link #defaultCells} of them, the space's partition) and tau =
     * {@value #MIN_GENERATED} generated images.
     *
     * @param generatedNeighbours the memorization search's neighbours of {@code generated} in the space's
     *                            training set, or null; with them each generated image's nearest training image
     *                            of its cell is read from its k nearest wherever one of those lies in the cell
     */
    public Result test(FeatureMatrix generated, Neighbours generatedNeighbours, FeatureMatrix heldOut,
                       TrainingSpace space, ProgressMonitor monitor) {
        FeatureMatrix train = space.train();
        int cells = Math.min(defaultCells(heldOut.rows(), generated.rows()), train.rows());
        double tau = (double) MIN_GENERATED / generated.rows();
        return test(generated, generatedNeighbours, heldOut, train, space.partition(cells), tau, monitor);
    }

    /** C_T over the cells of the given k-means centres (rows L2-normalised); neighbours as above, or null. */
    public Result test(FeatureMatrix generated, Neighbours generatedNeighbours, FeatureMatrix heldOut,
                       FeatureMatrix train, double[][] centres, double tau, ProgressMonitor monitor) {
        return test(generated, generatedNeighbours, heldOut, train, new Partition(centres, cellsOf(train, centres)),
                tau, monitor);
    }

    private Result test(FeatureMatrix generated, Neighbours generatedNeighbours, FeatureMatrix heldOut,
                        FeatureMatrix train, Partition partition, double tau, ProgressMonitor monitor) {
        int k = partition.centres().length;
        int[] genCells = cellsOf(generated, partition.centres());
        int[] heldCells = cellsOf(heldOut, partition.centres());
        int[] trainCells = partition.trainCells();
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
            // generated rows whose nearest of the cell is not among their k nearest are searched in the same
            // pass as the held-out rows: one search of the cell instead of two
            double[] knownDistances = new double[0];
            int[] searched = g;
            if (generatedNeighbours != null) {
                InCell resolved = InCell.of(g, generatedNeighbours, trainCells, c);
                knownDistances = resolved.distances();
                searched = resolved.unresolved();
            }
            double[][] found = nearestDistances(rows(generated, searched), rows(heldOut, h), rows(train, t));
            double[] lg = concat(knownDistances, found[0]);
            double[] lh = found[1];
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

    /**
     * The generated members of a cell whose nearest training image of the cell is known from their k nearest:
     * the first of a row's k nearest (sorted by distance) that lies in the cell is that image, since any nearer
     * one of the cell would be among the k before it. The others are left to a search of the cell (about half of
     * them on the benchmark's synthetic features, where cells are weakly separated). Rows without a distance
     * (their features sum to zero) are in neither, as the search leaves them out.
     */
    private record InCell(double[] distances, int[] unresolved) {
        static InCell of(int[] members, Neighbours neighbours, int[] trainCells, int cell) {
            double[] distances = new double[members.length];
            int[] unresolved = new int[members.length];
            int known = 0;
            int left = 0;
            for (int i : members) {
                if (!Float.isFinite(neighbours.nearest(i))) {
                    continue;
                }
                int rank = 0;
                while (rank < neighbours.k() && (neighbours.index(i, rank) < 0
                        || trainCells[neighbours.index(i, rank)] != cell)) {
                    rank++;
                }
                if (rank < neighbours.k()) {
                    distances[known++] = neighbours.distance(i, rank);
                } else {
                    unresolved[left++] = i;
                }
            }
            return new InCell(Arrays.copyOf(distances, known), Arrays.copyOf(unresolved, left));
        }
    }

    /** The nearest distances in the cell's training rows of two query sets, searched together; NaN rows dropped. */
    private double[][] nearestDistances(FeatureMatrix first, FeatureMatrix second, FeatureMatrix cellTrain) {
        int d = cellTrain.cols();
        float[] both = Arrays.copyOf(first.data(), (first.rows() + second.rows()) * d);
        System.arraycopy(second.data(), 0, both, first.rows() * d, second.rows() * d);
        Neighbours n = search.search(new FeatureMatrix(both, first.rows() + second.rows(), d), cellTrain,
                ProgressMonitor.NONE).neighbours();
        return new double[][] {finiteNearest(n, 0, first.rows()), finiteNearest(n, first.rows(), n.size())};
    }

    private static double[] finiteNearest(Neighbours n, int from, int to) {
        return IntStream.range(from, to).mapToDouble(n::nearest).filter(Double::isFinite)
                .toArray();
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static int[] cellsOf(FeatureMatrix m, double[][] centres) {
        return KMeans.nearestCentres(m, centres);
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
