package org.mifid.workbench.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.LeaderboardPreset;

/** Only workbench workspaces are opened; anything else is refused with the file left byte for byte as it was. */
class WorkspaceFileCheckTest {
    @TempDir
    Path dir;

    /** Another application's database, in rollback-journal mode as most are (WAL would be a change to it). */
    private Path foreignDatabase() throws Exception {
        Path file = dir.resolve("notes.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT)");
            st.execute("CREATE TABLE \"tag\u0007\" (name TEXT)");
            st.execute("INSERT INTO note(body) VALUES ('keep me')");
        }
        return file;
    }

    @Test
    void refusesAnotherApplicationsDatabaseUntouched() throws Exception {
        Path file = foreignDatabase();
        byte[] before = Files.readAllBytes(file);
        for (boolean readOnly : List.of(false, true)) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> (readOnly ? Workspace.openReadOnly(file) : Workspace.open(file)).close());
            assertTrue(e.getMessage().startsWith(file.toAbsolutePath().toString()), e.getMessage());
            assertTrue(e.getMessage().contains("not a workbench workspace"), e.getMessage());
            assertTrue(e.getMessage().contains("note"), e.getMessage());
            assertFalse(e.getMessage().chars().anyMatch(Character::isISOControl), e.getMessage());
        }
        assertArrayEquals(before, Files.readAllBytes(file));
        assertFalse(Files.exists(dir.resolve("notes.db-wal")));
        assertFalse(Files.exists(dir.resolve("notes.db-shm")));
    }

    @Test
    void aNegativeSchemaVersionIsCalledDamagedNotForeign() throws Exception {
        // issue #11: PRAGMA user_version = -1 on a real workspace was reported as another application's database
        Path file = dir.resolve("damaged.db");
        Workspace.open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = -1");
        }
        byte[] before = Files.readAllBytes(file);
        for (boolean readOnly : List.of(false, true)) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> (readOnly ? Workspace.openReadOnly(file) : Workspace.open(file)).close());
            assertTrue(e.getMessage().contains("damaged workspace: schema version -1"), e.getMessage());
            assertFalse(e.getMessage().contains("another application"), e.getMessage());
        }
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void readingNeverCreatesAWorkspace() {
        Path file = dir.resolve("missing.db");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Workspace.openReadOnly(file));
        assertTrue(e.getMessage().contains("no such workspace"), e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void aWorkspaceOpenedForReadingRefusesWritesAndStaysAsItWas() throws Exception {
        Path file = dir.resolve("w.db");
        try (Workspace ws = Workspace.open(file)) {
            ws.addSubmission(Fixtures.submission("a", 4), Fixtures.bothLeaderboards(4, 2, 1));
        }
        byte[] before = Files.readAllBytes(file);
        try (Workspace ws = Workspace.openReadOnly(file)) {
            assertEquals(1, ws.submissionCount());
            assertThrows(WorkspaceException.class, () -> ws.applyThreshold(
                    new ThresholdChange(LeaderboardPreset.PUBLIC, 0.2, "x", null, null)));
            assertThrows(WorkspaceException.class, () -> ws.renameCompetition("other"));
        }
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void newWorkspacesCarryTheApplicationId() throws Exception {
        Path file = dir.resolve("new.db");
        Workspace.open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
                var rs = st.executeQuery("PRAGMA application_id")) {
            assertEquals(WorkspaceFileCheck.APPLICATION_ID, rs.getInt(1));
        }
    }
}
