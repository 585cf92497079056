package org.mifid.workbench.core;

/**
 * The two leaderboards of the 2019 Generative Dog Images competition: which network scored them and under
 * which memorization threshold (see METRIC.md in the reference material). The MiFID kind's presets of the
 * kind-neutral {@link Board}s.
 */
public enum LeaderboardPreset {
    PUBLIC("public", 0.1, "fid-inception", 2048),
    PRIVATE("private", 0.25, "nasnet-large", 4032);

    private final String id;
    private final double epsilon;
    private final String extractorId;
    private final int dimension;

    LeaderboardPreset(String id, double epsilon, String extractorId, int dimension) {
        this.id = id;
        this.epsilon = epsilon;
        this.extractorId = extractorId;
        this.dimension = dimension;
    }

    public String id() {
        return id;
    }

    /** Memorization threshold: a distance strictly below it penalises the score. */
    public double epsilon() {
        return epsilon;
    }

    /** The extractor id (models/manifest) the competition used for this leaderboard. */
    public String extractorId() {
        return extractorId;
    }

    public int dimension() {
        return dimension;
    }

    public Board board() {
        return this == PUBLIC ? Board.PUBLIC : Board.PRIVATE;
    }

    public static LeaderboardPreset of(Board board) {
        return board == Board.PUBLIC ? PUBLIC : PRIVATE;
    }

    /**
     * A memorization threshold someone typed, checked once for every command: distances are {@code 1 - |cos|},
     * so a threshold outside (0, 1] (or NaN, or infinite) flags nothing or everything and is a typing mistake.
     *
     * @throws IllegalArgumentException naming the value
     */
    public static double requireEpsilon(double epsilon) {
        if (!(epsilon > 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("--eps must be in (0, 1], got " + epsilon);
        }
        return epsilon;
    }

    public static LeaderboardPreset parse(String text) {
        for (LeaderboardPreset p : values()) {
            if (p.id.equalsIgnoreCase(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown leaderboard '" + text + "' (expected public or private)");
    }
}
