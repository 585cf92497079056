package org.mifid.workbench.review;

import org.mifid.workbench.store.LeaderboardRow;

/** What the bars of the histogram are split and coloured by. */
public enum ColourBy {
    VERDICT("Colour by verdict", new String[] {"No verdict", "Legit", "Cheater", "Needs review"}),
    LABEL("Colour by label", new String[] {"No label", "Clean (non-mem)", "Memorizer"});

    private final String text;
    private final String[] categories;

    ColourBy(String text, String[] categories) {
        this.text = text;
        this.categories = categories;
    }

    public String[] categories() {
        return categories.clone();
    }

    /** The category index of a row, an index into {@link #categories()}. */
    public int category(LeaderboardRow row) {
        if (this == VERDICT) {
            return switch (row.currentVerdict()) {
                case NONE -> 0;
                case LEGIT -> 1;
                case CHEATER -> 2;
                case NEEDS_REVIEW -> 3;
            };
        }
        if (row.submission().labelledClean()) {
            return 1;
        }
        return row.submission().labelledMemorizer() ? 2 : 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
