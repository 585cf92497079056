package org.mifid.workbench.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.mifid.workbench.core.InvalidInputException;

/**
 * The workspace schema as an ordered list of migrations. {@code PRAGMA user_version} records how many have
 * been applied; opening a file applies the missing ones, each in its own transaction together with the
 * version bump, so a crash between two migrations leaves a consistent, older schema.
 */
final class SchemaMigrations {
    private SchemaMigrations() {
    }

    /** Migration {@code i} takes the schema from version {@code i} to {@code i + 1}. Append only; never edit. */
    private static final List<List<String>> MIGRATIONS = List.of(List.of(
        """
        CREATE TABLE competition (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL,
            created_at TEXT NOT NULL)""",
        """
        CREATE TABLE reference_set (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            location TEXT NOT NULL,
            checksum TEXT NOT NULL UNIQUE,
            image_count INTEGER NOT NULL CHECK (image_count >= 0),
            image_names BLOB NOT NULL)""",
        """
        CREATE TABLE leaderboard (
            id TEXT PRIMARY KEY,
            extractor_id TEXT NOT NULL,
            default_epsilon REAL NOT NULL,
            reference_set_id INTEGER REFERENCES reference_set(id))""",
        "INSERT INTO leaderboard(id, extractor_id, default_epsilon) VALUES ('public', 'fid-inception', 0.1)",
        "INSERT INTO leaderboard(id, extractor_id, default_epsilon) VALUES ('private', 'nasnet-large', 0.25)",
        """
        CREATE TABLE threshold_change (
            id INTEGER PRIMARY KEY,
            leaderboard TEXT NOT NULL REFERENCES leaderboard(id),
            epsilon REAL NOT NULL,
            changed_by TEXT,
            changed_at TEXT NOT NULL,
            note TEXT)""",
        "CREATE INDEX threshold_change_by_leaderboard ON threshold_change(leaderboard, id)",
        """
        CREATE TABLE submission (
            id INTEGER PRIMARY KEY,
            external_id TEXT,
            team TEXT NOT NULL,
            file_name TEXT,
            path TEXT,
            checksum TEXT NOT NULL UNIQUE,
            submitted_at TEXT,
            image_count INTEGER NOT NULL DEFAULT 0,
            label TEXT,
            added_at TEXT NOT NULL)""",
        """
        CREATE TABLE submission_images (
            submission_id INTEGER PRIMARY KEY REFERENCES submission(id),
            names BLOB NOT NULL)""",
        """
        CREATE TABLE score (
            submission_id INTEGER NOT NULL REFERENCES submission(id),
            leaderboard TEXT NOT NULL REFERENCES leaderboard(id),
            fid REAL NOT NULL,
            distance REAL NOT NULL,
            epsilon REAL NOT NULL,
            distance_thresholded REAL NOT NULL,
            mifid REAL NOT NULL,
            n_generated INTEGER NOT NULL,
            n_train INTEGER NOT NULL,
            dim INTEGER NOT NULL,
            rank_deficient INTEGER NOT NULL,
            extractor_id TEXT NOT NULL,
            duration_ms INTEGER NOT NULL,
            scored_at TEXT NOT NULL,
            PRIMARY KEY (submission_id, leaderboard)) WITHOUT ROWID""",
        """
        CREATE TABLE neighbours (
            submission_id INTEGER NOT NULL REFERENCES submission(id),
            leaderboard TEXT NOT NULL REFERENCES leaderboard(id),
            reference_set_id INTEGER REFERENCES reference_set(id),
            k INTEGER NOT NULL CHECK (k > 0),
            indices BLOB NOT NULL,
            distances BLOB NOT NULL,
            PRIMARY KEY (submission_id, leaderboard))""",
        """
        CREATE TABLE verdict (
            id INTEGER PRIMARY KEY,
            submission_id INTEGER NOT NULL REFERENCES submission(id),
            verdict TEXT NOT NULL CHECK (verdict IN ('LEGIT', 'CHEATER', 'NEEDS_REVIEW', 'NONE')),
            note TEXT,
            reviewer TEXT,
            decided_at TEXT NOT NULL,
            leaderboard TEXT REFERENCES leaderboard(id),
            threshold REAL)""",
        "CREATE INDEX verdict_by_submission ON verdict(submission_id, id)",
        // the audit trail: history tables refuse to be rewritten
        "CREATE TRIGGER verdict_no_update BEFORE UPDATE ON verdict BEGIN SELECT RAISE(ABORT, 'verdict history is append-only'); END",
        "CREATE TRIGGER verdict_no_delete BEFORE DELETE ON verdict BEGIN SELECT RAISE(ABORT, 'verdict history is append-only'); END",
        "CREATE TRIGGER threshold_no_update BEFORE UPDATE ON threshold_change BEGIN SELECT RAISE(ABORT, 'threshold history is append-only'); END",
        "CREATE TRIGGER threshold_no_delete BEFORE DELETE ON threshold_change BEGIN SELECT RAISE(ABORT, 'threshold history is append-only'); END"),
        // 2: what the organizer did (mark, note, undo, redo, import) is audit data, kept apart from the note
        List.of("ALTER TABLE verdict ADD COLUMN action TEXT"),
        // 3: the file says it is a workspace, so that no other application's SQLite file is mistaken for one
        List.of("PRAGMA application_id = " + WorkspaceFileCheck.APPLICATION_ID),
        // 4: the competition kind. Every earlier workspace is a MiFID one; a kind's board scores, named figures and
        // per-item evidence go in kind-neutral tables, and two views read MiFID's score table in the same form
        List.of("ALTER TABLE competition ADD COLUMN kind TEXT NOT NULL DEFAULT 'mifid'",
            "ALTER TABLE competition ADD COLUMN public_fraction REAL",
            "ALTER TABLE competition ADD COLUMN split_seed INTEGER",
            """
            CREATE TABLE truth_item (
                id TEXT PRIMARY KEY,
                leaderboard TEXT NOT NULL REFERENCES leaderboard(id),
                text TEXT,
                vector BLOB) WITHOUT ROWID""",
            """
            CREATE TABLE kind_score (
                submission_id INTEGER NOT NULL REFERENCES submission(id),
                leaderboard TEXT NOT NULL REFERENCES leaderboard(id),
                value REAL NOT NULL,
                duration_ms INTEGER NOT NULL,
                scored_at TEXT NOT NULL,
                PRIMARY KEY (submission_id, leaderboard)) WITHOUT ROWID""",
            """
            CREATE TABLE score_figure (
                submission_id INTEGER NOT NULL,
                leaderboard TEXT NOT NULL,
                name TEXT NOT NULL,
                value REAL,
                PRIMARY KEY (submission_id, leaderboard, name),
                FOREIGN KEY (submission_id, leaderboard) REFERENCES kind_score(submission_id, leaderboard))
                WITHOUT ROWID""",
            """
            CREATE TABLE item_evidence (
                submission_id INTEGER NOT NULL,
                leaderboard TEXT NOT NULL,
                item TEXT NOT NULL,
                value REAL NOT NULL,
                detail TEXT,
                PRIMARY KEY (submission_id, leaderboard, item),
                FOREIGN KEY (submission_id, leaderboard) REFERENCES kind_score(submission_id, leaderboard))
                WITHOUT ROWID""",
            """
            CREATE VIEW board_score AS
                SELECT submission_id, leaderboard, mifid AS value, scored_at FROM score
                UNION ALL SELECT submission_id, leaderboard, value, scored_at FROM kind_score""",
            """
            CREATE VIEW board_figure AS
                SELECT submission_id, leaderboard, 'mifid' AS name, mifid AS value FROM score
                UNION ALL SELECT submission_id, leaderboard, 'fid', fid FROM score
                UNION ALL SELECT submission_id, leaderboard, 'distance', distance FROM score
                UNION ALL SELECT submission_id, leaderboard, 'distance_thresholded', distance_thresholded FROM score
                UNION ALL SELECT submission_id, leaderboard, name, value FROM score_figure"""),
        // 5: where a kind's competition images are (display only), for the pages that show them
        List.of("ALTER TABLE competition ADD COLUMN images TEXT"),
        // 6: a threshold applied from a suggestion records the rule and its parameters (null: set by hand)
        List.of("ALTER TABLE threshold_change ADD COLUMN rule TEXT"),
        // 7: an image-to-prompt score's near-exact share (images at a cosine >= 0.95, the level fixed when this was
        // written), computed from the per-image cosines already stored for scores made before the kind kept it
        List.of("""
            INSERT OR IGNORE INTO score_figure(submission_id, leaderboard, name, value)
                SELECT submission_id, leaderboard, 'near_exact', AVG(CASE WHEN value >= 0.95 THEN 1.0 ELSE 0.0 END)
                FROM item_evidence
                WHERE (SELECT kind FROM competition) = 'image-to-prompt'
                GROUP BY submission_id, leaderboard"""),
        // 8: the copying measures of a MiFID score (core.Measure ids), a value or the reason there is none, and the
        // image-level threshold a copy share was counted at. Scores
        // made before keep none: copy share, authenticity and C_T need the training features, which the file does
        // not hold, so they come with the next scoring of the submission
        List.of("""
            CREATE TABLE IF NOT EXISTS score_measure (
                submission_id INTEGER NOT NULL,
                leaderboard TEXT NOT NULL,
                measure TEXT NOT NULL,
                value REAL,
                reason TEXT,
                threshold REAL,
                PRIMARY KEY (submission_id, leaderboard, measure),
                FOREIGN KEY (submission_id, leaderboard) REFERENCES score(submission_id, leaderboard)
                    ON DELETE CASCADE,
                CHECK ((value IS NULL) <> (reason IS NULL))
            )"""),
        // 9: the public prompt bank an image-to-prompt competition is created with, embedded once: the inspector
        // reads predicted embeddings back as their nearest bank prompts, the checks list the exposed true prompts
        List.of("""
            CREATE TABLE IF NOT EXISTS bank_prompt (
                id TEXT PRIMARY KEY,
                text TEXT NOT NULL,
                vector BLOB NOT NULL) WITHOUT ROWID"""),
        // 10: a leaderboard's held-out real set (a reference set of real images kept out of training), which the
        // data-copying test C_T needs; none until an organizer registers one
        List.of("""
            CREATE TABLE IF NOT EXISTS held_out_set (
                leaderboard TEXT PRIMARY KEY REFERENCES leaderboard(id),
                reference_set_id INTEGER NOT NULL REFERENCES reference_set(id)) WITHOUT ROWID"""),
        // 11: the measures the stored per-image distances determine, for MiFID scores made before migration 8
        // (filled in Java: MeasureBackfill), the others marked as needing a new scoring
        List.of());

    /** Migrations that SQL cannot express, run after their statements in the same transaction. */
    private static final Map<Integer, Fill> FILLS = Map.of(10, MeasureBackfill::fill);

    /** A migration's computed part. */
    private interface Fill {
        void apply(Connection tx) throws SQLException;
    }

    static int latestVersion() {
        return MIGRATIONS.size();
    }

    static int version(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /**
     * Brings the schema up to date, one transaction per migration (each re-reads the version inside its
     * transaction, so two processes opening a new file at once do not both migrate it).
     *
     * @return the version found before migrating
     */
    static int migrate(Connection c, String source) throws SQLException {
        int found = version(c);
        if (found > latestVersion()) {
            throw new InvalidInputException(source, "written by a newer workbench (schema " + found
                    + ", this one knows up to " + latestVersion() + ")");
        }
        for (int step = found; step < latestVersion(); step++) {
            int v = step;
            SqlTransaction.immediate(c, tx -> {
                if (version(tx) != v) {
                    return null;
                }
                try (Statement st = tx.createStatement()) {
                    for (String sql : MIGRATIONS.get(v)) {
                        st.execute(sql);
                    }
                    if (FILLS.containsKey(v)) {
                        FILLS.get(v).apply(tx);
                    }
                    // PRAGMA takes no bound parameter; v is an int of ours
                    st.execute("PRAGMA user_version = " + (v + 1));
                }
                return null;
            });
        }
        return found;
    }
}
