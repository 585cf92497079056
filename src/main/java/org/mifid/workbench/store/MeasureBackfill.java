package org.mifid.workbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.mifid.workbench.core.Measure;
import org.mifid.workbench.engine.NearestDistanceSummary;

/**
 * Migration 11's fill: the measures that the per-image distances already stored determine, for the MiFID scores
 * made before the workbench kept measures. Each stored neighbour row's first distance is its image's nearest
 * training distance in the network's space (the measures' network space refines nothing), so the 5th percentile
 * and the median come out exactly as scoring computes them; every other measure needs the training features or
 * images and gets a row saying so, which the pages show in place of a blank. One score at a time (a row's
 * distances are 200 kB at 10,000 images), inside the migration's transaction.
 */
final class MeasureBackfill {
    static final String NEEDS_SCORING = "not stored for scores made before this version: needs the training"
            + " features; score the submission again";

    private MeasureBackfill() {
    }

    static void fill(Connection tx) throws SQLException {
        try (PreparedStatement select = tx.prepareStatement("""
                SELECT n.submission_id, n.leaderboard, n.k, n.distances FROM neighbours n
                JOIN score s ON s.submission_id = n.submission_id AND s.leaderboard = n.leaderboard
                WHERE NOT EXISTS (SELECT 1 FROM score_measure m
                                  WHERE m.submission_id = n.submission_id AND m.leaderboard = n.leaderboard)""");
             PreparedStatement insert = tx.prepareStatement("INSERT OR IGNORE INTO score_measure(submission_id,"
                     + " leaderboard, measure, value, reason) VALUES (?, ?, ?, ?, ?)");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                long submission = rs.getLong(1);
                String board = rs.getString(2);
                NearestDistanceSummary summary = NearestDistanceSummary.of(nearest(rs.getInt(3),
                        BlobCodec.floats(rs.getBytes(4))), Double.NaN);
                for (Measure m : Measure.values()) {
                    double value = m == Measure.P5_DISTANCE ? summary.p5()
                            : m == Measure.MEDIAN_DISTANCE ? summary.median() : Double.NaN;
                    insert.setLong(1, submission);
                    insert.setString(2, board);
                    insert.setString(3, m.id());
                    if (Double.isFinite(value)) {
                        insert.setDouble(4, value);
                        insert.setNull(5, Types.VARCHAR);
                    } else {
                        insert.setNull(4, Types.REAL);
                        insert.setString(5, m == Measure.P5_DISTANCE || m == Measure.MEDIAN_DISTANCE
                                ? "no generated image has a distance" : NEEDS_SCORING);
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    private static float[] nearest(int k, float[] distances) {
        float[] out = new float[distances.length / k];
        for (int i = 0; i < out.length; i++) {
            out[i] = distances[i * k];
        }
        return out;
    }
}
