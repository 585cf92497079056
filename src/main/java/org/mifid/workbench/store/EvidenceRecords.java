package org.mifid.workbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.engine.Neighbours;

/** Per-image evidence of a score: each generated image's nearest training images and their distances. */
final class EvidenceRecords {
    private static final String INSERT = "INSERT INTO neighbours(submission_id, leaderboard, reference_set_id, k,"
            + " indices, distances) VALUES (?, ?, ?, ?, ?, ?)";

    private final SqliteDatabase db;

    EvidenceRecords(SqliteDatabase db) {
        this.db = db;
    }

    static PreparedStatement prepareInsert(Connection c) throws SQLException {
        return c.prepareStatement(INSERT);
    }

    /** One neighbour row per image: refuses evidence that does not line up with the submission's images. */
    static void checkRows(ScoredLeaderboard sl, List<String> imageNames, String source) {
        int rows = sl.neighbours().size();
        if (imageNames != null && !imageNames.isEmpty() && imageNames.size() != rows) {
            throw new IllegalArgumentException(source + ": " + rows + " neighbour rows for "
                    + imageNames.size() + " image names");
        }
    }

    static void bind(PreparedStatement ps, long submissionId, ScoredLeaderboard sl) throws SQLException {
        Neighbours n = sl.neighbours();
        ps.setLong(1, submissionId);
        ps.setString(2, sl.leaderboard().id());
        if (sl.referenceSetId() > 0) {
            ps.setLong(3, sl.referenceSetId());
        } else {
            ps.setNull(3, Types.INTEGER);
        }
        ps.setInt(4, n.k());
        ps.setBytes(5, BlobCodec.ints(n.indices()));
        ps.setBytes(6, BlobCodec.floats(n.distances()));
    }

    Optional<StoredNeighbours> neighbours(long submissionId, LeaderboardPreset leaderboard) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT n.k, n.indices, n.distances,"
                    + " n.reference_set_id, i.names FROM neighbours n"
                    + " LEFT JOIN submission_images i ON i.submission_id = n.submission_id"
                    + " WHERE n.submission_id = ? AND n.leaderboard = ?")) {
                ps.setLong(1, submissionId);
                ps.setString(2, leaderboard.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Neighbours n = new Neighbours(rs.getInt("k"), BlobCodec.ints(rs.getBytes("indices")),
                            BlobCodec.floats(rs.getBytes("distances")));
                    long refId = rs.getLong("reference_set_id");
                    byte[] names = rs.getBytes("names");
                    return Optional.of(new StoredNeighbours(
                            names == null ? List.of() : BlobCodec.names(names), n, refId));
                }
            }
        });
    }
}
