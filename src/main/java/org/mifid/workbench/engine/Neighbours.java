package org.mifid.workbench.engine;

/**
 * The k nearest training images of every generated image by cosine distance {@code 1 - |cos|}, nearest first.
 * Row {@code i} of both arrays belongs to generated image {@code i}; a generated row whose features sum to zero
 * (dropped by the Kaggle metric) has index -1 and distance NaN.
 *
 * @param k neighbours per generated image
 * @param indices row-major {@code n x k} training row indices
 * @param distances row-major {@code n x k} cosine distances, ascending per row
 */
public record Neighbours(int k, int[] indices, float[] distances) {

    public Neighbours {
        if (k <= 0 || indices.length != distances.length || indices.length % k != 0) {
            throw new IllegalArgumentException("inconsistent neighbours: k=" + k + ", " + indices.length
                    + " indices, " + distances.length + " distances");
        }
    }

    /** Number of generated images. */
    public int size() {
        return indices.length / k;
    }

    public int index(int generated, int rank) {
        return indices[generated * k + rank];
    }

    public float distance(int generated, int rank) {
        return distances[generated * k + rank];
    }

    /** Distance to the nearest training image, NaN for a dropped row. */
    public float nearest(int generated) {
        return distances[generated * k];
    }
}
