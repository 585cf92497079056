package org.mifid.workbench.features;

import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.engine.FeatureMatrix;
import org.mifid.workbench.imaging.ImageSet;

/**
 * A training set in the pixel space: its descriptors, which the search compares, and its images' luminance at
 * 32x32, which {@link PixelVariants} cuts into windows and rotations.
 */
public record PixelTraining(FeatureMatrix descriptors, FeatureMatrix luminance) {

    /** Both, from one decoding of each image. */
    public static PixelTraining of(ImageSet images, ProgressMonitor monitor) {
        int n = images.size();
        float[] descriptors = new float[Math.multiplyExact(n, PixelDescriptors.DIM)];
        float[] luminance = new float[Math.multiplyExact(n, PixelVariants.CELLS)];
        for (int i = 0; i < n; i++) {
            monitor.checkCancelled();
            var image = images.decode(i);
            System.arraycopy(PixelDescriptors.of(image), 0, descriptors, i * PixelDescriptors.DIM,
                    PixelDescriptors.DIM);
            double[][] g = PixelDescriptors.grayCells(image, PixelVariants.SIDE);
            for (int r = 0; r < PixelVariants.SIDE; r++) {
                for (int c = 0; c < PixelVariants.SIDE; c++) {
                    luminance[i * PixelVariants.CELLS + r * PixelVariants.SIDE + c] = (float) g[r][c];
                }
            }
            monitor.update(i + 1, n, "Pixel descriptors of the training images");
        }
        return new PixelTraining(new FeatureMatrix(descriptors, n, PixelDescriptors.DIM),
                new FeatureMatrix(luminance, n, PixelVariants.CELLS));
    }

    /**
     * From 32x32 luminance alone, each descriptor from its 2x2-pooled cells: what {@link #of} gives for images
     * whose side is a multiple of 32 (the benchmark's synthetic training sets).
     */
    public static PixelTraining ofLuminance(FeatureMatrix luminance) {
        int n = luminance.rows();
        int side = PixelDescriptors.SIDE;
        float[] descriptors = new float[Math.multiplyExact(n, PixelDescriptors.DIM)];
        double[][] cells = new double[side][side];
        float[] g = luminance.data();
        for (int i = 0; i < n; i++) {
            int base = i * PixelVariants.CELLS;
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    int at = base + 2 * r * PixelVariants.SIDE + 2 * c;
                    cells[r][c] = (g[at] + g[at + 1] + g[at + PixelVariants.SIDE] + g[at + PixelVariants.SIDE + 1]) / 4.0;
                }
            }
            System.arraycopy(PixelDescriptors.fromCells(cells), 0, descriptors, i * PixelDescriptors.DIM,
                    PixelDescriptors.DIM);
        }
        return new PixelTraining(new FeatureMatrix(descriptors, n, PixelDescriptors.DIM), luminance);
    }

    /** The comparison with the training images' windows and rotations. */
    public PixelVariants variants() {
        return new PixelVariants(luminance);
    }
}
