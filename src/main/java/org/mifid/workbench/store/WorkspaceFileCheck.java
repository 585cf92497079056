package org.mifid.workbench.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.PrintableText;
import org.sqlite.SQLiteConfig;

/**
 * Decides what a file is before anything may change it (issue #11: a read-only export on another application's
 * SQLite file added eleven tables to it). It reads the header and the schema over a read-only connection that
 * sets no pragma, so a file that is not a workbench workspace is refused byte for byte untouched.
 */
final class WorkspaceFileCheck {
    /** {@code PRAGMA application_id} of a workbench workspace: "MiFD". */
    static final int APPLICATION_ID = 0x4d694644;
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    /** The tables every workspace has had since the first release, which predates the application id. */
    private static final Set<String> FIRST_RELEASE_TABLES =
            Set.of("competition", "leaderboard", "submission", "score", "verdict", "threshold_change");

    private WorkspaceFileCheck() {
    }

    /**
     * @param mayCreate whether a missing or empty file is a workspace to create (writing) or an error (reading)
     * @return the schema version found: 0 for a file still to be created
     * @throws InvalidInputException naming the file when it is not a workbench workspace (left untouched)
     */
    static int schemaVersion(Path file, boolean mayCreate) {
        String source = file.toString();
        if (!Files.exists(file) || isEmpty(file)) {
            if (mayCreate) {
                return 0;
            }
            throw new InvalidInputException(source,
                    Files.exists(file) ? "empty file, not a workspace" : "no such workspace");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(source, "not a file");
        }
        if (!hasSqliteHeader(file)) {
            throw new InvalidInputException(source,
                    "not a workbench workspace (not an SQLite database); left untouched");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = config.createConnection("jdbc:sqlite:" + file)) {
            int version = pragma(c, "user_version");
            int applicationId = pragma(c, "application_id");
            Set<String> tables = tables(c);
            if (version < 0) {
                // no workbench ever writes a negative schema version: the header was damaged or edited by hand
                throw new InvalidInputException(source, "damaged workspace: schema version " + version
                        + " (PRAGMA user_version) is one no workbench writes; left untouched");
            }
            if (version > SchemaMigrations.latestVersion()) {
                throw new InvalidInputException(source, "written by a newer workbench (schema " + version
                        + ", this one knows up to " + SchemaMigrations.latestVersion() + ")");
            }
            boolean ours = applicationId == APPLICATION_ID
                    || applicationId == 0 && version >= 1 && tables.containsAll(FIRST_RELEASE_TABLES);
            if (ours) {
                return version;
            }
            if (applicationId == 0 && version == 0 && tables.isEmpty() && mayCreate) {
                return 0;
            }
            throw new InvalidInputException(source, "not a workbench workspace (an SQLite database of another"
                    + " application" + (tables.isEmpty() ? "" : ", tables " + abbreviated(tables))
                    + "); left untouched");
        } catch (SQLException e) {
            throw new InvalidInputException(source, "not a usable workspace: " + SqliteErrors.describe(e), e);
        }
    }

    private static boolean isEmpty(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) == 0;
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
    }

    private static boolean hasSqliteHeader(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
    }

    private static int pragma(Connection c, String name) throws SQLException {
        // the name is one of two constants of ours, never input
        try (PreparedStatement ps = c.prepareStatement("PRAGMA " + name); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static Set<String> tables(Connection c) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%'");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString("name"));
            }
        }
        return names;
    }

    /** At most five table names: enough to recognise the other application, never a wall of text. */
    private static String abbreviated(Set<String> tables) {
        String shown = String.join(", ",
                tables.stream().limit(5).map(t -> PrintableText.shorten(PrintableText.escape(t), 40)).toList());
        return tables.size() > 5 ? shown + " and " + (tables.size() - 5) + " more" : shown;
    }
}
