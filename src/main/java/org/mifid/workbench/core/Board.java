package org.mifid.workbench.core;

/**
 * The two leaderboards every competition kind has: the public one participants see while the competition runs
 * and the private one that decides the ranking. What scores a board is the competition kind's business.
 */
public enum Board {
    PUBLIC("public"),
    PRIVATE("private");

    private final String id;

    Board(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Board parse(String text) {
        for (Board b : values()) {
            if (b.id.equalsIgnoreCase(text)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown leaderboard '" + text + "' (expected public or private)");
    }
}
