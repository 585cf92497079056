package org.mifid.workbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import org.mifid.workbench.core.Competition;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.LeaderboardPreset;

/** The competition row and each leaderboard's configuration (its network and its reference set). */
final class CompetitionRecords {
    private final SqliteDatabase db;

    CompetitionRecords(SqliteDatabase db) {
        this.db = db;
    }

    /** A new workspace is named after its file; an existing one keeps its name. */
    void initialise() {
        String name = db.file().getFileName().toString().replaceFirst("\\.[^.]*$", "");
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR IGNORE INTO competition(id, name, created_at) VALUES (1, ?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, Instant.now().toString());
                return ps.executeUpdate();
            }
        });
    }

    Competition competition() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT name, kind, created_at, public_fraction, split_seed,"
                    + " images FROM competition WHERE id = 1"); ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("the competition row is missing");
                }
                double fraction = rs.getDouble("public_fraction");
                if (rs.wasNull()) {
                    fraction = Double.NaN;
                }
                return new Competition(rs.getString("name"), rs.getString("kind"), Rows.instant(rs, "created_at"),
                        fraction, rs.getLong("split_seed"), rs.getString("images"));
            }
        });
    }

    /** Sets the kind (and its split) of a competition that has no submission yet: a kind never changes under data. */
    void define(String kind, double publicFraction, long splitSeed, String images) {
        db.write(c -> {
            try (PreparedStatement count = c.prepareStatement("SELECT count(*) AS n FROM submission");
                    ResultSet rs = count.executeQuery()) {
                rs.next();
                if (rs.getInt("n") > 0) {
                    throw new InvalidInputException(db.file().toString(), "already holds submissions; its competition"
                            + " kind cannot change");
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE competition SET kind = ?, public_fraction = ?, split_seed = ?, images = ? WHERE id = 1")) {
                ps.setString(1, kind);
                if (Double.isNaN(publicFraction)) {
                    ps.setNull(2, Types.REAL);
                } else {
                    ps.setDouble(2, publicFraction);
                }
                ps.setLong(3, splitSeed);
                ps.setString(4, images);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Inside a write: refuses records of another kind than the competition's (MiFID scores in an image-to-prompt
     * workspace, or the other way round), so that no workspace mixes two kinds' scores.
     */
    static void requireKind(Connection c, boolean mifidRecords, String source) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT kind FROM competition WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            String kind = rs.next() ? rs.getString("kind") : Competition.MIFID;
            if (Competition.MIFID.equals(kind) != mifidRecords) {
                throw new InvalidInputException(source, "holds a competition of kind '" + kind + "'; "
                        + (mifidRecords ? "MiFID scores and 2019 results" : "scores of another kind")
                        + " do not belong in it");
            }
        }
    }

    String name() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM competition WHERE id = 1");
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString("name") : "";
            }
        });
    }

    void rename(String name) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE competition SET name = ? WHERE id = 1")) {
                ps.setString(1, name);
                return ps.executeUpdate();
            }
        });
    }

    void assignReferenceSet(LeaderboardPreset leaderboard, long referenceSetId) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE leaderboard SET reference_set_id = ? WHERE id = ?")) {
                ps.setLong(1, referenceSetId);
                ps.setString(2, leaderboard.id());
                return ps.executeUpdate();
            }
        });
    }

    Optional<Long> referenceSetId(LeaderboardPreset leaderboard) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT reference_set_id FROM leaderboard WHERE id = ?")) {
                ps.setString(1, leaderboard.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    long value = rs.getLong("reference_set_id");
                    return rs.wasNull() ? Optional.empty() : Optional.of(value);
                }
            }
        });
    }

    void assignExtractor(LeaderboardPreset leaderboard, String extractorId) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE leaderboard SET extractor_id = ? WHERE id = ?")) {
                ps.setString(1, extractorId);
                ps.setString(2, leaderboard.id());
                return ps.executeUpdate();
            }
        });
    }

    String extractor(LeaderboardPreset leaderboard) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT extractor_id FROM leaderboard WHERE id = ?")) {
                ps.setString(1, leaderboard.id());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString("extractor_id") : leaderboard.extractorId();
                }
            }
        });
    }
}
