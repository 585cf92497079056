package org.mifid.workbench.store;

import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.MeasureValues;
import org.mifid.workbench.engine.MifidScore;
import org.mifid.workbench.engine.Neighbours;

/**
 * A fresh score to store with its submission.
 *
 * @param neighbours each generated image's nearest training images, or null when not computed
 * @param referenceSetId the reference set the neighbours index into, or 0 when none
 * @param measures the copying measures, or null when not computed (imported figures)
 */
public record ScoredLeaderboard(
        LeaderboardPreset leaderboard,
        MifidScore score,
        String extractorId,
        long durationMillis,
        Neighbours neighbours,
        long referenceSetId,
        MeasureValues measures) {
}
