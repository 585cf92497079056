package org.mifid.workbench.store;

import org.mifid.workbench.core.Submission;
import org.mifid.workbench.core.Verdict;
import org.mifid.workbench.core.VerdictEntry;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.Measure;
import org.mifid.workbench.core.MeasureValues;
import org.mifid.workbench.engine.Neighbours;

class SqliteWorkspaceTest {
    @TempDir
    Path dir;

    @Test
    void migratesAnEmptyFileToTheLatestSchema() throws Exception {
        Path file = dir.resolve("dogs-2019.db");
        Files.createFile(file);
        try (Workspace ws = Workspace.open(file)) {
            assertEquals("dogs-2019", ws.competitionName());
            assertEquals(0.1, ws.threshold(LeaderboardPreset.PUBLIC));
            assertEquals(0.25, ws.threshold(LeaderboardPreset.PRIVATE));
            assertTrue(ws.submissions().isEmpty());
        }
        assertEquals(SchemaMigrations.latestVersion(), userVersion(file));
        // reopening applies nothing and keeps the data
        try (Workspace ws = Workspace.open(file)) {
            ws.renameCompetition("Generative Dog Images");
        }
        try (Workspace ws = Workspace.open(file)) {
            assertEquals("Generative Dog Images", ws.competitionName());
        }
    }

    @Test
    void refusesAFileThatIsNotAWorkspace() throws Exception {
        Path file = dir.resolve("notes.db");
        Files.writeString(file, "this is not sqlite, just text long enough to look like a header...........");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Workspace.open(file));
        assertTrue(e.getMessage().startsWith(file.toAbsolutePath().toString()), e.getMessage());
    }

    @Test
    void refusesASchemaFromTheFuture() throws Exception {
        Path file = dir.resolve("future.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = 999");
        }
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Workspace.open(file));
        assertTrue(e.getMessage().contains("newer workbench"), e.getMessage());
    }

    @Test
    void storesAndReadsBackASubmissionWithScoresNeighboursAndNames() {
        try (Workspace ws = Workspace.open(dir.resolve("w.db"))) {
            List<String> refNames = List.of("n02085620_1.jpg", "n02085620_2.jpg", "ü-ß.jpg");
            long ref = ws.addReferenceSet(new ReferenceSet(0, "dogs", "/data/dogs.zip", "abc", 3), refNames);
            ws.assignReferenceSet(LeaderboardPreset.PUBLIC, ref);
            assertEquals(refNames, ws.referenceImageNames(ref));
            assertEquals("dogs", ws.leaderboardReferenceSet(LeaderboardPreset.PUBLIC).orElseThrow().name());
            assertTrue(ws.leaderboardReferenceSet(LeaderboardPreset.PRIVATE).isEmpty());
            assertEquals(ref, ws.referenceSetByChecksum("abc").orElseThrow().id());

            Neighbours n = new Neighbours(2, new int[] {0, 2, -1, -1, 1, 0}, new float[] {0.01f, 0.2f, Float.NaN,
                Float.NaN, 0.05f, 0.3f});
            NewSubmission s = new NewSubmission("123", "Team\n\"quoted\"", "s.zip", "/tmp/s.zip", "sha1",
                    Instant.parse("2019-08-01T00:00:00.5Z"), 3, "mgan", List.of("a.png", "b\nc.png", "d.png"));
            long id = ws.addSubmission(s, List.of(Fixtures.score(LeaderboardPreset.PUBLIC, 42.5, 0.05, n, ref),
                    Fixtures.score(LeaderboardPreset.PRIVATE, 80.0, 0.3, null, 0)));

            Submission back = ws.submission(id).orElseThrow();
            assertEquals(new Submission(id, "123", "Team\n\"quoted\"", "s.zip", "/tmp/s.zip", "sha1",
                    Instant.parse("2019-08-01T00:00:00.5Z"), 3, "mgan"), back);
            assertEquals(back, ws.submissionByChecksum("sha1").orElseThrow());
            assertEquals(back, ws.submissionByExternalId("123").orElseThrow());

            StoredNeighbours sn = ws.neighbours(id, LeaderboardPreset.PUBLIC).orElseThrow();
            assertEquals(List.of("a.png", "b\nc.png", "d.png"), sn.imageNames());
            assertEquals(ref, sn.referenceSetId());
            assertArrayEquals(n.indices(), sn.neighbours().indices());
            assertArrayEquals(n.distances(), sn.neighbours().distances());
            assertTrue(ws.neighbours(id, LeaderboardPreset.PRIVATE).isEmpty());

            LeaderboardRow row = ws.leaderboardRows(LeaderboardPreset.PUBLIC).get(0);
            assertEquals(42.5, row.score().fid());
            assertEquals(0.05, row.score().distance());
            assertEquals(0.05, row.score().distanceThresholded());
            assertEquals(42.5 / (0.05 + 1e-15), row.score().mifid());
            assertEquals("fid-inception", row.score().extractorId());
            assertEquals(Verdict.NONE, row.currentVerdict());
            assertEquals(1, ws.leaderboardRows(LeaderboardPreset.PRIVATE).size());

            // the copying measures come back per board: each value, and the reason where there is none
            MeasureValues publicMeasures = ws.measures(LeaderboardPreset.PUBLIC).get(id);
            assertEquals(Fixtures.measures(0.05), publicMeasures);
            assertEquals(0.05 * (Measure.COPY_SHARE.ordinal() + 1), publicMeasures.value(Measure.COPY_SHARE));
            assertNull(publicMeasures.value(Measure.CT));
            assertEquals("no held-out real set registered", publicMeasures.reason(Measure.CT));
            assertEquals(0.05 / 2, publicMeasures.threshold(Measure.COPY_SHARE));
            assertNull(publicMeasures.threshold(Measure.PIXEL_COPY_SHARE));
            assertEquals(Fixtures.measures(0.3), ws.measures(LeaderboardPreset.PRIVATE).get(id));
        }
    }

    @Test
    void verdictsAndThresholdsAreAppendOnlyHistories() throws Exception {
        Path file = dir.resolve("w.db");
        try (Workspace ws = Workspace.open(file)) {
            long id = ws.addSubmission(Fixtures.submission("s", 0), Fixtures.bothLeaderboards(0, 1, 1).stream()
                    .map(sl -> new ScoredLeaderboard(sl.leaderboard(), sl.score(), sl.extractorId(), 1, null, 0, null))
                    .toList());
            Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
            ws.recordVerdicts(List.of(new VerdictEntry(id, Verdict.NEEDS_REVIEW, "odd", "ann", t0,
                    LeaderboardPreset.PUBLIC, 0.1)));
            ws.recordVerdicts(List.of(new VerdictEntry(id, Verdict.CHEATER, "copies <b>", "bob",
                    t0.plusSeconds(60), null, Double.NaN)));
            VerdictEntry current = ws.currentVerdict(id).orElseThrow();
            assertEquals(Verdict.CHEATER, current.verdict());
            assertNull(current.leaderboard());
            assertTrue(Double.isNaN(current.threshold()));
            assertEquals(List.of(Verdict.NEEDS_REVIEW, Verdict.CHEATER),
                    ws.verdictHistory(id).stream().map(VerdictEntry::verdict).toList());
            assertEquals(Verdict.CHEATER, ws.leaderboardRows(LeaderboardPreset.PUBLIC).get(0).currentVerdict());

            ws.applyThreshold(new ThresholdChange(LeaderboardPreset.PUBLIC, 0.12, "ann", t0, "wider"));
            ws.applyThreshold(new ThresholdChange(LeaderboardPreset.PUBLIC, 0.08, "bob", t0.plusSeconds(5), null));
            ws.applyThreshold(new ThresholdChange(LeaderboardPreset.PUBLIC, 0.09, "cy", t0.plusSeconds(9), null,
                    "min-cost (cost-ratio=10)"));
            assertEquals(0.09, ws.threshold(LeaderboardPreset.PUBLIC));
            assertEquals(0.25, ws.threshold(LeaderboardPreset.PRIVATE));
            assertEquals(List.of(0.12, 0.08, 0.09), ws.thresholdHistory(LeaderboardPreset.PUBLIC).stream()
                    .map(ThresholdChange::epsilon).toList());
            // the rule a suggestion was applied from is kept; a threshold set by hand has none
            assertEquals(java.util.Arrays.asList(null, null, "min-cost (cost-ratio=10)"),
                    ws.thresholdHistory(LeaderboardPreset.PUBLIC).stream().map(ThresholdChange::rule).toList());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            assertThrows(SQLException.class, () -> st.execute("UPDATE verdict SET verdict = 'LEGIT'"));
            assertThrows(SQLException.class, () -> st.execute("DELETE FROM threshold_change"));
        }
    }

    @Test
    void detectsADuplicateChecksumAndStoresNothingOfTheBatch() {
        try (Workspace ws = Workspace.open(dir.resolve("w.db"))) {
            long first = ws.addSubmission(Fixtures.submission("dup", 4), Fixtures.bothLeaderboards(4, 2, 1));
            DuplicateSubmissionException e = assertThrows(DuplicateSubmissionException.class, () ->
                    ws.addSubmission(Fixtures.submission("dup", 4), Fixtures.bothLeaderboards(4, 2, 2)));
            assertEquals(first, e.existingId());
            assertThrows(DuplicateSubmissionException.class, () -> ws.addSubmissions(List.of(
                    new NewScoredSubmission(Fixtures.submission("fresh", 4), Fixtures.bothLeaderboards(4, 2, 3)),
                    new NewScoredSubmission(Fixtures.submission("dup", 4), Fixtures.bothLeaderboards(4, 2, 4)))));
            assertThrows(InvalidInputException.class, () -> ws.addSubmissions(List.of(
                    new NewScoredSubmission(Fixtures.submission("twice", 4), Fixtures.bothLeaderboards(4, 2, 3)),
                    new NewScoredSubmission(Fixtures.submission("twice", 4), Fixtures.bothLeaderboards(4, 2, 4)))));
            assertEquals(1, ws.submissionCount());
            assertTrue(ws.submissionByChecksum("fresh").isEmpty());
        }
    }

    @Test
    void aFailureHalfwayThroughAWriteLeavesNothingBehind() {
        try (Workspace ws = Workspace.open(dir.resolve("w.db"))) {
            // the second score points at a reference set that does not exist: the foreign key fails after the
            // submission row and the first score were already sent
            var scores = List.of(Fixtures.score(LeaderboardPreset.PUBLIC, 1, 0.5, Fixtures.neighbours(4, 2, 1), 0),
                    Fixtures.score(LeaderboardPreset.PRIVATE, 1, 0.5, Fixtures.neighbours(4, 2, 2), 777));
            assertThrows(WorkspaceException.class, () -> ws.addSubmission(Fixtures.submission("x", 4), scores));
            assertEquals(0, ws.submissionCount());
            assertTrue(ws.leaderboardRows(LeaderboardPreset.PUBLIC).isEmpty());
            // and the workspace stays usable
            ws.addSubmission(Fixtures.submission("y", 4), Fixtures.bothLeaderboards(4, 2, 1));
            assertEquals(1, ws.submissionCount());
        }
    }

    @Test
    void readersKeepWorkingWhileAScoreIsWritten() throws Exception {
        int images = 20_000;
        int k = 20;
        try (Workspace ws = Workspace.open(dir.resolve("w.db"))) {
            ws.addSubmission(Fixtures.submission("seed", images), Fixtures.bothLeaderboards(images, k, 0));
            AtomicInteger writesInFlight = new AtomicInteger();
            AtomicInteger generation = new AtomicInteger();
            AtomicInteger readsDuringAWrite = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            int writes = 6;
            Thread writer = new Thread(() -> {
                for (int i = 1; i <= writes; i++) {
                    var s = Fixtures.submission("w" + i, images);
                    var scores = Fixtures.bothLeaderboards(images, k, i);
                    generation.incrementAndGet();
                    writesInFlight.incrementAndGet();
                    ws.addSubmission(s, scores);
                    writesInFlight.decrementAndGet();
                    generation.incrementAndGet();
                }
            });
            Thread reader = new Thread(() -> {
                try {
                    int lastCount = 0;
                    while (writer.isAlive()) {
                        int gen = generation.get();
                        boolean inFlight = writesInFlight.get() == 1;
                        List<LeaderboardRow> rows = ws.leaderboardRows(LeaderboardPreset.PRIVATE);
                        if (inFlight && generation.get() == gen) {
                            readsDuringAWrite.incrementAndGet();
                        }
                        // never a half-stored submission: every visible one has its neighbours on both boards
                        assertTrue(rows.size() >= lastCount);
                        lastCount = rows.size();
                        LeaderboardRow last = rows.get(rows.size() - 1);
                        assertEquals(images, ws.neighbours(last.submission().id(), LeaderboardPreset.PUBLIC)
                                .orElseThrow().imageNames().size());
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            writer.start();
            reader.start();
            writer.join();
            reader.join();
            if (failure.get() != null) {
                throw new AssertionError("reader failed", failure.get());
            }
            assertEquals(writes + 1, ws.submissionCount());
            assertTrue(readsDuringAWrite.get() > 0, "no read completed while a write was in progress");
        }
    }

    static int userVersion(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.getInt(1);
        }
    }

    static String integrityCheck(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            return rs.getString(1);
        }
    }

    @Test
    void twoOpenWorkspacesOnOneFileBothWriteAsTwoProcessesWould() {
        Path file = dir.resolve("shared.db");
        try (Workspace ui = Workspace.open(file); Workspace cli = Workspace.open(file)) {
            ui.renameCompetition("from the UI");
            long id = cli.addSubmission(Fixtures.submission("c", 2), Fixtures.bothLeaderboards(2, 1, 1));
            ui.recordVerdicts(List.of(new VerdictEntry(id, Verdict.LEGIT, null, "ui", null, null, Double.NaN)));
            cli.applyThreshold(new ThresholdChange(LeaderboardPreset.PUBLIC, 0.15, "cli", null, null));
            assertEquals("from the UI", cli.competitionName());
            assertEquals(0.15, ui.threshold(LeaderboardPreset.PUBLIC));
            assertEquals(Verdict.LEGIT, cli.currentVerdict(id).orElseThrow().verdict());
        }
    }

    @Test
    void aClosedWorkspaceRefusesReadsAndWritesInsteadOfHanging() {
        Workspace ws = Workspace.open(dir.resolve("w.db"));
        ws.close();
        ws.close();
        assertThrows(IllegalStateException.class, ws::competitionName);
        assertThrows(IllegalStateException.class, () -> ws.renameCompetition("x"));
    }

    @Test
    void theWriteLockIsNotHeldAfterAFailureInsideTheTransaction() throws Exception {
        Path file = dir.resolve("w.db");
        try (Workspace ws = Workspace.open(file)) {
            ws.addSubmission(Fixtures.submission("dup", 4), Fixtures.bothLeaderboards(4, 2, 1));
            // the duplicate is found by a query inside the write transaction, so this fails holding the lock
            assertThrows(DuplicateSubmissionException.class, () ->
                    ws.addSubmission(Fixtures.submission("dup", 4), Fixtures.bothLeaderboards(4, 2, 2)));

            // another thread can write (a leaked ReentrantLock would let only this thread in) ...
            java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                other.submit(() -> ws.applyThreshold(new ThresholdChange(LeaderboardPreset.PUBLIC, 0.2, "x", null,
                        null))).get(30, java.util.concurrent.TimeUnit.SECONDS);
            } finally {
                other.shutdownNow();
            }
            assertFalse(ws.thresholdHistory(LeaderboardPreset.PUBLIC).isEmpty());

            // ... and so can another program at once: the failed transaction was rolled back, not left open
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                    Statement st = c.createStatement()) {
                st.execute("PRAGMA busy_timeout = 0");
                st.execute("BEGIN IMMEDIATE");
                st.execute("ROLLBACK");
            }
        }
    }
}
