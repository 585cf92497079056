package org.mifid.workbench.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.core.Board;
import org.mifid.workbench.core.Competition;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.ItemEvidence;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.TruthItem;
import org.mifid.workbench.core.Verdict;
import org.mifid.workbench.core.VerdictEntry;

/** A kind that keeps its own figures and per-item evidence: recorded, stored whole and read back in one form. */
class BoardScoreRecordsTest {
    @TempDir
    Path dir;

    private static NewSubmission csv(String checksum) {
        return new NewSubmission(null, "team " + checksum, checksum + ".csv", "/subs/" + checksum + ".csv", checksum,
                null, 2, null, List.of());
    }

    @Test
    void aKindsCompetitionTruthScoresAndEvidenceRoundTrip() {
        Path file = dir.resolve("prompts.db");
        try (Workspace ws = Workspace.open(file)) {
            ws.defineCompetition("image-to-prompt", 0.2, 42, "/data/images.zip");
            ws.addTruth(List.of(new TruthItem("b", Board.PRIVATE, "a dog on a bike", new float[] {0.6f, 0.8f}),
                    new TruthItem("a", Board.PUBLIC, "a cat", new float[] {1f, 0f})));
            long id = ws.addScoredSubmission(csv("s1"), List.of(
                    new NewBoardScore(Board.PUBLIC, 0.5, Map.of("n_images", 1.0, "zero_vectors", 0.0),
                            List.of(new ItemEvidence("a", 0.5, "predicted: a kitten")), 12),
                    new NewBoardScore(Board.PRIVATE, 0.25, Map.of("n_images", 1.0, "zero_vectors", 1.0),
                            List.of(new ItemEvidence("b", 0.0, "zero vector")), 12)));
            ws.recordVerdicts(List.of(new VerdictEntry(id, Verdict.NEEDS_REVIEW, "odd", "ann", null,
                    LeaderboardPreset.PUBLIC, Double.NaN)));
        }
        try (Workspace ws = Workspace.openReadOnly(file)) {
            Competition c = ws.competition();
            assertEquals("image-to-prompt", c.kind());
            assertEquals(0.2, c.publicFraction());
            assertEquals(42, c.splitSeed());
            assertEquals("/data/images.zip", c.images());
            List<TruthItem> truth = ws.truth();
            assertEquals(List.of("a", "b"), truth.stream().map(TruthItem::id).toList());
            assertEquals(Board.PRIVATE, truth.get(1).board());
            assertArrayEquals(new float[] {0.6f, 0.8f}, truth.get(1).vector());

            BoardRow pub = ws.boardRows(Board.PUBLIC).get(0);
            assertEquals(0.5, pub.score().value());
            assertEquals(Map.of("n_images", 1.0, "zero_vectors", 0.0), pub.score().figures());
            assertEquals(Verdict.NEEDS_REVIEW, pub.currentVerdict());
            assertEquals(1.0, ws.boardRows(Board.PRIVATE).get(0).score().figure("zero_vectors"));
            assertEquals(List.of(new ItemEvidence("b", 0.0, "zero vector")),
                    ws.itemEvidence(pub.submission().id(), Board.PRIVATE));
            assertTrue(ws.leaderboardRows(LeaderboardPreset.PUBLIC).isEmpty(), "no MiFID score was invented");
        }
    }

    @Test
    void aKindNeverChangesUnderStoredSubmissions() {
        try (Workspace ws = Workspace.open(dir.resolve("w.db"))) {
            assertEquals("mifid", ws.competition().kind());
            assertTrue(Double.isNaN(ws.competition().publicFraction()));
            ws.addSubmission(Fixtures.submission("a", 4), Fixtures.bothLeaderboards(4, 2, 1));
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> ws.defineCompetition("image-to-prompt", 0.2, 1, null));
            assertTrue(e.getMessage().contains("kind cannot change"), e.getMessage());
            assertEquals("mifid", ws.competition().kind());
        }
    }

    @Test
    void noWorkspaceMixesTwoKindsOfScores() {
        try (Workspace prompts = Workspace.open(dir.resolve("p.db"));
                Workspace dogs = Workspace.open(dir.resolve("d.db"))) {
            prompts.defineCompetition("image-to-prompt", 0.2, 1, null);
            InvalidInputException e = assertThrows(InvalidInputException.class, () ->
                    prompts.addSubmission(Fixtures.submission("a", 4), Fixtures.bothLeaderboards(4, 2, 1)));
            assertTrue(e.getMessage().contains("holds a competition of kind 'image-to-prompt'; MiFID scores"),
                    e.getMessage());
            assertThrows(InvalidInputException.class, () -> dogs.addScoredSubmission(csv("b"), List.of(
                    new NewBoardScore(Board.PUBLIC, 0.5, Map.of(), List.of(), 1))));
            assertEquals(0, prompts.submissionCount());
            assertEquals(0, dogs.submissionCount());
        }
    }

    @Test
    void aDuplicateSubmissionOfAKindStoresNothing() {
        try (Workspace ws = Workspace.open(dir.resolve("w.db"))) {
            ws.defineCompetition("image-to-prompt", 0.2, 1, null);
            long first = ws.addScoredSubmission(csv("same"), List.of(
                    new NewBoardScore(Board.PUBLIC, 0.5, Map.of(), List.of(), 1)));
            DuplicateSubmissionException e = assertThrows(DuplicateSubmissionException.class, () ->
                    ws.addScoredSubmission(csv("same"), List.of(
                            new NewBoardScore(Board.PUBLIC, 0.9, Map.of(), List.of(), 1))));
            assertEquals(first, e.existingId());
            assertEquals(1, ws.boardRows(Board.PUBLIC).size());
        }
    }
}
