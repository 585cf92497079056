package org.mifid.workbench.engine;

import java.util.Arrays;

/**
 * The Mann-Whitney U of one sample against another, z-scored as the data-copying test does (Meehan et al.
 * 2020): under the null hypothesis U has mean {@code nm/2} and variance {@code nm(n+m+1)/12}; the authors apply a
 * continuity correction of 0.5 to the mean and no tie correction, and so does this class so that C_T is theirs.
 */
final class MannWhitney {
    private MannWhitney() {
    }

    /**
     * U of {@code x} (the number of pairs with x below y, ties counting a half), as scipy's mannwhitneyu(x, y).
     */
    static double u(double[] x, double[] y) {
        int m = x.length;
        int n = y.length;
        double[] all = new double[m + n];
        System.arraycopy(x, 0, all, 0, m);
        System.arraycopy(y, 0, all, m, n);
        Integer[] order = new Integer[m + n];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(all[a], all[b]));
        double rankSumX = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && all[order[j + 1]] == all[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) {
                if (order[t] < m) {
                    rankSumX += averageRank;
                }
            }
            i = j + 1;
        }
        return rankSumX - m * (m + 1) / 2.0;
    }

    /** Meehan's Z_U: strongly negative when {@code generated} sits closer to the training set than {@code heldOut}. */
    static double z(double[] generated, double[] heldOut) {
        double m = generated.length;
        double n = heldOut.length;
        double mean = n * m / 2 - 0.5;
        double std = Math.sqrt(n * m * (n + m + 1) / 12);
        return (u(generated, heldOut) - mean) / std;
    }
}
