package org.mifid.workbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.Measure;
import org.mifid.workbench.core.MeasureValues;

/**
 * The copying measures of a score, one row per measure: its value, or why it has none (no held-out set, no
 * images), so a page can say why a cell is empty rather than show a blank.
 */
final class MeasureRecords {
    private static final String INSERT = "INSERT INTO score_measure(submission_id, leaderboard, measure, value,"
            + " reason, threshold) VALUES (?, ?, ?, ?, ?, ?)";

    private final SqliteDatabase db;

    MeasureRecords(SqliteDatabase db) {
        this.db = db;
    }

    static PreparedStatement prepareInsert(Connection c) throws SQLException {
        return c.prepareStatement(INSERT);
    }

    /** Adds one batch row per measure of the score; returns how many. */
    static int bind(PreparedStatement ps, long submissionId, ScoredLeaderboard sl) throws SQLException {
        MeasureValues m = sl.measures();
        int rows = 0;
        for (Measure measure : Measure.values()) {
            ps.setLong(1, submissionId);
            ps.setString(2, sl.leaderboard().id());
            ps.setString(3, measure.id());
            Double value = m.value(measure);
            if (value != null) {
                ps.setDouble(4, value);
                ps.setNull(5, Types.VARCHAR);
            } else {
                ps.setNull(4, Types.REAL);
                ps.setString(5, m.reason(measure));
            }
            Double threshold = m.threshold(measure);
            if (threshold != null) {
                ps.setDouble(6, threshold);
            } else {
                ps.setNull(6, Types.REAL);
            }
            ps.addBatch();
            rows++;
        }
        return rows;
    }

    /** Every scored submission's measures on the leaderboard, by submission id (absent: none were computed). */
    Map<Long, MeasureValues> of(LeaderboardPreset leaderboard) {
        return db.read(c -> {
            Map<Long, MeasureValues.Builder> builders = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT submission_id, measure, value, reason,"
                    + " threshold FROM score_measure WHERE leaderboard = ?")) {
                ps.setString(1, leaderboard.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        MeasureValues.Builder b = builders.computeIfAbsent(rs.getLong(1), id -> MeasureValues.builder());
                        Measure measure = Measure.fromId(rs.getString(2));
                        double value = rs.getDouble(3);
                        if (rs.wasNull()) {
                            b.missing(measure, rs.getString(4));
                        } else {
                            b.put(measure, value, rs.getString(4));
                        }
                        double threshold = rs.getDouble(5);
                        if (!rs.wasNull()) {
                            b.threshold(measure, threshold);
                        }
                    }
                }
            }
            Map<Long, MeasureValues> out = new HashMap<>();
            builders.forEach((id, b) -> out.put(id, b.build()));
            return out;
        });
    }
}
