package org.mifid.workbench.features;

import org.mifid.workbench.imaging.ResizeMode;

/**
 * One entry of the extractor manifest (models/manifest.json): what a network is, where its file lives and how
 * images are prepared for it.
 *
 * @param id the name used on the command line and in workspaces
 * @param description one line for people
 * @param format "tfjs-layers" (a TF.js layers model folder under the assets) or "torchscript" (a .pt file)
 * @param file the folder or file, relative to the assets folder (tfjs) or the models folder (torchscript)
 * @param sha256 the expected SHA-256 of a TorchScript file, or null when not pinned
 * @param inputSize the square side images are resized to
 * @param normalisation how 0..255 pixels become network input: "unit" (x/255), "symmetric" (x/127.5 - 1)
 * @param resizeMode how images are resized to {@code inputSize}
 * @param outputLayer the layer whose output is the feature vector
 * @param dimension the feature dimension
 * @param leaderboard the 2019 leaderboard this network scored ("public", "private"), or null
 * @param comparableWithKaggle whether scores from it can be compared with the competition's numbers
 */
public record ExtractorSpec(
        String id,
        String description,
        String format,
        String file,
        String sha256,
        int inputSize,
        String normalisation,
        ResizeMode resizeMode,
        String outputLayer,
        int dimension,
        String leaderboard,
        boolean comparableWithKaggle) {

    /** The label every score from a non-comparable network carries wherever it is shown. */
    public String comparabilityNote() {
        return comparableWithKaggle ? "comparable with the 2019 Kaggle scores"
                : "not comparable with Kaggle's numbers (a different network than the competition's)";
    }

    /** Maps a 0..255 pixel value to network input. */
    float normalise(float v) {
        return switch (normalisation) {
            case "unit" -> v / 255f;
            case "symmetric" -> v / 127.5f - 1f;
            default -> throw new IllegalStateException(id + ": unknown normalisation " + normalisation);
        };
    }
}
