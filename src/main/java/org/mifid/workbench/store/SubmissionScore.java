package org.mifid.workbench.store;

import java.time.Instant;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.engine.MifidScore;

/** A stored score of one submission on one leaderboard; FID and the raw distance are what later thresholds use. */
public record SubmissionScore(
        long submissionId,
        LeaderboardPreset leaderboard,
        double fid,
        double distance,
        double epsilon,
        double distanceThresholded,
        double mifid,
        String extractorId,
        long durationMillis,
        Instant scoredAt) {

    /** MiFID as it would be under another threshold: re-thresholds the stored distance, never recomputes features. */
    public double mifidAt(double threshold) {
        return MifidScore.mifid(fid, distance, threshold);
    }

    public boolean penalisedAt(double threshold) {
        return MifidScore.penalised(distance, threshold);
    }
}
