package org.mifid.workbench.store;

import java.time.Instant;
import org.mifid.workbench.core.LeaderboardPreset;

/** One applied threshold in a leaderboard's history; the latest is in force. */
public record ThresholdChange(
        LeaderboardPreset leaderboard, double epsilon, String changedBy, Instant changedAt, String note) {
}
