package org.mifid.workbench.store;

import java.time.Instant;
import org.mifid.workbench.core.LeaderboardPreset;

/**
 * One applied threshold in a leaderboard's history; the latest is in force.
 *
 * @param rule the suggestion rule and its parameters it was applied from (e.g. {@code min-cost (cost-ratio=10)}),
 *             or null when the organizer set it by hand
 */
public record ThresholdChange(
        LeaderboardPreset leaderboard, double epsilon, String changedBy, Instant changedAt, String note, String rule) {

    /** A threshold set by hand. */
    public ThresholdChange(LeaderboardPreset leaderboard, double epsilon, String changedBy, Instant changedAt,
                           String note) {
        this(leaderboard, epsilon, changedBy, changedAt, note, null);
    }
}
