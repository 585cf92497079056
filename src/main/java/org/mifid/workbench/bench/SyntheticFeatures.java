package org.mifid.workbench.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.mifid.workbench.engine.FeatureMatrix;

/** Feature rows for the engine benchmarks, the same for a seed on every machine and device. */
final class SyntheticFeatures {
    private SyntheticFeatures() {
    }

    /** Rows with a realistic, correlated, non-negative structure (like pooled CNN features), made on the CPU. */
    static FeatureMatrix correlated(int rows, int dim, long seed) {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            m.getEngine().setRandomSeed((int) seed);
            NDArray latent = m.randomNormal(new Shape(rows, 64));
            NDArray mix = m.randomNormal(new Shape(64, dim)).div(8);
            NDArray x = latent.matMul(mix).add(m.randomNormal(new Shape(rows, dim)).mul(0.5)).maximum(0);
            return new FeatureMatrix(x.toFloatArray(), rows, dim);
        }
    }

    /** The device's float32 matrix-multiply rate in GFLOP/s on n x n matrices, through the same engine. */
    static double matmulGflops(Device dev, int n) {
        try (NDManager m = NDManager.newBaseManager(dev)) {
            NDArray a = m.randomUniform(-1, 1, new Shape(n, n));
            NDArray b = m.randomUniform(-1, 1, new Shape(n, n));
            a.matMul(b).getFloat(0, 0); // warm-up; reading one element waits for the device
            int reps = 5;
            long t = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                try (NDArray c = a.matMul(b)) {
                    c.getFloat(0, 0);
                }
            }
            return reps * 2.0 * n * n * n / ((System.nanoTime() - t) / 1e9) / 1e9;
        }
    }
}
