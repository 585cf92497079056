package org.mifid.workbench.engine.linalg;

import static org.bytedeco.openblas.global.openblas.CblasLeft;
import static org.bytedeco.openblas.global.openblas.CblasLower;
import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasNonUnit;
import static org.bytedeco.openblas.global.openblas.CblasRight;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.CblasUpper;
import static org.bytedeco.openblas.global.openblas.LAPACK_ROW_MAJOR;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;

/**
 * The few BLAS/LAPACK routines the engine needs, from the OpenBLAS that org.bytedeco ships: float64 for the
 * statistics, one float32 product for the memorization search's candidates. Matrices are row-major, in native
 * memory ({@link DoublePointer}, {@link FloatPointer}) so nothing is copied between calls.
 *
 * <p>Why dsyevd and not ND4J's eigen routine: ND4J calls dsyev, which takes 12 s for a 2,048-d covariance on
 * two cores; the divide-and-conquer dsyevd takes 1.3 s with vectors and 0.8 s for values alone.
 */
public final class Lapack {
    static {
        Loader.load(openblas.class);
    }

    private Lapack() {
    }

    /** C += A^T A for a row-major block A of {@code rows x n}; only the upper triangle of C is updated. */
    public static void syrkUpper(DoublePointer a, int rows, int n, DoublePointer c) {
        openblas.cblas_dsyrk(CblasRowMajor, CblasUpper, CblasTrans, n, rows, 1.0, a, n, 1.0, c, n);
    }

    /**
     * Cholesky factor in place: the lower triangle of {@code a} becomes L with A = L L^T (the upper triangle
     * is zeroed). Returns false when A is not positive definite.
     */
    public static boolean choleskyLower(DoublePointer a, int n) {
        int info = openblas.LAPACKE_dpotrf(LAPACK_ROW_MAJOR, (byte) 'L', n, a, n);
        if (info != 0) {
            return false;
        }
        for (long i = 0; i < n; i++) {
            for (long j = i + 1; j < n; j++) {
                a.put(i * n + j, 0.0);
            }
        }
        return true;
    }

    /** B = L^T (B L) for lower-triangular L, in place in B: similar to (L L^T) B, with symmetric result. */
    public static void congruenceByLower(DoublePointer l, DoublePointer b, int n) {
        openblas.cblas_dtrmm(CblasRowMajor, CblasRight, CblasLower, CblasNoTrans, CblasNonUnit, n, n, 1.0, l, n, b, n);
        openblas.cblas_dtrmm(CblasRowMajor, CblasLeft, CblasLower, CblasTrans, CblasNonUnit, n, n, 1.0, l, n, b, n);
    }

    /** C (m x n) = A (m x k) B^T, with B stored as n x k: the product of a block with another block's transpose. */
    public static void multiplyByTranspose(DoublePointer a, DoublePointer b, DoublePointer c, int m, int n, int k) {
        openblas.cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, m, n, k, 1.0, a, k, b, k, 0.0, c, n);
    }

    /** The float32 C (m x n) = A (m x k) B^T, with B stored as n x k. */
    public static void multiplyByTranspose(FloatPointer a, FloatPointer b, FloatPointer c, int m, int n, int k) {
        openblas.cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, m, n, k, 1f, a, k, b, k, 0f, c, n);
    }

    /** C (m x n) = A (m x k) B (k x n). */
    public static void multiply(DoublePointer a, DoublePointer b, DoublePointer c, int m, int n, int k) {
        openblas.cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, n, k, 1.0, a, k, b, n, 0.0, c, n);
    }

    /** C = A B for square matrices. */
    public static void multiply(DoublePointer a, DoublePointer b, DoublePointer c, int n) {
        multiply(a, b, c, n, n, n);
    }

    /** Eigenvalues (ascending) of a symmetric matrix, read from its lower triangle; {@code a} is destroyed. */
    public static double[] symmetricEigenvalues(DoublePointer a, int n) {
        return dsyevd((byte) 'N', a, n);
    }

    /**
     * Eigen-decomposition of a symmetric matrix: returns the eigenvalues (ascending) and overwrites {@code a}
     * with the eigenvectors as columns.
     */
    public static double[] symmetricEigen(DoublePointer a, int n) {
        return dsyevd((byte) 'V', a, n);
    }

    private static double[] dsyevd(byte jobz, DoublePointer a, int n) {
        try (DoublePointer w = new DoublePointer(n)) {
            check(openblas.LAPACKE_dsyevd(LAPACK_ROW_MAJOR, jobz, (byte) 'L', n, a, n, w), "dsyevd");
            double[] out = new double[n];
            w.get(out);
            return out;
        }
    }

    private static void check(int info, String routine) {
        if (info != 0) {
            throw new ArithmeticException(routine + " failed to converge (info " + info + ")");
        }
    }
}
