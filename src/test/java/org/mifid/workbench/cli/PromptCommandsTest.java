package org.mifid.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.prompts.GoldenData;

/** embed-prompts and score-prompts driven through the real command line. */
class PromptCommandsTest {
    @TempDir
    Path dir;

    @Test
    void embeddedPromptsScoreOneAgainstTheHostsEmbeddingsAndTheCacheServesTheSecondRun() throws Exception {
        Path prompts = GoldenData.file("host-prompts.csv");
        Path ours = dir.resolve("ours.csv");
        CliRun embed = CliRun.of("embed-prompts", "--prompts", prompts.toString(), "--out", ours.toString());
        assertEquals(0, embed.exit(), embed.err());
        String first = Files.readAllLines(ours).get(1);
        // at least 9 significant digits
        assertTrue(first.split(",")[1].replaceAll("[^0-9]", "").replaceFirst("^0+", "").length() >= 9, first);

        for (String truth : List.of(prompts.toString(), GoldenData.file("host-embeddings.csv").toString())) {
            CliRun run = CliRun.of("score-prompts", "--truth", truth, "--submission", ours.toString(),
                    "--public-fraction", "0.34", "--seed", "7", "--json");
            assertEquals(0, run.exit(), run.err());
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertEquals(1.0, json.get("score").asDouble(), 1e-6);
            assertEquals(1.0, json.get("public").asDouble(), 1e-6);
            assertEquals(1.0, json.get("private").asDouble(), 1e-6);
            assertEquals(3, json.get("n_images").asInt());
            assertEquals(0, json.get("zero_vectors").asInt());
            assertEquals(1.0, json.get("near_exact_share").asDouble());
            assertTrue(json.get("baseline_public").asDouble() < 0.9);
        }
        // predicted prompts are embedded by the workbench: the same prompts score 1
        CliRun asPrompts = CliRun.of("score-prompts", "--truth", GoldenData.file("host-embeddings.csv").toString(),
                "--submission", prompts.toString(), "--json", "--bank", prompts.toString(), "--per-image");
        assertEquals(0, asPrompts.exit(), asPrompts.err());
        JsonNode json = new ObjectMapper().readTree(asPrompts.out());
        assertEquals(1.0, json.get("score").asDouble(), 1e-6);
        assertEquals(1.0, json.get("truth_in_bank_share").asDouble());
        assertEquals(1.0, json.get("images").get(0).get("nearest_bank_cosine").asDouble(), 1e-6);
    }

    /** Random truth for three images and a submission that copies two of them and has a zero vector. */
    private Path truth() throws Exception {
        Random random = new Random(1);
        StringBuilder t = new StringBuilder("imgId_eId,val\n");
        for (String id : List.of("a1", "b2", "c3")) {
            for (int d = 0; d < 384; d++) {
                t.append(id).append('_').append(d).append(',')
                        .append(String.format(Locale.ROOT, "%.9g", random.nextGaussian())).append('\n');
            }
        }
        Path truth = dir.resolve("truth.csv");
        Files.writeString(truth, t);
        return truth;
    }

    private Path submission(String name, String edit) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("truth.csv")));
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).startsWith("c3_")) {
                lines.set(i, lines.get(i).replaceFirst(",.*", ",0"));
            }
        }
        String text = String.join("\n", lines) + "\n";
        if (edit != null) {
            // the line that starts with the text before "=>" becomes the text after it
            text = text.replaceFirst("(?m)^" + java.util.regex.Pattern.quote(edit.split("=>", -1)[0]) + ".*$",
                    java.util.regex.Matcher.quoteReplacement(edit.split("=>", -1)[1]));
        }
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aZeroVectorScoresZeroAndIsCounted() throws Exception {
        Path truth = truth();
        CliRun run = CliRun.of("score-prompts", "--truth", truth.toString(), "--submission",
                submission("s.csv", null).toString(), "--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(2.0 / 3, json.get("score").asDouble(), 1e-9);
        assertEquals(1, json.get("zero_vectors").asInt());
    }

    @Test
    void badSubmissionsExitTwoWithTheLineAndTheProblem() throws Exception {
        Path truth = truth();
        String[][] cases = {
            {"a1_5,=>a1_5,abc", "s.csv:7: value 'abc' is not a number"},
            {"a1_5,=>a1_5,NaN", "s.csv:7: value 'NaN' is not finite"},
            {"a1_5,=>a1_5,Infinity", "s.csv:7: value 'Infinity' is not finite"},
            {"a1_5,=>a1_4,0.5", "s.csv:7: duplicate row for image a1, eId 4"},
            {"a1_5,=>a1_384,0.5", "s.csv:7: eId 384 out of range 0..383"},
            {"a1_5,=>a1_,0.5", "s.csv:7: eId missing in 'a1_'"},
            {"a1_5,=>zz_5,0.5", "s.csv:7: unknown image id 'zz'"},
            {"imgId_eId,val=>id,val", "s.csv:1: header must be 'imgId_eId,val'"},
        };
        for (String[] c : cases) {
            CliRun run = CliRun.of("score-prompts", "--truth", truth.toString(), "--submission",
                    submission("s.csv", c[0]).toString());
            assertEquals(2, run.exit(), c[0] + ": " + run.err());
            assertTrue(run.err().contains(c[1]), c[0] + ": " + run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
        }
        Path missing = dir.resolve("missing.csv");
        Files.writeString(missing, Files.readString(submission("s.csv", null)).replaceAll("(?m)^b2_.*\n", ""));
        CliRun run = CliRun.of("score-prompts", "--truth", truth.toString(), "--submission", missing.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("missing image id b2"), run.err());
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");
        run = CliRun.of("score-prompts", "--truth", truth.toString(), "--submission", empty.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("empty.csv: empty file"), run.err());
        Path gap = dir.resolve("gap.csv");
        Files.writeString(gap, Files.readString(submission("s.csv", null)).replaceAll("(?m)^b2_17,.*\n", ""));
        run = CliRun.of("score-prompts", "--truth", truth.toString(), "--submission", gap.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("image b2 has no row for eId 17"), run.err());
    }
}
