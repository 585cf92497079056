package org.mifid.workbench.batch;

import java.io.Serializable;
import org.mifid.workbench.core.LeaderboardPreset;

/**
 * How every submission of a batch job is scored; travels to the executors with each task.
 *
 * @param model the feature extractor (models manifest id)
 * @param device "auto", "cpu" or "gpu" on the executors
 * @param profile the validation rules every archive must pass ("kaggle-dogs" or "lenient")
 * @param leaderboard the leaderboard, whose threshold epsilon applies
 * @param k nearest training images kept per generated image
 */
public record BatchSettings(String model, String device, String profile, LeaderboardPreset leaderboard, int k)
        implements Serializable {
}
