package org.mifid.workbench.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import org.mifid.workbench.core.LeaderboardPreset;

/**
 * The image sets of a competition, with their image names in feature-row order: the training sets that
 * leaderboards score against and the held-out real sets the data-copying test compares with.
 */
final class ReferenceSetRecords {
    private final SqliteDatabase db;

    ReferenceSetRecords(SqliteDatabase db) {
        this.db = db;
    }

    long add(ReferenceSet set, List<String> imageNames) {
        if (imageNames.size() != set.imageCount()) {
            throw new IllegalArgumentException("reference set " + set.name() + " has " + set.imageCount()
                    + " images but " + imageNames.size() + " names");
        }
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO reference_set(name, location, checksum,"
                    + " image_count, image_names) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, set.name());
                ps.setString(2, set.location());
                ps.setString(3, set.checksum());
                ps.setInt(4, set.imageCount());
                ps.setBytes(5, BlobCodec.names(imageNames));
                ps.executeUpdate();
            }
            return Rows.lastRowId(c);
        });
    }

    Optional<ReferenceSet> byId(long id) {
        return query("id = ?", ps -> ps.setLong(1, id));
    }

    Optional<ReferenceSet> byChecksum(String checksum) {
        return query("checksum = ?", ps -> ps.setString(1, checksum));
    }

    private Optional<ReferenceSet> query(String where, Rows.Binder binder) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, name, location, checksum, image_count FROM reference_set WHERE " + where)) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new ReferenceSet(rs.getLong("id"), rs.getString("name"),
                                    rs.getString("location"), rs.getString("checksum"), rs.getInt("image_count")))
                            : Optional.empty();
                }
            }
        });
    }

    List<String> imageNames(long referenceSetId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT image_names FROM reference_set WHERE id = ?")) {
                ps.setLong(1, referenceSetId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? BlobCodec.names(rs.getBytes("image_names")) : List.<String>of();
                }
            }
        });
    }

    void assignHeldOut(LeaderboardPreset leaderboard, long referenceSetId) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR REPLACE INTO held_out_set(leaderboard, reference_set_id) VALUES (?, ?)")) {
                ps.setString(1, leaderboard.id());
                ps.setLong(2, referenceSetId);
                return ps.executeUpdate();
            }
        });
    }

    Optional<Long> heldOutId(LeaderboardPreset leaderboard) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT reference_set_id FROM held_out_set WHERE leaderboard = ?")) {
                ps.setString(1, leaderboard.id());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
                }
            }
        });
    }
}
