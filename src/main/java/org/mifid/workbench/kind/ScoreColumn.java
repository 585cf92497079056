package org.mifid.workbench.kind;

import java.util.Locale;

/**
 * A column a competition kind adds to a leaderboard, as data the exports and the UI render without knowing the
 * kind: the figure it shows (a key of {@link org.mifid.workbench.core.Score#figures()}), its header and how many
 * decimals it reads with.
 */
public record ScoreColumn(String figure, String header, int decimals) {

    /** The figure as text, "" when a score has none. */
    public String format(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
