package org.mifid.workbench.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.Verdict;
import org.mifid.workbench.core.VerdictEntry;

/** The verdict history, append-only (a trigger refuses updates and deletes); the latest entry is current. */
final class VerdictRecords {
    /** The verdict columns of {@code verdict v}, aliased so that a join with submissions reads them unambiguously. */
    static final String COLUMNS = "v.verdict, v.note AS verdict_note, v.reviewer, v.decided_at,"
            + " v.leaderboard AS verdict_leaderboard, v.threshold AS verdict_threshold, v.action AS verdict_action";
    /** Joins each submission {@code s} to its current verdict {@code v} (none: all verdict columns null). */
    static final String JOIN_CURRENT =
            " LEFT JOIN verdict v ON v.id = (SELECT max(id) FROM verdict WHERE submission_id = s.id)";
    static final String INSERT = "INSERT INTO verdict(submission_id, verdict, note, reviewer, decided_at,"
            + " leaderboard, threshold, action) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final SqliteDatabase db;

    VerdictRecords(SqliteDatabase db) {
        this.db = db;
    }

    /** Appends verdicts, all in one transaction. */
    void record(List<VerdictEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (VerdictEntry e : entries) {
                    bind(ps, e.submissionId(), e);
                    ps.addBatch();
                }
                return ps.executeBatch();
            }
        });
    }

    static void bind(PreparedStatement ps, long submissionId, VerdictEntry e) throws SQLException {
        ps.setLong(1, submissionId);
        ps.setString(2, e.verdict().name());
        ps.setString(3, e.note());
        ps.setString(4, e.reviewer());
        ps.setString(5, Rows.instantOrNow(e.decidedAt()));
        ps.setString(6, e.leaderboard() == null ? null : e.leaderboard().id());
        if (Double.isFinite(e.threshold())) {
            ps.setDouble(7, e.threshold());
        } else {
            ps.setNull(7, Types.REAL);
        }
        ps.setString(8, e.action());
    }

    Optional<VerdictEntry> current(long submissionId) {
        List<VerdictEntry> latest = query(submissionId, "ORDER BY v.id DESC LIMIT 1");
        return latest.isEmpty() ? Optional.empty() : Optional.of(latest.get(0));
    }

    Map<Long, VerdictEntry> currentAll() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT v.submission_id, " + COLUMNS + " FROM verdict v"
                    + " WHERE v.id IN (SELECT max(id) FROM verdict GROUP BY submission_id)")) {
                Map<Long, VerdictEntry> out = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong("submission_id");
                        out.put(id, read(id, rs));
                    }
                }
                return out;
            }
        });
    }

    List<VerdictEntry> history(long submissionId) {
        return query(submissionId, "ORDER BY v.id");
    }

    private List<VerdictEntry> query(long submissionId, String order) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM verdict v WHERE v.submission_id = ? " + order)) {
                ps.setLong(1, submissionId);
                List<VerdictEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(submissionId, rs));
                    }
                }
                return out;
            }
        });
    }

    /** The verdict columns of a row of a LEFT JOIN: null when the submission never had a verdict. */
    static VerdictEntry readIfPresent(long submissionId, ResultSet rs) throws SQLException {
        return rs.getString("verdict") == null ? null : read(submissionId, rs);
    }

    private static VerdictEntry read(long submissionId, ResultSet rs) throws SQLException {
        String lb = rs.getString("verdict_leaderboard");
        double threshold = rs.getDouble("verdict_threshold");
        if (rs.wasNull()) {
            threshold = Double.NaN;
        }
        return new VerdictEntry(submissionId, Verdict.valueOf(rs.getString("verdict")), rs.getString("verdict_note"),
                rs.getString("reviewer"), Rows.instant(rs, "decided_at"),
                lb == null ? null : LeaderboardPreset.parse(lb), threshold, rs.getString("verdict_action"));
    }
}
