package org.mifid.workbench.engine;

import java.util.Arrays;

/**
 * A dense row-major matrix of float32 features, one row per image.
 *
 * <p>Storage is float32 because that is what networks produce and what halves memory at competition scale
 * (20,000 x 4,032 floats is 320 MB); every statistic computed from it is accumulated in float64.
 */
public final class FeatureMatrix {
    private final float[] data;
    private final int rows;
    private final int cols;

    public FeatureMatrix(float[] data, int rows, int cols) {
        if (rows < 0 || cols <= 0) {
            throw new IllegalArgumentException("bad shape " + rows + "x" + cols);
        }
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException(
                    "shape " + rows + "x" + cols + " does not match " + data.length + " values");
        }
        this.data = data;
        this.rows = rows;
        this.cols = cols;
    }

    public static FeatureMatrix zeros(int rows, int cols) {
        return new FeatureMatrix(new float[Math.multiplyExact(rows, cols)], rows, cols);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The backing array, row-major; shared, not copied. */
    public float[] data() {
        return data;
    }

    public float get(int row, int col) {
        return data[row * cols + col];
    }

    public float[] row(int row) {
        return Arrays.copyOfRange(data, row * cols, (row + 1) * cols);
    }

    /** Rows [from, to) as a new matrix. */
    public FeatureMatrix slice(int from, int to) {
        return new FeatureMatrix(Arrays.copyOfRange(data, from * cols, to * cols), to - from, cols);
    }

    @Override
    public String toString() {
        return "FeatureMatrix[" + rows + "x" + cols + "]";
    }
}
