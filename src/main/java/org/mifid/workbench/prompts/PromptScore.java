package org.mifid.workbench.prompts;

import java.util.List;
import org.mifid.workbench.core.Board;

/**
 * A submission's figures on the image-to-prompt metric: the mean cosine over all images and over each board,
 * the constant mean-vector baseline on each board (how far above the trivial answer a team is), the share of
 * images at or above the near-exact level, and each image's cosine as evidence.
 */
public record PromptScore(double score, double publicScore, double privateScore, int images, int zeroVectors,
        double baselinePublic, double baselinePrivate, double nearExactLevel, double nearExactShare,
        List<ImageScore> perImage) {

    /** One image's evidence; {@code nearestBank} and its cosine are null/NaN without a prompt bank. */
    public record ImageScore(String id, Board board, double cosine, boolean zeroVector, String nearestBank,
            double nearestBankCosine) {
    }
}
