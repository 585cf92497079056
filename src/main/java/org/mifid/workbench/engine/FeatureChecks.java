package org.mifid.workbench.engine;

import org.bytedeco.javacpp.DoublePointer;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.engine.linalg.Lapack;

/** Input checks shared by the scoring entry points, each failing with the source named. */
public final class FeatureChecks {
    private FeatureChecks() {
    }

    public static void requireFinite(FeatureMatrix m, String source) {
        float[] x = m.data();
        for (int i = 0; i < x.length; i++) {
            if (!Float.isFinite(x[i])) {
                throw new InvalidInputException(source, (Float.isNaN(x[i]) ? "NaN" : "infinite value") + " at row "
                        + i / m.cols() + ", column " + i % m.cols());
            }
        }
    }

    public static void requireFinite(double[] x, String source) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new InvalidInputException(source, "non-finite value at index " + i);
            }
        }
    }

    public static void requireSameDimension(int a, String sourceA, int b, String sourceB) {
        if (a != b) {
            throw new InvalidInputException(sourceB, "has " + b + " features per row but " + sourceA + " has " + a);
        }
    }

    /**
     * A covariance read from a file must be one: symmetric and positive semi-definite. Otherwise the trace of
     * its square root is meaningless and FID comes out negative; pytorch-fid refuses such statistics (its matrix
     * square root turns complex), and so does the workbench. The test is one Cholesky factorisation of the
     * matrix plus a ridge of 1e-6 of its largest variance: it succeeds for every PSD matrix and its round-off,
     * and fails when an eigenvalue is more negative than the ridge.
     */
    public static void requireCovariance(GaussianStatistics s, String source) {
        int d = s.dim();
        double[] c = s.covariance();
        double largest = 0;
        for (int i = 0; i < d; i++) {
            largest = Math.max(largest, Math.abs(c[i * d + i]));
        }
        for (int i = 0; i < d; i++) {
            if (c[i * d + i] < 0) {
                throw new InvalidInputException(source, "not a covariance: negative variance " + c[i * d + i]
                        + " at index " + i);
            }
            for (int j = i + 1; j < d; j++) {
                if (Math.abs(c[i * d + j] - c[j * d + i]) > 1e-9 * Math.max(largest, Double.MIN_NORMAL)) {
                    throw new InvalidInputException(source, "not a covariance: not symmetric at (" + i + ", " + j + ")");
                }
            }
        }
        double ridge = 1e-6 * largest;
        try (DoublePointer a = new DoublePointer((long) d * d).put(c)) {
            for (long i = 0; i < d; i++) {
                a.put(i * d + i, a.get(i * d + i) + ridge);
            }
            if (largest > 0 && !Lapack.choleskyLower(a, d)) {
                throw new InvalidInputException(source, "not a covariance: not positive semi-definite (an eigenvalue"
                        + " is negative), so FID would be meaningless; pytorch-fid refuses it too");
            }
        }
    }
}
