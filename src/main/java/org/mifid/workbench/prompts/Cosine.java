package org.mifid.workbench.prompts;

/** The competition's per-image score: cosine similarity in double precision; a zero vector scores 0. */
public final class Cosine {
    private Cosine() {
    }

    public static double of(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / (Math.sqrt(na) * Math.sqrt(nb));
    }

    /** The cosine of two rows of flat row-major matrices ({@code dimension} values per row). */
    public static double of(double[] a, int aRow, double[] b, int bRow, int dimension) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        int ai = aRow * dimension;
        int bi = bRow * dimension;
        for (int d = 0; d < dimension; d++) {
            double x = a[ai + d];
            double y = b[bi + d];
            dot += x * y;
            na += x * x;
            nb += y * y;
        }
        return na == 0 || nb == 0 ? 0 : dot / (Math.sqrt(na) * Math.sqrt(nb));
    }

    public static boolean isZero(double[] a, int row, int dimension) {
        for (int d = row * dimension; d < (row + 1) * dimension; d++) {
            if (a[d] != 0) {
                return false;
            }
        }
        return true;
    }

    public static boolean isZero(float[] v) {
        for (float x : v) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
