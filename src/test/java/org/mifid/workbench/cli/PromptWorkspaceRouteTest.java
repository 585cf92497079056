package org.mifid.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.core.Board;
import org.mifid.workbench.core.TruthItem;
import org.mifid.workbench.prompts.PromptEmbedder;
import org.mifid.workbench.store.Workspace;

/** The image-to-prompt workspace route end to end: create the competition, score submissions, analyze, export. */
class PromptWorkspaceRouteTest {
    private static final int DIM = 384;
    private static final int IMAGES = 10;

    @TempDir
    Path dir;

    private final float[][] truth = new float[IMAGES][DIM];

    PromptWorkspaceRouteTest() {
        Random random = new Random(11);
        for (float[] v : truth) {
            for (int d = 0; d < DIM; d++) {
                v[d] = (float) random.nextGaussian();
            }
        }
    }

    private static String id(int i) {
        return "img" + Integer.toHexString(0xa0 + i);
    }

    /** A file in the submission format; {@code value} gives each image's vector component. */
    private Path embeddings(String name, BiFunction<Integer, Integer, Float> value) throws Exception {
        StringBuilder sb = new StringBuilder("imgId_eId,val\n");
        for (int i = 0; i < IMAGES; i++) {
            for (int d = 0; d < DIM; d++) {
                sb.append(id(i)).append('_').append(d).append(',').append(value.apply(i, d)).append('\n');
            }
        }
        Path file = dir.resolve(name);
        Files.writeString(file, sb);
        return file;
    }

    private static double cosine(double[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int d = 0; d < DIM; d++) {
            dot += a[d] * b[d];
            na += a[d] * a[d];
            nb += (double) b[d] * b[d];
        }
        return dot / Math.sqrt(na * nb);
    }

    @Test
    void createScoreAnalyzeAndExportAnImageToPromptCompetition() throws Exception {
        Path truthFile = embeddings("truth.csv", (i, d) -> truth[i][d]);
        String db = dir.resolve("prompts.db").toString();
        Path images = Files.createDirectory(dir.resolve("images"));
        CliRun created = CliRun.of("create-competition", "--kind", "image-to-prompt", "--truth", truthFile.toString(),
                "--images", images.toString(), "--public-fraction", "0.3", "--seed", "7", "--db", db);
        assertEquals(0, created.exit(), created.err());
        assertTrue(created.out().contains("10 images (3 public)"), created.out());

        // scaled copies score exactly 1 (length does not matter); the other team negates images 0-4 and sends
        // a zero vector for image 9
        Path perfect = embeddings("perfect.csv", (i, d) -> truth[i][d] * 3);
        Path half = embeddings("half.csv", (i, d) -> i == 9 ? 0f : i < 5 ? -truth[i][d] : truth[i][d]);
        assertEquals(0, CliRun.of("score-submission", "--db", db, "--submission", perfect.toString(), "--team",
                "Perfect").exit());
        CliRun scored = CliRun.of("score-submission", "--db", db, "--submission", half.toString(), "--team", "Half");
        assertEquals(0, scored.exit(), scored.err());

        Map<String, Board> boards = new HashMap<>();
        try (Workspace ws = Workspace.openReadOnly(Path.of(db))) {
            assertEquals("image-to-prompt", ws.competition().kind());
            assertEquals(images.toAbsolutePath().toString(), ws.competition().images());
            assertEquals(0.3, ws.competition().publicFraction());
            for (TruthItem t : ws.truth()) {
                boards.put(t.id(), t.board());
            }
        }
        // the mean-vector baseline, computed here from the true vectors as the 2023 host's trivial answer would be
        double[] mean = new double[DIM];
        for (float[] v : truth) {
            for (int d = 0; d < DIM; d++) {
                mean[d] += v[d] / (double) IMAGES;
            }
        }
        for (Board board : Board.values()) {
            double sum = 0;
            int n = 0;
            int zeros = 0;
            int exact = 0;
            double baseline = 0;
            for (int i = 0; i < IMAGES; i++) {
                if (boards.get(id(i)) == board) {
                    sum += i == 9 ? 0 : i < 5 ? -1 : 1;
                    zeros += i == 9 ? 1 : 0;
                    exact += i >= 5 && i < 9 ? 1 : 0;
                    baseline += cosine(mean, truth[i]);
                    n++;
                }
            }
            baseline /= n;
            CliRun analyzed = CliRun.of("analyze", "--db", db, "--leaderboard", board.id(), "--json");
            assertEquals(0, analyzed.exit(), analyzed.err());
            JsonNode json = new ObjectMapper().readTree(analyzed.out());
            assertEquals("image-to-prompt", json.get("kind").asText());
            JsonNode rows = json.get("rows");
            assertEquals("Perfect", rows.get(0).get("team").asText());
            assertEquals(1.0, rows.get(0).get("score").asDouble(), 1e-6);
            assertEquals("Half", rows.get(1).get("team").asText());
            assertEquals(sum / n, rows.get(1).get("score").asDouble(), 1e-6, board.id());
            assertEquals(n, rows.get(1).get("n_images").asInt());
            assertEquals(zeros, rows.get(1).get("zero_vectors").asInt());
            assertEquals(1.0, rows.get(0).get("near_exact").asDouble(), 1e-12);
            assertEquals((double) exact / n, rows.get(1).get("near_exact").asDouble(), 1e-12, board.id());
            assertEquals(baseline, json.get("baseline").asDouble(), 1e-9, board.id());
            assertFalse(rows.get(0).get("below_baseline").asBoolean());
            assertEquals(sum / n < baseline, rows.get(1).get("below_baseline").asBoolean(), board.id());
            CliRun text = CliRun.of("analyze", "--db", db, "--leaderboard", board.id());
            long below = sum / n < baseline ? 1 : 0;
            assertTrue(text.out().contains(String.format(Locale.ROOT, "mean-vector baseline %.6f: %d submission%s below"
                    + " it", baseline, below, below == 1 ? "" : "s")), text.out());
        }

        Path out = dir.resolve("private.csv");
        CliRun exported = CliRun.of("export", "--db", db, "--leaderboard", "private", "--format", "csv", "--out",
                out.toString());
        assertEquals(0, exported.exit(), exported.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("Rank,TeamName,SubmissionId,WorkspaceId,Score,Images,ZeroVectors,NearExact,BelowBaseline,"
                + "Disqualified,Verdict,Note,Reviewer", lines.get(0));
        assertTrue(lines.get(1).startsWith("1,Perfect,,1,1.000000,7,0,1.0000,false,false,none"), lines.get(1));
        CliRun text = CliRun.of("analyze", "--db", db, "--leaderboard", "private");
        assertTrue(text.out().contains("private leaderboard (Image to prompt"), text.out());
    }

    @Test
    void migrationSevenFillsTheNearExactShareOfScoresStoredBeforeIt() throws Exception {
        Path truthFile = embeddings("truth.csv", (i, d) -> truth[i][d]);
        Path db = dir.resolve("old.db");
        assertEquals(0, CliRun.of("create-competition", "--kind", "image-to-prompt", "--truth", truthFile.toString(),
                "--db", db.toString()).exit());
        Path half = embeddings("half.csv", (i, d) -> i < 5 ? -truth[i][d] : truth[i][d]);
        assertEquals(0, CliRun.of("score-submission", "--db", db.toString(), "--submission", half.toString(), "--team",
                "Half").exit());
        Map<Board, Double> stored = new HashMap<>();
        try (Workspace ws = Workspace.openReadOnly(db)) {
            for (Board b : Board.values()) {
                stored.put(b, ws.boardRows(b).get(0).score().figure("near_exact"));
            }
        }
        // the workspace as release 6 wrote it: no near-exact figure
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                java.sql.Statement st = c.createStatement()) {
            assertEquals(2, st.executeUpdate("DELETE FROM score_figure WHERE name = 'near_exact'"));
            st.execute("PRAGMA user_version = 6");
        }
        try (Workspace ws = Workspace.open(db)) {
            for (Board b : Board.values()) {
                assertEquals(stored.get(b), ws.boardRows(b).get(0).score().figure("near_exact"), 1e-12, b.id());
            }
        }
        // images 5-9 are exact, 0-4 negated: half of all images, spread over the two boards by the split
        assertEquals(0.5, (2 * stored.get(Board.PUBLIC) + 8 * stored.get(Board.PRIVATE)) / IMAGES, 1e-12);
    }

    @Test
    void aCompetitionFromPromptsScoresPredictedPromptsAndKeepsTheirText() throws Exception {
        List<String> prompts = List.of("a corgi surfing a wave at sunset", "an oil painting of a lighthouse in a storm",
                "a bowl of ramen, studio lighting", "a robot reading a newspaper on a bench",
                "a watercolor map of an imaginary island");
        StringBuilder truthCsv = new StringBuilder("imgId,prompt\n");
        StringBuilder predictedCsv = new StringBuilder("imgId,prompt\n");
        for (int i = 0; i < prompts.size(); i++) {
            truthCsv.append(id(i)).append(",\"").append(prompts.get(i)).append("\"\n");
            predictedCsv.append(id(i)).append(",\"").append(i < 3 ? prompts.get(i) : "a photo of a cat").append("\"\n");
        }
        Path truthFile = Files.writeString(dir.resolve("prompts.csv"), truthCsv);
        Path predicted = Files.writeString(dir.resolve("predicted.csv"), predictedCsv);
        String db = dir.resolve("w.db").toString();
        CliRun created = CliRun.of("create-competition", "--kind", "image-to-prompt", "--truth", truthFile.toString(),
                "--public-fraction", "0.4", "--db", db);
        assertEquals(0, created.exit(), created.err());
        CliRun scored = CliRun.of("score-submission", "--db", db, "--submission", predicted.toString(), "--team", "P");
        assertEquals(0, scored.exit(), scored.err());
        try (Workspace ws = Workspace.openReadOnly(Path.of(db)); PromptEmbedder embedder = PromptEmbedder.open()) {
            List<TruthItem> truthItems = ws.truth();
            assertEquals(prompts.get(1), truthItems.get(1).text());
            // the stored truth is the embedder's own output, computed once at creation
            org.junit.jupiter.api.Assertions.assertArrayEquals(embedder.embed(prompts.get(1)),
                    truthItems.get(1).vector());
            Map<String, org.mifid.workbench.core.ItemEvidence> evidence = new HashMap<>();
            for (Board board : Board.values()) {
                ws.itemEvidence(1, board).forEach(e -> evidence.put(e.item(), e));
            }
            assertEquals(prompts.size(), evidence.size());
            for (int i = 0; i < prompts.size(); i++) {
                org.mifid.workbench.core.ItemEvidence e = evidence.get(id(i));
                if (i < 3) {
                    assertEquals(1.0, e.value(), 1e-6, id(i));
                    assertEquals(prompts.get(i), e.detail());
                } else {
                    assertTrue(e.value() < 0.5, id(i) + ": " + e.value());
                    assertEquals("a photo of a cat", e.detail());
                }
            }
        }
    }

    @Test
    void theSplitDependsOnTheSeedOnly() throws Exception {
        Path truthFile = embeddings("truth.csv", (i, d) -> truth[i][d]);
        Map<Long, List<Board>> splits = new HashMap<>();
        for (long seed : new long[] {1, 1, 2}) {
            Path db = dir.resolve("s" + seed + "-" + splits.size() + ".db");
            assertEquals(0, CliRun.of("create-competition", "--kind", "image-to-prompt", "--truth",
                    truthFile.toString(), "--seed", Long.toString(seed), "--db", db.toString()).exit());
            try (Workspace ws = Workspace.openReadOnly(db)) {
                List<Board> split = ws.truth().stream().map(TruthItem::board).toList();
                List<Board> earlier = splits.putIfAbsent(seed, split);
                if (earlier != null) {
                    assertEquals(earlier, split);
                }
                assertEquals(2, split.stream().filter(b -> b == Board.PUBLIC).count());
            }
        }
        assertFalse(splits.get(1L).equals(splits.get(2L)), "another seed, another split");
    }

    @Test
    void aMalformedSubmissionExitsTwoNamingTheLineAndStoresNothing() throws Exception {
        Path truthFile = embeddings("truth.csv", (i, d) -> truth[i][d]);
        String db = dir.resolve("w.db").toString();
        assertEquals(0, CliRun.of("create-competition", "--kind", "image-to-prompt", "--truth", truthFile.toString(),
                "--db", db).exit());
        String good = Files.readString(truthFile);
        Map<String, String> cases = new HashMap<>();
        cases.put(good.replace(id(3) + "_7,", id(3) + "_384,"), ":" + (3 * DIM + 9) + ": eId 384 out of range");
        cases.put(good.replace(id(3) + "_7,", "nope_7,"), ": unknown image id 'nope'");
        cases.put(good.replace(id(3) + "_7,", id(3) + "_6,"), ": duplicate row for image " + id(3) + ", eId 6");
        cases.put(good.replaceFirst("(" + id(2) + "_5,)[^\\n]*", "$1abc"),
                ":" + (2 * DIM + 7) + ": value 'abc' is not a number");
        cases.put(good.replaceFirst("(" + id(2) + "_5,)[^\\n]*", "$1NaN"), ": value 'NaN' is not finite");
        cases.put(good.replace("imgId_eId,val", "id,value"), ":1: header must be 'imgId_eId,val'");
        cases.put("", ": empty file");
        cases.put(good.substring(0, good.indexOf(id(9) + "_0,")), ": missing image id " + id(9));
        int n = 0;
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path bad = dir.resolve("bad" + n++ + ".csv");
            Files.writeString(bad, c.getKey());
            CliRun r = CliRun.of("score-submission", "--db", db, "--submission", bad.toString(), "--team", "x");
            assertEquals(2, r.exit(), c.getValue() + " / " + r.err());
            assertEquals(1, r.err().lines().filter(l -> l.startsWith("error:")).count(), r.err());
            assertTrue(r.err().contains("error: " + bad + ":"), r.err());
            assertTrue(r.err().contains(c.getValue()), String.format(Locale.ROOT, "%s%n%s", c.getValue(), r.err()));
        }
        try (Workspace ws = Workspace.openReadOnly(Path.of(db))) {
            assertEquals(0, ws.submissionCount());
        }
    }
}
