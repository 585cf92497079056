package org.mifid.workbench.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.store.LeaderboardRow;
import org.mifid.workbench.core.Submission;
import org.mifid.workbench.core.Verdict;
import org.mifid.workbench.store.Workspace;

class ResultsImportTest {
    private static final String HEADER = "submission_id,public_score,private_score,FID_public,FID_private,"
            + "distance_public,distance_private,labels\n";

    @TempDir
    Path dir;

    private Path csv(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static ImportReport run(Workspace ws, Path file, ColumnMapping mapping, boolean skip) {
        return new ResultsImport(ws).importFile(file, mapping, skip, ProgressMonitor.NONE);
    }

    @Test
    void importsTheReleasedFormatRecomputingScoresAndKeepingLabels() throws Exception {
        // row 1: clean; row 2: penalised on public (0.05 < 0.1) and disqualified on private; row 3: a wrong score
        Path file = csv("results.csv", HEADER
                + "1,50.00000000000001,80.0,50.0,80.0,0.2,0.3,non-mem\n"
                + "2,800.0,999999.0,40.0,70.0,0.05,0.2,mgan\n"
                + "3,99.0,90.0,60.0,90.0,0.2,0.3,\n");
        try (Workspace ws = Workspace.open(dir.resolve("w.db"))) {
            ImportReport report = run(ws, file, ColumnMapping.kaggle2019(), false);
            assertEquals(3, report.rows());
            assertEquals(3, report.imported());
            assertEquals(1, report.disqualified());
            assertEquals(1, report.mismatches().size());
            ImportReport.ScoreMismatch m = report.mismatches().get(0);
            assertEquals(4, m.line());
            assertEquals("3", m.submission());
            assertEquals(LeaderboardPreset.PUBLIC, m.leaderboard());
            assertEquals(60.0 / (1 + 1e-15), m.recomputed(), 1e-12);

            Submission two = ws.submissionByExternalId("2").orElseThrow();
            assertEquals("submission 2", two.team());
            assertEquals("mgan", two.label());
            assertNull(ws.submissionByExternalId("3").orElseThrow().label());
            LeaderboardRow pub = ws.leaderboardRows(LeaderboardPreset.PUBLIC).stream()
                    .filter(r -> r.submission().id() == two.id()).findFirst().orElseThrow();
            assertEquals(40.0, pub.score().fid());
            assertEquals(0.05, pub.score().distanceThresholded());
            assertEquals(40.0 / (0.05 + 1e-15), pub.score().mifid());
            assertEquals(Verdict.CHEATER, pub.currentVerdict());
            assertTrue(pub.verdict().note().contains("results.csv line 3"), pub.verdict().note());
        }
    }

    @Test
    void reportsEveryMalformedRowByLineAndImportsNothing() throws Exception {
        Path file = csv("bad.csv", HEADER
                + "1,50.0,80.0,50.0,80.0,0.2,0.3,non-mem\n"
                + "2,50.0,80.0,fifty,80.0,0.2,0.3,\n"
                + "\"3\",50.0,80.0,50.0,80.0,0.2,0.3,\"a label\nspanning two lines\"\n"
                + "4,50.0,80.0,50.0\n"
                + "5,50.0,80.0,50.0,80.0,1.7,0.3,\n"
                + "1,50.0,80.0,50.0,80.0,0.2,0.3,\n"
                + "6,50.0,80.0,50.0,80.0,0.2,0.3,\n");
        try (Workspace ws = Workspace.open(dir.resolve("w.db"))) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> run(ws, file, ColumnMapping.kaggle2019(), false));
            assertEquals(file + ":3", e.source());
            assertTrue(e.getMessage().contains("FID_public is not a number ('fifty')"), e.getMessage());
            // the quoted label spans lines 4-5, so the short row is on line 6
            assertTrue(e.getMessage().contains("3 more malformed row(s), on line(s) 6 7 8"), e.getMessage());
            assertEquals(0, ws.submissionCount());

            ImportReport report = run(ws, file, ColumnMapping.kaggle2019(), true);
            assertEquals(7, report.rows());
            assertEquals(3, report.imported());
            assertEquals(List.of(3L, 6L, 7L, 8L), report.skipped().stream().map(ImportReport.RowProblem::line).toList());
            assertTrue(report.skipped().get(3).problem().contains("already on line 2"));
            assertEquals("a label\nspanning two lines", ws.submissionByExternalId("3").orElseThrow().label());
        }
    }

    @Test
    void namesTheFileAndLineOfUnreadableCsvAndMissingColumns() throws Exception {
        Path quotes = csv("quotes.csv", HEADER + "1,50.0,80.0,50.0,80.0,0.2,0.3,\n2,\"50.0,80.0\n");
        Path columns = csv("columns.csv", "submission_id,FID_public\n1,2\n");
        try (Workspace ws = Workspace.open(dir.resolve("w.db"))) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> run(ws, quotes, ColumnMapping.kaggle2019(), true));
            assertEquals(quotes + ":3", e.source(), e.getMessage());
            e = assertThrows(InvalidInputException.class, () -> run(ws, columns, ColumnMapping.kaggle2019(), false));
            assertEquals(columns + ":1", e.source());
            assertTrue(e.getMessage().contains("missing column(s)") && e.getMessage().contains("public_score"), e.getMessage());
            assertEquals(0, ws.submissionCount());
        }
    }

    @Test
    void reimportingTheSameRowsStoresNothingTwice() throws Exception {
        Path file = csv("results.csv", HEADER + "1,50.0,80.0,50.0,80.0,0.2,0.3,\n2,50.0,80.0,50.0,80.0,0.2,0.3,\n");
        Path more = csv("more.csv", HEADER + "2,50.0,80.0,50.0,80.0,0.2,0.3,\n3,50.0,80.0,50.0,80.0,0.2,0.3,\n");
        try (Workspace ws = Workspace.open(dir.resolve("w.db"))) {
            assertEquals(2, run(ws, file, ColumnMapping.kaggle2019(), false).imported());
            ImportReport again = run(ws, file, ColumnMapping.kaggle2019(), false);
            assertEquals(0, again.imported());
            assertEquals(2, again.alreadyPresent());
            ImportReport overlap = run(ws, more, ColumnMapping.kaggle2019(), false);
            assertEquals(1, overlap.imported());
            assertEquals(1, overlap.alreadyPresent());
            assertEquals(3, ws.submissionCount());
        }
    }

    @Test
    void genericCsvWithAColumnMappingAndOneLeaderboard() throws Exception {
        Path file = csv("pipeline.csv", "team,fid,memorization,ground truth,extra\n"
                + "Alpha,30.5,0.04,mgan,x\n"
                + "\"=HYPERLINK(\"\"x\"\")\",42,0.3,non-mem,y\n");
        ColumnMapping mapping = ColumnMapping.generic(Map.of("fid", ResultField.FID_PUBLIC,
                "memorization", ResultField.DISTANCE_PUBLIC, "ground truth", ResultField.LABEL));
        try (Workspace ws = Workspace.open(dir.resolve("w.db"))) {
            ImportReport report = run(ws, file, mapping, false);
            assertEquals(2, report.imported());
            assertEquals(2, ws.leaderboardRows(LeaderboardPreset.PUBLIC).size());
            assertTrue(ws.leaderboardRows(LeaderboardPreset.PRIVATE).isEmpty());
            assertEquals(List.of("Alpha", "=HYPERLINK(\"x\")"), ws.submissions().stream().map(Submission::team).toList());
            // without an id the identity is the row's values: the same file again adds nothing
            assertEquals(2, run(ws, file, mapping, false).alreadyPresent());
        }
        assertThrows(InvalidInputException.class, () -> {
            try (Workspace ws = Workspace.open(dir.resolve("w2.db"))) {
                run(ws, file, ColumnMapping.generic(Map.of("fid", ResultField.FID_PUBLIC)), false);
            }
        });
    }
    @Test
    void aFileThatIsNotUtf8IsNamedWithTheLineOfItsFirstBadByte() throws Exception {
        // issue #11: a Latin-1 file was reported as "Input length = 1"
        Path file = dir.resolve("latin1.csv");
        String text = "submission_id,team,FID_public,distance_public\n1,Ann,50.0,0.2\n2,Ren\u00e9e,60.0,0.3\n";
        Files.write(file, text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        try (Workspace ws = Workspace.open(dir.resolve("w.db"))) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> run(ws, file, ColumnMapping.kaggle2019(), false));
            assertEquals(file + ":3: not UTF-8 text (byte 0xE9 at column 6); save the file as UTF-8",
                    e.getMessage());
            assertTrue(ws.submissions().isEmpty());
        }
    }

    @Test
    void aByteOrderMarkKeepsTheFirstColumnsName() throws Exception {
        // issue #11: a UTF-8 BOM made the first column "\uFEFFsubmission_id", so the ids were lost
        Path file = csv("bom.csv", "\uFEFF" + HEADER + "7,50.0,80.0,50.0,80.0,0.2,0.3,non-mem\n");
        try (Workspace ws = Workspace.open(dir.resolve("w.db"))) {
            assertEquals(1, run(ws, file, ColumnMapping.kaggle2019(), false).imported());
            assertEquals("non-mem", ws.submissionByExternalId("7").orElseThrow().label());
        }
    }

    @Test
    void aColumnNamedTwiceInTheHeaderIsSaidSo() throws Exception {
        // issue #11: this said "expected 10 columns, found 10"
        Path file = csv("twice.csv", "submission_id,FID_public,distance_public,FID_public\n1,50.0,0.2,51.0\n");
        try (Workspace ws = Workspace.open(dir.resolve("w.db"))) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> run(ws, file, ColumnMapping.kaggle2019(), false));
            assertEquals(file + ":1: the header names column 'FID_public' twice (columns 2 and 4)", e.getMessage());
        }
    }
}
