package org.mifid.workbench.review;

/**
 * What a threshold flags, counted in submissions: flagged means distance strictly below the threshold (the
 * memorization penalty applies).
 */
public record FlagCounts(
        double threshold,
        int submissions,
        int flagged,
        int labelledMemorizers,
        int flaggedMemorizers,
        int labelledClean,
        int flaggedClean) {
}
