package org.mifid.workbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mifid.workbench.core.Board;
import org.mifid.workbench.core.ItemEvidence;
import org.mifid.workbench.core.Score;
import org.mifid.workbench.core.Submission;
import org.mifid.workbench.core.VerdictEntry;

/**
 * Board scores, named figures and per-item evidence in the form every competition kind fits. Reads go through
 * the views {@code board_score} and {@code board_figure}, which show MiFID's own score table in the same form.
 */
final class BoardScoreRecords {
    private final SqliteDatabase db;

    BoardScoreRecords(SqliteDatabase db) {
        this.db = db;
    }

    /** Inserts one board score with its figures and evidence inside the caller's write transaction. */
    static void insert(Connection c, long submissionId, NewBoardScore score, String scoredAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO kind_score(submission_id, leaderboard, value,"
                + " duration_ms, scored_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, submissionId);
            ps.setString(2, score.board().id());
            ps.setDouble(3, score.value());
            ps.setLong(4, score.durationMillis());
            ps.setString(5, scoredAt);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO score_figure(submission_id, leaderboard, name, value) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, Double> f : score.figures().entrySet()) {
                ps.setLong(1, submissionId);
                ps.setString(2, score.board().id());
                ps.setString(3, f.getKey());
                ps.setDouble(4, f.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO item_evidence(submission_id, leaderboard, item,"
                + " value, detail) VALUES (?, ?, ?, ?, ?)")) {
            for (ItemEvidence e : score.items()) {
                ps.setLong(1, submissionId);
                ps.setString(2, score.board().id());
                ps.setString(3, e.item());
                ps.setDouble(4, e.value());
                ps.setString(5, e.detail());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Every scored submission of a board with its figures and current verdict, by submission id. */
    List<BoardRow> rows(Board board) {
        return db.read(c -> {
            Map<Long, Map<String, Double>> figures = figures(c, board);
            try (PreparedStatement ps = c.prepareStatement("SELECT " + SubmissionRecords.COLUMNS + ","
                    + " b.value AS board_value, b.scored_at, " + VerdictRecords.COLUMNS
                    + " FROM board_score b JOIN submission s ON s.id = b.submission_id"
                    + VerdictRecords.JOIN_CURRENT
                    + " WHERE b.leaderboard = ? ORDER BY s.id")) {
                ps.setString(1, board.id());
                List<BoardRow> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Submission s = SubmissionRecords.read(rs);
                        Score score = new Score(s.id(), board, rs.getDouble("board_value"),
                                figures.getOrDefault(s.id(), Map.of()), Rows.instant(rs, "scored_at"));
                        VerdictEntry v = VerdictRecords.readIfPresent(s.id(), rs);
                        rows.add(new BoardRow(s, score, v));
                    }
                }
                return rows;
            }
        });
    }

    private static Map<Long, Map<String, Double>> figures(Connection c, Board board) throws SQLException {
        Map<Long, Map<String, Double>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT submission_id, name, value FROM board_figure WHERE leaderboard = ?")) {
            ps.setString(1, board.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double value = rs.getDouble("value");
                    out.computeIfAbsent(rs.getLong("submission_id"), id -> new LinkedHashMap<>())
                            .put(rs.getString("name"), rs.wasNull() ? Double.NaN : value);
                }
            }
        }
        return out;
    }

    /** A submission's per-item evidence on a board, by item id (empty for MiFID: its evidence is neighbours). */
    List<ItemEvidence> items(long submissionId, Board board) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT item, value, detail FROM item_evidence"
                    + " WHERE submission_id = ? AND leaderboard = ? ORDER BY item")) {
                ps.setLong(1, submissionId);
                ps.setString(2, board.id());
                List<ItemEvidence> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ItemEvidence(rs.getString("item"), rs.getDouble("value"), rs.getString("detail")));
                    }
                }
                return out;
            }
        });
    }
}
