package org.mifid.workbench.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.mifid.workbench.core.LeaderboardPreset;

/** Each leaderboard's threshold history, append-only (a trigger refuses updates and deletes). */
final class ThresholdRecords {
    private final SqliteDatabase db;

    ThresholdRecords(SqliteDatabase db) {
        this.db = db;
    }

    /** The latest applied threshold, or the preset's default. */
    double current(LeaderboardPreset leaderboard) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT epsilon FROM threshold_change WHERE leaderboard = ? ORDER BY id DESC LIMIT 1")) {
                ps.setString(1, leaderboard.id());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getDouble("epsilon") : leaderboard.epsilon();
                }
            }
        });
    }

    void apply(ThresholdChange change) {
        if (!(change.epsilon() > 0) || !Double.isFinite(change.epsilon())) {
            throw new IllegalArgumentException("threshold must be a positive number, got " + change.epsilon());
        }
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO threshold_change(leaderboard, epsilon,"
                    + " changed_by, changed_at, note, rule) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, change.leaderboard().id());
                ps.setDouble(2, change.epsilon());
                ps.setString(3, change.changedBy());
                ps.setString(4, Rows.instantOrNow(change.changedAt()));
                ps.setString(5, change.note());
                ps.setString(6, change.rule());
                return ps.executeUpdate();
            }
        });
    }

    List<ThresholdChange> history(LeaderboardPreset leaderboard) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT epsilon, changed_by, changed_at, note, rule"
                    + " FROM threshold_change WHERE leaderboard = ? ORDER BY id")) {
                ps.setString(1, leaderboard.id());
                List<ThresholdChange> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ThresholdChange(leaderboard, rs.getDouble("epsilon"), rs.getString("changed_by"),
                                Rows.instant(rs, "changed_at"), rs.getString("note"),
                                rs.getString("rule")));
                    }
                }
                return out;
            }
        });
    }
}
