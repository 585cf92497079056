package org.mifid.workbench.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.core.Board;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.Submission;
import org.mifid.workbench.core.Verdict;
import org.mifid.workbench.core.VerdictEntry;

/**
 * A workspace written by the release (b2495cd, schema 1; see the fixture's README) opens with today's code with
 * nothing lost: migrated when opened for writing, read unchanged when opened for reading.
 */
class ReleaseWorkspaceTest {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;

    private Path releaseWorkspace() throws Exception {
        Path file = dir.resolve("release.db");
        try (InputStream in = ReleaseWorkspaceTest.class.getResourceAsStream("/store/release-b2495cd/workspace.db")) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        assertEquals(1, SqliteWorkspaceTest.userVersion(file));
        return file;
    }

    @Test
    void opensAfterMigrationWithNothingLost() throws Exception {
        Path file = releaseWorkspace();
        try (Workspace ws = Workspace.open(file)) {
            assertEverythingThere(ws);
        }
        assertEquals(SchemaMigrations.latestVersion(), SqliteWorkspaceTest.userVersion(file));
        assertEquals("ok", SqliteWorkspaceTest.integrityCheck(file));
        // and the migrated file keeps working: a new verdict lands after the release's history
        try (Workspace ws = Workspace.open(file)) {
            ws.recordVerdicts(List.of(new VerdictEntry(3, Verdict.CHEATER, "second look", "carol", T0.plusSeconds(900),
                    LeaderboardPreset.PUBLIC, 0.12, "mark")));
            assertEquals(Verdict.CHEATER, ws.currentVerdict(3).orElseThrow().verdict());
            assertEquals(2, ws.verdictHistory(3).size());
        }
    }

    @Test
    void readsTheReleaseFileWithoutChangingIt() throws Exception {
        Path file = releaseWorkspace();
        byte[] before = Files.readAllBytes(file);
        try (Workspace ws = Workspace.openReadOnly(file)) {
            assertTrue(ws.readOnly());
            assertEverythingThere(ws);
        }
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(1, SqliteWorkspaceTest.userVersion(file));
    }

    private static void assertEverythingThere(Workspace ws) {
        assertEquals("Release fixture (b2495cd)", ws.competitionName());
        assertEquals("mifid", ws.competition().kind(), "every workspace before kinds is a MiFID one");
        // the kind-neutral view of the release's scores says what the MiFID columns say
        Map<Long, BoardRow> board = ws.boardRows(Board.PUBLIC).stream()
                .collect(java.util.stream.Collectors.toMap(r -> r.submission().id(), r -> r));
        for (LeaderboardRow row : ws.leaderboardRows(LeaderboardPreset.PUBLIC)) {
            BoardRow b = board.get(row.submission().id());
            assertEquals(row.score().mifid(), b.score().value());
            assertEquals(row.score().fid(), b.score().figure("fid"));
            assertEquals(row.score().distance(), b.score().figure("distance"));
            assertEquals(row.currentVerdict(), b.currentVerdict());
        }

        List<Submission> subs = ws.submissions();
        assertEquals(List.of("Team Alpha", "Team Beta", "Team Gamma"), subs.stream().map(Submission::team).toList());
        Submission alpha = subs.get(0);
        assertEquals("1001", alpha.externalId());
        assertEquals("import:1001", alpha.checksum());
        assertEquals("aug", alpha.label());
        assertEquals(T0, alpha.submittedAt());
        Submission gamma = ws.submissionByChecksum("sha-gamma").orElseThrow();
        assertEquals("gamma.zip", gamma.fileName());
        assertEquals("/subs/gamma.zip", gamma.path());
        assertEquals(3, gamma.imageCount());
        assertEquals(List.of("g1.png", "g2.png", "g3.png"), ws.submissionImageNames(gamma.id()));

        ReferenceSet ref = ws.leaderboardReferenceSet(LeaderboardPreset.PUBLIC).orElseThrow();
        assertEquals("dogs-train", ref.name());
        assertEquals("/data/train.zip", ref.location());
        assertEquals(4, ref.imageCount());
        assertEquals(List.of("d1.png", "d2.png", "d3.png", "d4.png"), ws.referenceImageNames(ref.id()));
        assertTrue(ws.leaderboardReferenceSet(LeaderboardPreset.PRIVATE).isEmpty());
        assertEquals("nasnet-large", ws.leaderboardExtractor(LeaderboardPreset.PRIVATE));

        Map<String, LeaderboardRow> pub = byTeam(ws.leaderboardRows(LeaderboardPreset.PUBLIC));
        assertEquals(3, pub.size());
        assertEquals(55.5, pub.get("Team Alpha").score().fid());
        assertEquals(0.21, pub.get("Team Alpha").score().distance());
        assertEquals(240.0, pub.get("Team Beta").score().mifid());
        SubmissionScore g = pub.get("Team Gamma").score();
        assertEquals(101.125, g.fid());
        assertEquals(0.375, g.distance());
        assertEquals(1234, g.durationMillis());
        assertEquals("fid-inception", g.extractorId());
        Map<String, LeaderboardRow> priv = byTeam(ws.leaderboardRows(LeaderboardPreset.PRIVATE));
        assertEquals(2, priv.size());
        assertEquals(80.25, priv.get("Team Alpha").score().fid());
        assertEquals(0.2, priv.get("Team Beta").score().distance());

        StoredNeighbours n = ws.neighbours(gamma.id(), LeaderboardPreset.PUBLIC).orElseThrow();
        assertEquals(2, n.neighbours().k());
        assertArrayEquals(new int[] {0, 1, 2, 3, 3, 0}, n.neighbours().indices());
        assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f}, n.neighbours().distances());
        assertEquals(ref.id(), n.referenceSetId());
        assertEquals(List.of("g1.png", "g2.png", "g3.png"), n.imageNames());

        // the imported verdict, then a decision and its revision; release verdicts have no action recorded
        assertEquals(Verdict.CHEATER, pub.get("Team Beta").currentVerdict());
        VerdictEntry imported = ws.currentVerdict(pub.get("Team Beta").submission().id()).orElseThrow();
        assertEquals("imported label: memorized", imported.note());
        assertEquals("import", imported.reviewer());
        assertNull(imported.action());
        List<VerdictEntry> alphaHistory = ws.verdictHistory(alpha.id());
        assertEquals(List.of(Verdict.NEEDS_REVIEW, Verdict.LEGIT),
                alphaHistory.stream().map(VerdictEntry::verdict).toList());
        assertEquals("checked: augmentations", alphaHistory.get(1).note());
        assertEquals(T0.plusSeconds(600), alphaHistory.get(1).decidedAt());
        assertEquals(0.12, alphaHistory.get(1).threshold());
        assertEquals(3, ws.currentVerdicts().size());
        assertEquals(Verdict.LEGIT, ws.currentVerdicts().get(gamma.id()).verdict());

        assertEquals(0.12, ws.threshold(LeaderboardPreset.PUBLIC));
        assertEquals(0.2, ws.threshold(LeaderboardPreset.PRIVATE));
        ThresholdChange change = ws.thresholdHistory(LeaderboardPreset.PUBLIC).get(0);
        assertEquals("alice", change.changedBy());
        assertEquals("fewer false positives", change.note());
        assertEquals(T0.plusSeconds(450), change.changedAt());
        assertEquals(1, ws.thresholdHistory(LeaderboardPreset.PRIVATE).size());
    }

    private static Map<String, LeaderboardRow> byTeam(List<LeaderboardRow> rows) {
        return rows.stream().collect(java.util.stream.Collectors.toMap(r -> r.submission().team(), r -> r));
    }
}
