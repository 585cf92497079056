package org.mifid.workbench.core;

import java.time.Instant;
import java.util.Map;

/**
 * A submission's score on a board in the form every competition kind fits: the board score that ranks it and
 * the kind's named figures (the kind's columns say which, in which order and how they read).
 */
public record Score(long submissionId, Board board, double value, Map<String, Double> figures, Instant scoredAt) {
    public Score {
        figures = Map.copyOf(figures);
    }

    /** A figure of the kind, NaN when this score has none by that name. */
    public double figure(String name) {
        Double v = figures.get(name);
        return v == null ? Double.NaN : v;
    }
}
