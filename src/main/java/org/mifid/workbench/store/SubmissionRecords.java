package org.mifid.workbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mifid.workbench.core.Submission;

/** Submissions and their image names in feature-row order. */
final class SubmissionRecords {
    /** The submission columns, aliased so that a join with other tables reads them by the same names. */
    static final String COLUMNS = "s.id AS submission_id, s.external_id, s.team, s.file_name, s.path, s.checksum,"
            + " s.submitted_at, s.image_count, s.label";
    private static final String INSERT = "INSERT INTO submission(id, external_id, team, file_name, path, checksum,"
            + " submitted_at, image_count, label, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_NAMES = "INSERT INTO submission_images(submission_id, names) VALUES (?, ?)";

    private final SqliteDatabase db;

    SubmissionRecords(SqliteDatabase db) {
        this.db = db;
    }

    static Submission read(ResultSet rs) throws SQLException {
        return new Submission(rs.getLong("submission_id"), rs.getString("external_id"), rs.getString("team"),
                rs.getString("file_name"), rs.getString("path"), rs.getString("checksum"),
                Rows.instant(rs, "submitted_at"), rs.getInt("image_count"), rs.getString("label"));
    }

    List<Submission> all() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM submission s ORDER BY s.id");
                    ResultSet rs = ps.executeQuery()) {
                List<Submission> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(read(rs));
                }
                return out;
            }
        });
    }

    int count() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) AS n FROM submission");
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt("n") : 0;
            }
        });
    }

    Optional<Submission> byId(long id) {
        return query("s.id = ?", ps -> ps.setLong(1, id));
    }

    Optional<Submission> byChecksum(String checksum) {
        return query("s.checksum = ?", ps -> ps.setString(1, checksum));
    }

    Optional<Submission> byExternalId(String externalId) {
        return query("s.external_id = ? ORDER BY s.id LIMIT 1", ps -> ps.setString(1, externalId));
    }

    private Optional<Submission> query(String where, Rows.Binder binder) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM submission s WHERE " + where)) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    List<String> imageNames(long submissionId) {
        return db.read(c -> imageNames(c, submissionId));
    }

    static List<String> imageNames(Connection c, long submissionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT names FROM submission_images WHERE submission_id = ?")) {
            ps.setLong(1, submissionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? BlobCodec.names(rs.getBytes("names")) : List.of();
            }
        }
    }

    /** The id the next inserted submission gets: ours alone under the write lock and BEGIN IMMEDIATE. */
    static long nextId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(id), 0) + 1 AS next FROM submission");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong("next");
        }
    }

    /** The stored submission with this checksum, read inside a write transaction. */
    static Optional<Long> idByChecksum(Connection c, String checksum) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM submission WHERE checksum = ?")) {
            ps.setString(1, checksum);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong("id")) : Optional.empty();
            }
        }
    }

    /** Batched inserts of submission rows and their image names inside one write transaction. */
    static final class Inserter implements AutoCloseable {
        private final PreparedStatement rows;
        private final PreparedStatement names;
        private int pendingNames;

        Inserter(Connection c) throws SQLException {
            rows = c.prepareStatement(INSERT);
            names = c.prepareStatement(INSERT_NAMES);
        }

        void add(long id, NewSubmission s, String addedAt) throws SQLException {
            rows.setLong(1, id);
            rows.setString(2, s.externalId());
            rows.setString(3, s.team());
            rows.setString(4, s.fileName());
            rows.setString(5, s.path());
            rows.setString(6, s.checksum());
            rows.setString(7, s.submittedAt() == null ? null : s.submittedAt().toString());
            rows.setInt(8, s.imageCount());
            rows.setString(9, s.label());
            rows.setString(10, addedAt);
            rows.addBatch();
            if (s.imageNames() != null && !s.imageNames().isEmpty()) {
                names.setLong(1, id);
                names.setBytes(2, BlobCodec.names(s.imageNames()));
                names.addBatch();
                pendingNames++;
            }
        }

        /** Sends the submission rows; a UNIQUE violation here means a checksum already stored. */
        void flushRows() throws SQLException {
            rows.executeBatch();
        }

        void flushNames() throws SQLException {
            if (pendingNames > 0) {
                names.executeBatch();
            }
        }

        @Override
        public void close() throws SQLException {
            try (rows; names) {
                // closes both statements, the second even when the first fails
            }
        }
    }
}
