package org.mifid.workbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.Submission;
import org.mifid.workbench.core.VerdictEntry;
import org.mifid.workbench.engine.MifidScore;

/** Each submission's score on each leaderboard, and the leaderboard as the join of scores and verdicts. */
final class ScoreRecords {
    private static final String INSERT = "INSERT INTO score(submission_id, leaderboard, fid, distance, epsilon,"
            + " distance_thresholded, mifid, n_generated, n_train, dim, rank_deficient, extractor_id, duration_ms,"
            + " scored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final SqliteDatabase db;

    ScoreRecords(SqliteDatabase db) {
        this.db = db;
    }

    static PreparedStatement prepareInsert(Connection c) throws SQLException {
        return c.prepareStatement(INSERT);
    }

    static void bind(PreparedStatement ps, long submissionId, ScoredLeaderboard sl, String scoredAt)
            throws SQLException {
        MifidScore m = sl.score();
        ps.setLong(1, submissionId);
        ps.setString(2, sl.leaderboard().id());
        ps.setDouble(3, m.fid());
        ps.setDouble(4, m.distance());
        ps.setDouble(5, m.epsilon());
        ps.setDouble(6, m.distanceThresholded());
        ps.setDouble(7, m.mifid());
        ps.setInt(8, m.nGenerated());
        ps.setInt(9, m.nTrain());
        ps.setInt(10, m.dim());
        ps.setInt(11, m.rankDeficient() ? 1 : 0);
        ps.setString(12, sl.extractorId());
        ps.setLong(13, sl.durationMillis());
        ps.setString(14, scoredAt);
    }

    /** Every scored submission of a leaderboard with its current verdict, by submission id. */
    List<LeaderboardRow> leaderboardRows(LeaderboardPreset leaderboard) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + SubmissionRecords.COLUMNS + ","
                    + " sc.fid, sc.distance, sc.epsilon, sc.distance_thresholded, sc.mifid, sc.extractor_id,"
                    + " sc.duration_ms, sc.scored_at, " + VerdictRecords.COLUMNS
                    + " FROM score sc JOIN submission s ON s.id = sc.submission_id"
                    + VerdictRecords.JOIN_CURRENT
                    + " WHERE sc.leaderboard = ? ORDER BY s.id")) {
                ps.setString(1, leaderboard.id());
                List<LeaderboardRow> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Submission s = SubmissionRecords.read(rs);
                        SubmissionScore score = new SubmissionScore(s.id(), leaderboard, rs.getDouble("fid"),
                                rs.getDouble("distance"), rs.getDouble("epsilon"),
                                rs.getDouble("distance_thresholded"), rs.getDouble("mifid"),
                                rs.getString("extractor_id"), rs.getLong("duration_ms"),
                                Rows.instant(rs, "scored_at"));
                        VerdictEntry v = VerdictRecords.readIfPresent(s.id(), rs);
                        rows.add(new LeaderboardRow(s, score, v));
                    }
                }
                return rows;
            }
        });
    }
}
