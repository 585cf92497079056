package org.mifid.workbench.scoring;

import java.nio.file.Path;
import org.mifid.workbench.core.LeaderboardPreset;

/**
 * What to score: an archive (zip or folder) for a team on one leaderboard of a workspace, whose reference set
 * and threshold come from the workspace.
 *
 * @param archive the submission's zip or folder
 * @param team the team name shown on the leaderboard
 * @param externalId the competition's id for the submission, or null
 * @param leaderboard the leaderboard to score it on
 * @param extractorId the feature extractor (models manifest id)
 * @param device "auto", "cpu" or "gpu"
 * @param k nearest training images kept per generated image
 * @param profile the validation rules the archive must pass ("kaggle-dogs" or "lenient")
 */
public record ScoringRequest(
        Path archive, String team, String externalId, LeaderboardPreset leaderboard, String extractorId,
        String device, int k, String profile) {
}
