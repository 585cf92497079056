package org.mifid.workbench.engine;

/**
 * One submission's score on one leaderboard, with the continuous distance kept apart from the thresholded
 * one so that moving the threshold later loses nothing.
 *
 * @param fid Frechet distance between generated and training features
 * @param distance memorization distance: mean over generated images of the cosine distance to the nearest
 *     training image (Kaggle semantics)
 * @param epsilon the threshold this score was computed under
 * @param distanceThresholded {@code distance} if it is strictly below {@code epsilon}, else 1
 * @param mifid {@code fid / (distanceThresholded + 1e-15)}
 * @param nGenerated generated images used (zero-sum rows dropped for the distance, not for FID)
 * @param nTrain training images used
 * @param dim feature dimension
 * @param rankDeficient true when a covariance had fewer samples than dimensions
 */
public record MifidScore(
        double fid,
        double distance,
        double epsilon,
        double distanceThresholded,
        double mifid,
        int nGenerated,
        int nTrain,
        int dim,
        boolean rankDeficient) {

    /** Added to the thresholded distance before dividing, as in the organizers' scoring code. */
    public static final double KAGGLE_OFFSET = 1e-15;

    /** The demo notebook and torchmetrics use 10e-15. */
    public static final double NOTEBOOK_OFFSET = 1e-14;

    /** The thresholded distance: {@code distance} when strictly below {@code epsilon}, otherwise 1. */
    public static double threshold(double distance, double epsilon) {
        return distance < epsilon ? distance : 1.0;
    }

    /** MiFID from its parts with the Kaggle offset. */
    public static double mifid(double fid, double distance, double epsilon) {
        return fid / (threshold(distance, epsilon) + KAGGLE_OFFSET);
    }

    /** Whether the memorization penalty applies at {@code epsilon}. */
    public static boolean penalised(double distance, double epsilon) {
        return distance < epsilon;
    }
}
