package org.mifid.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StoreCommandsTest {
    private static final String HEADER = "submission_id,public_score,private_score,FID_public,FID_private,"
            + "distance_public,distance_private,labels\n";

    @TempDir
    Path dir;



    @Test
    void importAnalyzeVerdictAndExportFromTheCommandLine() throws Exception {
        Path csv = dir.resolve("results.csv");
        Files.writeString(csv, HEADER
                + "1,50.0,80.0,50.0,80.0,0.2,0.3,non-mem\n"
                + "2,800.0,999999.0,40.0,70.0,0.05,0.2,mgan\n"
                + "3,60.0,90.0,60.0,90.0,0.2,0.3,\n");
        String db = dir.resolve("w.db").toString();
        CliRun imported = CliRun.of("import-results", "--db", db, csv.toString());
        assertEquals(0, imported.exit(), imported.err());
        assertTrue(imported.out().startsWith("imported 3 of 3 rows"), imported.out());

        CliRun analyzed = CliRun.of("analyze", "--db", db, "--leaderboard", "public", "--eps", "0.1", "--json", "--sweep",
                "--sweep-steps", "3");
        assertEquals(0, analyzed.exit(), analyzed.err());
        JsonNode json = new ObjectMapper().readTree(analyzed.out());
        for (String key : List.of("submissions", "flagged", "labelled_memorizers", "flagged_memorizers",
                "labelled_clean", "flagged_clean", "auc", "spearman", "kendall_tau_b", "pearson", "mean_abs_rank_diff")) {
            assertTrue(json.has(key), "missing " + key);
        }
        assertEquals(3, json.get("submissions").asInt());
        assertEquals(1, json.get("flagged").asInt());
        assertEquals(1, json.get("flagged_memorizers").asInt());
        assertEquals(1.0, json.get("auc").asDouble());
        assertEquals(1.0, json.get("spearman").asDouble(), 1e-12);
        assertEquals(3, json.get("sweep").size());

        CliRun suggested = CliRun.of("analyze", "--db", db, "--leaderboard", "public", "--json", "--suggest-threshold",
                "--cost-ratio", "5");
        assertEquals(0, suggested.exit(), suggested.err());
        JsonNode suggestions = new ObjectMapper().readTree(suggested.out()).get("suggestions");
        assertEquals(List.of("first-legitimate", "min-cost", "no-labels"),
                List.of(suggestions.get(0).get("rule").asText(), suggestions.get(1).get("rule").asText(),
                        suggestions.get(2).get("rule").asText()));
        for (JsonNode x : suggestions) {
            for (String key : List.of("threshold", "flagged", "flagged_memorizers", "flagged_legitimate",
                    "flagged_unjudged")) {
                assertTrue(x.has(key), "missing " + key + " in " + x);
            }
        }
        // the legitimate submission (non-mem) sits at 0.2: the 2019 rule flags the memorizer at 0.05 only
        assertEquals(0.2, suggestions.get(0).get("threshold").asDouble());
        assertEquals(1, suggestions.get(0).get("flagged_memorizers").asInt());
        assertEquals("cost-ratio=5", suggestions.get(1).get("parameters").asText());
        assertEquals(2, CliRun.of("analyze", "--db", db, "--leaderboard", "public", "--suggest-threshold",
                "--cost-ratio", "-1").exit());

        CliRun verdict = CliRun.of("verdict", "--db", db, "--submission", "3", "--set", "needs-review", "--note",
                "look again", "--reviewer", "ann");
        assertEquals(0, verdict.exit(), verdict.err());
        Path out = dir.resolve("board.csv");
        CliRun exported = CliRun.of("export", "--db", db, "--leaderboard", "private", "--format", "csv", "--out",
                out.toString());
        assertEquals(0, exported.exit(), exported.err());
        String text = Files.readString(out);
        assertTrue(text.contains("needs review,look again,ann"), text);
        assertTrue(text.contains("999999.0"), "the imported disqualification ranks as 999999: " + text);
    }

    @Test
    void badInputExitsTwoWithOneLineNamingFileAndLine() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, HEADER + "1,50.0,80.0,50.0,80.0,0.2,0.3,\n2,50.0,80.0,50.0,80.0,0.2,oops,\n");
        String db = dir.resolve("w.db").toString();
        CliRun r = CliRun.of("import-results", "--db", db, csv.toString());
        assertEquals(2, r.exit());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: " + csv + ":3: distance_private is not a number"), r.err());

        CliRun skipped = CliRun.of("import-results", "--db", db, csv.toString(), "--skip-bad-rows");
        assertEquals(0, skipped.exit(), skipped.err());
        assertTrue(skipped.out().contains("skipped " + csv + ":3:"), skipped.out());

        CliRun missing = CliRun.of("analyze", "--db", dir.resolve("nope.db").toString(), "--leaderboard", "public");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("nope.db: no such workspace"), missing.err());
        assertFalse(Files.exists(dir.resolve("nope.db")), "a read-only command created a workspace");

        CliRun unknown = CliRun.of("verdict", "--db", db, "--submission", "999", "--set", "legit");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("no submission '999'"), unknown.err());
    }

    @Test
    void exportAndAnalyzeRefuseAnotherApplicationsDatabaseUntouched() throws Exception {
        // issue #11: a read-only export on another application's SQLite file added eleven tables to it
        Path other = dir.resolve("browser-history.sqlite");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + other);
                java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE TABLE visits (url TEXT, at INTEGER)");
        }
        byte[] before = Files.readAllBytes(other);
        CliRun exported = CliRun.of("export", "--db", other.toString(), "--leaderboard", "public", "--format", "csv",
                "--out", dir.resolve("x.csv").toString());
        CliRun analyzed = CliRun.of("analyze", "--db", other.toString(), "--leaderboard", "public");
        for (CliRun r : List.of(exported, analyzed)) {
            assertEquals(2, r.exit(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("browser-history.sqlite: not a workbench workspace"), r.err());
        }
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(other)), "the foreign file was changed");
        assertFalse(Files.exists(dir.resolve("x.csv")));
    }

    @Test
    void genericFormatTakesAColumnMapping() throws Exception {
        Path csv = dir.resolve("pipeline.csv");
        Files.writeString(csv, "name,fid,dist\nA,30,0.3\nB,20,0.05\n");
        String db = dir.resolve("w.db").toString();
        CliRun r = CliRun.of("import-results", "--db", db, csv.toString(), "--format", "generic", "--map", "name=team",
                "--map", "fid=fid_public", "--map", "dist=distance_public");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("imported 2 of 2 rows"), r.out());
        CliRun bad = CliRun.of("import-results", "--db", db, csv.toString(), "--format", "generic", "--map", "fid=speed");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("unknown field 'speed'"), bad.err());
    }
}
