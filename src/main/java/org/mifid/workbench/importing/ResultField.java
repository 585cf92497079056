package org.mifid.workbench.importing;

import org.mifid.workbench.core.LeaderboardPreset;

/** What a column of a results file can hold; the names are what {@code --map column=field} accepts. */
public enum ResultField {
    ID("id", null),
    TEAM("team", null),
    LABEL("label", null),
    FID_PUBLIC("fid_public", LeaderboardPreset.PUBLIC),
    DISTANCE_PUBLIC("distance_public", LeaderboardPreset.PUBLIC),
    SCORE_PUBLIC("score_public", LeaderboardPreset.PUBLIC),
    FID_PRIVATE("fid_private", LeaderboardPreset.PRIVATE),
    DISTANCE_PRIVATE("distance_private", LeaderboardPreset.PRIVATE),
    SCORE_PRIVATE("score_private", LeaderboardPreset.PRIVATE);

    private final String id;
    private final LeaderboardPreset leaderboard;

    ResultField(String id, LeaderboardPreset leaderboard) {
        this.id = id;
        this.leaderboard = leaderboard;
    }

    public String id() {
        return id;
    }

    /** The leaderboard a score column belongs to, or null for the submission's own fields. */
    public LeaderboardPreset leaderboard() {
        return leaderboard;
    }

    static ResultField fid(LeaderboardPreset lb) {
        return lb == LeaderboardPreset.PUBLIC ? FID_PUBLIC : FID_PRIVATE;
    }

    static ResultField distance(LeaderboardPreset lb) {
        return lb == LeaderboardPreset.PUBLIC ? DISTANCE_PUBLIC : DISTANCE_PRIVATE;
    }

    static ResultField score(LeaderboardPreset lb) {
        return lb == LeaderboardPreset.PUBLIC ? SCORE_PUBLIC : SCORE_PRIVATE;
    }

    public static ResultField parse(String text) {
        for (ResultField f : values()) {
            if (f.id.equalsIgnoreCase(text)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown field '" + text + "' (expected one of id, team, label,"
                + " fid_public, distance_public, score_public, fid_private, distance_private, score_private)");
    }
}
