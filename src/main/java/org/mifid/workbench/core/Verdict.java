package org.mifid.workbench.core;

/** An organizer's decision on a submission. {@link #NONE} records that an earlier verdict was withdrawn. */
public enum Verdict {
    LEGIT("legit"),
    CHEATER("cheater"),
    NEEDS_REVIEW("needs review"),
    NONE("none");

    /** The score Kaggle published for a submission disqualified as a cheater; it ranks after every other one. */
    public static final double DISQUALIFIED_SCORE = 999999;

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Verdict parse(String text) {
        for (Verdict v : values()) {
            if (v.name().equalsIgnoreCase(text) || v.label.equalsIgnoreCase(text)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown verdict '" + text + "'");
    }
}
