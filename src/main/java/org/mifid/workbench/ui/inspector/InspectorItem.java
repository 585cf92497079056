package org.mifid.workbench.ui.inspector;

/**
 * One generated image and its nearest training images, nearest first.
 *
 * @param row the image's row in the submission (its feature-row order)
 * @param nearest cosine distance to the nearest training image, NaN when the row was dropped (zero features)
 */
public record InspectorItem(int row, String name, float nearest, String[] neighbourNames, float[] neighbourDistances) {
}
