package org.mifid.workbench.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.engine.FeatureMatrix;
import org.mifid.workbench.engine.NeighbourRefinement;
import org.mifid.workbench.engine.Neighbours;

/**
 * The pixel space's answer to crops and rotations. A copy cropped to 80-90 % of the side and scaled back, or
 * turned by a few degrees, sits farther from its original's descriptor than many honest images sit from theirs;
 * but it matches one of the original's windows or rotations. Each candidate the pixel search found is compared
 * with the descriptors of 3 window sizes (80, 85 and 90 % of the side) at 5 x 5 positions and 6 rotations (4, 8
 * and 12 degrees either way) of its training image, and the nearest of those (or the plain distance, if nearer) is the refined
 * distance. On the demo's emoji this catches 69 % of the cropped copies (0 % without) and every copy turned by up
 * to 10 degrees (6 % at 10 degrees without), while no honest team's share of images under the threshold moves
 * (prototype with the 5 candidates of the search; see the README).
 *
 * <p>Only candidates are refined, so a copy whose original is not among the plain search's nearest is missed;
 * C_T keeps the plain distances on both of its sides, which this refinement would bias.
 */
public final class PixelVariants implements NeighbourRefinement {
    /** Side of the luminance grid the variants are cut from (twice the descriptor's 16). */
    static final int SIDE = 32;
    static final int CELLS = SIDE * SIDE;
    private static final double[] SCALES = {0.8, 0.85, 0.9};
    private static final int POSITIONS = 5;
    private static final double[] ANGLES = {-12, -8, -4, 4, 8, 12};
    private static final int OUT = PixelDescriptors.SIDE;
    /** Window variants: cell bounds on the 32x32 grid, {@code [variant][0..16]} rows then columns. */
    private static final int[][] WINDOW_ROWS;
    private static final int[][] WINDOW_COLS;
    /** 1 / the area of each window variant's cells, {@code [variant][row * 16 + column]}. */
    private static final double[][] WINDOW_INVERSE_AREAS;
    /**
     * Rotation variants: per output cell, its bilinear taps (4 samples x 4 corners, the corners the samples share
     * merged, about 9 left of 16) as grid index and weight, the cell's from {@code ROTATION_STARTS[a][cell]}.
     */
    private static final int[][] ROTATION_STARTS;
    private static final int[][] ROTATION_TAPS;
    private static final double[][] ROTATION_WEIGHTS;

    static {
        List<int[]> rows = new ArrayList<>();
        List<int[]> cols = new ArrayList<>();
        for (double s : SCALES) {
            double w = s * SIDE;
            for (int py = 0; py < POSITIONS; py++) {
                for (int px = 0; px < POSITIONS; px++) {
                    rows.add(bounds(py * (SIDE - w) / (POSITIONS - 1), w));
                    cols.add(bounds(px * (SIDE - w) / (POSITIONS - 1), w));
                }
            }
        }
        WINDOW_ROWS = rows.toArray(int[][]::new);
        WINDOW_COLS = cols.toArray(int[][]::new);
        WINDOW_INVERSE_AREAS = new double[WINDOW_ROWS.length][OUT * OUT];
        for (int v = 0; v < WINDOW_ROWS.length; v++) {
            for (int r = 0; r < OUT; r++) {
                for (int c = 0; c < OUT; c++) {
                    WINDOW_INVERSE_AREAS[v][r * OUT + c] = 1.0 / ((WINDOW_ROWS[v][r + 1] - WINDOW_ROWS[v][r])
                            * (WINDOW_COLS[v][c + 1] - WINDOW_COLS[v][c]));
                }
            }
        }
        ROTATION_STARTS = new int[ANGLES.length][];
        ROTATION_TAPS = new int[ANGLES.length][];
        ROTATION_WEIGHTS = new double[ANGLES.length][];
        for (int a = 0; a < ANGLES.length; a++) {
            rotation(a);
        }
    }

    private final FeatureMatrix luminance;

    /** @param luminance the training images' 32x32 luminance, a row each, in the search's training-row order */
    PixelVariants(FeatureMatrix luminance) {
        this.luminance = luminance;
    }

    /** Cell bounds of a window starting at {@code start} of width {@code w}, rounded to the grid, never empty. */
    private static int[] bounds(double start, double w) {
        int[] b = new int[OUT + 1];
        for (int i = 0; i <= OUT; i++) {
            b[i] = (int) Math.round(start + i * w / OUT);
        }
        for (int i = 1; i <= OUT; i++) {
            b[i] = Math.max(b[i], b[i - 1] + 1);
        }
        return b;
    }

    /** The taps of one rotation about the grid's centre, edges clamped (the image's border repeats). */
    private static void rotation(int a) {
        double rad = Math.toRadians(ANGLES[a]);
        double cos = Math.cos(rad);
        double sin = Math.sin(rad);
        double centre = SIDE / 2.0;
        int[] starts = new int[OUT * OUT + 1];
        int[] taps = new int[OUT * OUT * 16];
        double[] weights = new double[OUT * OUT * 16];
        int t = 0;
        for (int r = 0; r < OUT; r++) {
            for (int c = 0; c < OUT; c++) {
                Map<Integer, Double> cell = new LinkedHashMap<>();
                for (int sy = 0; sy < 2; sy++) {
                    for (int sx = 0; sx < 2; sx++) {
                        // a sample at the centre of one of the cell's 2x2 grid squares, turned back into the source
                        double y = 2 * r + sy + 0.5 - centre;
                        double x = 2 * c + sx + 0.5 - centre;
                        double srcY = cos * y - sin * x + centre - 0.5;
                        double srcX = sin * y + cos * x + centre - 0.5;
                        int y0 = (int) Math.floor(srcY);
                        int x0 = (int) Math.floor(srcX);
                        double fy = srcY - y0;
                        double fx = srcX - x0;
                        for (int dy = 0; dy < 2; dy++) {
                            for (int dx = 0; dx < 2; dx++) {
                                int yy = Math.min(SIDE - 1, Math.max(0, y0 + dy));
                                int xx = Math.min(SIDE - 1, Math.max(0, x0 + dx));
                                cell.merge(yy * SIDE + xx, (dy == 0 ? 1 - fy : fy) * (dx == 0 ? 1 - fx : fx) / 4,
                                        Double::sum);
                            }
                        }
                    }
                }
                for (Map.Entry<Integer, Double> tap : cell.entrySet()) {
                    taps[t] = tap.getKey();
                    weights[t++] = tap.getValue();
                }
                starts[r * OUT + c + 1] = t;
            }
        }
        ROTATION_STARTS[a] = starts;
        ROTATION_TAPS[a] = Arrays.copyOf(taps, t);
        ROTATION_WEIGHTS[a] = Arrays.copyOf(weights, t);
    }

    /** Window and rotation variants per training image. */
    static int variantCount() {
        return WINDOW_ROWS.length + ANGLES.length;
    }

    /** Scratch of one thread: the integral image, the cells, the descriptor work and the variants' descriptors. */
    private static final class Scratch {
        final double[] integral = new double[(SIDE + 1) * (SIDE + 1)];
        final double[] cells = new double[OUT * OUT];
        final double[] work = new double[OUT * OUT];
        final float[] variants = new float[variantCount() * PixelDescriptors.DIM];
        final double[] norms = new double[variantCount()];
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** The descriptors of one training image's variants, a row each, into the scratch (with their norms). */
    private void variants(int trainRow, Scratch s) {
        float[] g = luminance.data();
        int base = trainRow * CELLS;
        double[] integral = s.integral;
        int stride = SIDE + 1;
        for (int y = 0; y < SIDE; y++) {
            double row = 0;
            for (int x = 0; x < SIDE; x++) {
                row += g[base + y * SIDE + x];
                integral[(y + 1) * stride + x + 1] = integral[y * stride + x + 1] + row;
            }
        }
        int dim = PixelDescriptors.DIM;
        for (int v = 0; v < WINDOW_ROWS.length; v++) {
            int[] ys = WINDOW_ROWS[v];
            int[] xs = WINDOW_COLS[v];
            double[] inverseAreas = WINDOW_INVERSE_AREAS[v];
            for (int r = 0; r < OUT; r++) {
                int y0 = ys[r] * stride;
                int y1 = ys[r + 1] * stride;
                for (int c = 0; c < OUT; c++) {
                    int x0 = xs[c];
                    int x1 = xs[c + 1];
                    double sum = integral[y1 + x1] - integral[y0 + x1] - integral[y1 + x0] + integral[y0 + x0];
                    s.cells[r * OUT + c] = sum * inverseAreas[r * OUT + c];
                }
            }
            s.norms[v] = PixelDescriptors.fromCells(s.cells, s.work, s.variants, v * dim);
        }
        for (int a = 0; a < ANGLES.length; a++) {
            int[] starts = ROTATION_STARTS[a];
            int[] taps = ROTATION_TAPS[a];
            double[] weights = ROTATION_WEIGHTS[a];
            for (int cell = 0; cell < OUT * OUT; cell++) {
                double sum = 0;
                for (int t = starts[cell]; t < starts[cell + 1]; t++) {
                    sum += weights[t] * g[base + taps[t]];
                }
                s.cells[cell] = sum;
            }
            s.norms[WINDOW_ROWS.length + a] = PixelDescriptors.fromCells(s.cells, s.work, s.variants,
                    (WINDOW_ROWS.length + a) * dim);
        }
    }

    /**
     * Each query's candidates re-measured against their training images' variants; every training image's
     * variants are built once for all the queries that have it as a candidate, training images in parallel.
     */
    @Override
    public Neighbours refine(FeatureMatrix queries, Neighbours candidates, ProgressMonitor monitor) {
        int k = candidates.k();
        int n = candidates.size();
        int[] indices = candidates.indices();
        float[] refined = Arrays.copyOf(candidates.distances(), candidates.distances().length);
        // the candidate slots of each training image, by a counting sort on the training index
        int[] start = new int[luminance.rows() + 1];
        for (int index : indices) {
            if (index >= 0) {
                start[index + 1]++;
            }
        }
        for (int t = 0; t < luminance.rows(); t++) {
            start[t + 1] += start[t];
        }
        int[] slots = new int[start[luminance.rows()]];
        int[] fill = Arrays.copyOf(start, luminance.rows());
        for (int slot = 0; slot < indices.length; slot++) {
            if (indices[slot] >= 0) {
                slots[fill[indices[slot]]++] = slot;
            }
        }
        int dim = queries.cols();
        float[] q = queries.data();
        double[] queryNorms = new double[queries.rows()];
        for (int i = 0; i < queryNorms.length; i++) {
            queryNorms[i] = Math.sqrt(dot(q, i * dim, q, i * dim, dim));
        }
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, luminance.rows()).parallel().filter(t -> start[t + 1] > start[t]).forEach(t -> {
            if (monitor.isCancelled()) {
                return;
            }
            Scratch scratch = SCRATCH.get();
            variants(t, scratch);
            for (int s = start[t]; s < start[t + 1]; s++) {
                int slot = slots[s];
                int row = slot / k;
                double best = refined[slot];
                for (int v = 0; v < variantCount(); v++) {
                    double norms = queryNorms[row] * scratch.norms[v];
                    double distance = norms == 0 ? 1
                            : 1 - Math.abs(dot(q, row * dim, scratch.variants, v * dim, dim)) / norms;
                    best = Math.min(best, distance);
                }
                refined[slot] = (float) best;
            }
            int finished = done.incrementAndGet();
            if (finished % 256 == 0) {
                monitor.update(finished, luminance.rows(), "Comparing with the training images' crops and rotations");
            }
        });
        monitor.checkCancelled();
        return sorted(indices, refined, n, k);
    }

    /** A dot product in four running sums (the JIT keeps them in registers). */
    private static double dot(float[] a, int aOffset, float[] b, int bOffset, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += (double) a[aOffset + j] * b[bOffset + j];
            s1 += (double) a[aOffset + j + 1] * b[bOffset + j + 1];
            s2 += (double) a[aOffset + j + 2] * b[bOffset + j + 2];
            s3 += (double) a[aOffset + j + 3] * b[bOffset + j + 3];
        }
        for (; j < n; j++) {
            s0 += (double) a[aOffset + j] * b[bOffset + j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Each row's candidates in order of refined distance (ties keep the search's order). */
    private static Integer[] order(float[] refined, int row, int k) {
        Integer[] o = new Integer[k];
        for (int r = 0; r < k; r++) {
            o[r] = r;
        }
        Arrays.sort(o, (a, b) -> Float.compare(refined[row * k + a], refined[row * k + b]));
        return o;
    }

    /** The candidates and their refined distances, each row re-sorted by distance. */
    private static Neighbours sorted(int[] indices, float[] refined, int n, int k) {
        int[] outIndices = new int[indices.length];
        float[] outDistances = new float[refined.length];
        for (int i = 0; i < n; i++) {
            Integer[] o = order(refined, i, k);
            for (int r = 0; r < k; r++) {
                outIndices[i * k + r] = indices[i * k + o[r]];
                outDistances[i * k + r] = refined[i * k + o[r]];
            }
        }
        return new Neighbours(k, outIndices, outDistances);
    }
}
