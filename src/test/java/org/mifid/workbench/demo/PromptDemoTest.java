package org.mifid.workbench.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.core.Board;
import org.mifid.workbench.core.CountingProgress;
import org.mifid.workbench.kind.CompetitionKind;
import org.mifid.workbench.review.KindBoard;
import org.mifid.workbench.store.BoardRow;
import org.mifid.workbench.store.Workspace;

/**
 * A small Emoji to Prompt demo built end to end: the real embedder, the kind's own create and score, a real
 * workspace. The ranking must agree with what each team was built to be.
 */
class PromptDemoTest {

    @Test
    void rankingAgreesWithWhatEachTeamIs(@TempDir Path dir) throws Exception {
        PromptDemo demo = new PromptDemo(dir.resolve("demo"), 40, 80);
        CountingProgress progress = CountingProgress.counting();
        try (Workspace ws = demo.open(progress)) {
            assertTrue(progress.updates() > 20, "progress was reported");
            assertFalse(Files.exists(dir.resolve("demo/prompt-demo.db.building")));
            assertEquals(PromptDemo.KIND, CompetitionKind.of(ws).id());
            assertEquals(40, ws.truth().size());
            assertTrue(ws.truth().stream().allMatch(t -> t.text() != null && !t.text().isBlank()));
            assertTrue(Files.isRegularFile(Path.of(ws.competition().images()).resolve(ws.truth().get(0).id()
                    + ".png")), "the images are there for display");
            // the bank: 80 other emoji's prompts and, verbatim, a quarter of the 40 true ones
            List<String> bank = Files.readAllLines(demo.bankFile());
            assertEquals(1 + 80 + 10, bank.size());
            Set<String> truth = ws.truth().stream().map(t -> t.text()).collect(Collectors.toSet());
            assertEquals(10, bank.stream().filter(line -> truth.contains(unquoted(line))).count());

            Map<String, String> labels = new HashMap<>();
            PromptDemo.roster().forEach(e -> labels.put(e.team(), e.label()));
            for (Board board : Board.values()) {
                // ranked as the demo command, analyze and export rank it
                List<BoardRow> rows = KindBoard.of(ws, CompetitionKind.of(ws), board).rows().stream()
                        .map(KindBoard.Ranked::row).toList();
                assertEquals(12, rows.size());
                rows.forEach(r -> assertEquals(labels.get(r.submission().team()), r.submission().label()));
                List<String> ranked = rows.stream().map(r -> r.submission().label()).toList();
                assertEquals("near-perfect", ranked.get(0), board + ": " + ranked);
                assertEquals(Set.of("zero-vector-bug", "random"), Set.copyOf(ranked.subList(10, 12)),
                        board + ": " + ranked);
                assertTrue(ranked.indexOf("bank-copy") < ranked.indexOf("keyword-only"), board + ": " + ranked);
                assertTrue(ranked.indexOf("mean-vector") < ranked.indexOf("template-caption"), board + ": " + ranked);
                BoardRow zero = rows.stream().filter(r -> r.submission().label().equals("zero-vector-bug"))
                        .findFirst().orElseThrow();
                assertTrue(zero.score().figure("zero_vectors") >= 0.8 * zero.score().figure("n_images"),
                        "the zero vectors are counted");
            }
        }
    }

    private static String unquoted(String line) {
        String prompt = line.substring(line.indexOf(',') + 1);
        return prompt.startsWith("\"") ? prompt.substring(1, prompt.length() - 1).replace("\"\"", "\"") : prompt;
    }
}
