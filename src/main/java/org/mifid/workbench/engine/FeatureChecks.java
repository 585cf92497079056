package org.mifid.workbench.engine;

import org.mifid.workbench.core.InvalidInputException;

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
}
