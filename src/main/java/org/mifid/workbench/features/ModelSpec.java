package org.mifid.workbench.features;

import org.mifid.workbench.imaging.ResizeMode;

/**
 * One extractor as models/manifest.json describes it.
 *
 * @param format "tfjs-layers" (a TF.js layers model folder) or "torchscript" (a .pt file)
 * @param file where the weights are, relative to the assets folder
 * @param sha256 SHA-256 of the weights (for a TF.js folder: model.json then its shards in manifest order), or
 *               null where each organizer's export differs
 * @param layout the network's own tensor layout, NCHW or NHWC
 * @param outputLayer the layer whose activations are the features
 * @param leaderboard which leaderboard the features are meant for (public, private, or none)
 * @param comparableWithKaggle whether scores from it can be set beside Kaggle's published numbers
 */
public record ModelSpec(String id, String format, String file, String sha256, int inputSize, String layout,
        Normalisation normalisation, ResizeMode resizeMode, String outputLayer, int dimension, String leaderboard,
        boolean comparableWithKaggle, String description) {
}
