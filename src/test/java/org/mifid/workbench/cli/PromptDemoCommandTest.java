package org.mifid.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.core.Board;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.Verdict;
import org.mifid.workbench.core.VerdictEntry;
import org.mifid.workbench.demo.PromptDemo;
import org.mifid.workbench.export.HtmlReport;
import org.mifid.workbench.kind.CompetitionKind;
import org.mifid.workbench.review.EvidenceLine;
import org.mifid.workbench.review.KindBoard;
import org.mifid.workbench.store.Workspace;

/**
 * {@code demo --kind image-to-prompt} end to end at its real size: the Emoji to Prompt demo built from the packaged
 * emoji, printed through KindBoard, ranked as its teams were made (near-perfect first, the zero-vector bug and the
 * random vectors last), and printed again from the stored workspace on the second run.
 */
class PromptDemoCommandTest {
    @TempDir
    Path dir;

    private String data;

    @BeforeEach
    void ownDataFolder() {
        data = System.getProperty("mifid.data");
        System.setProperty("mifid.data", dir.toString());
    }

    @AfterEach
    void restoreDataFolder() {
        if (data == null) {
            System.clearProperty("mifid.data");
        } else {
            System.setProperty("mifid.data", data);
        }
    }

    @Test
    void buildsAndPrintsTheBoardRankedAsTheTeamsWereMade() {
        CliRun built = CliRun.of("demo", "--kind", "image-to-prompt", "--leaderboard", "private");
        assertEquals(0, built.exit(), built.err());
        assertTrue(built.out().contains("built the Emoji to Prompt demo"), built.out());
        List<String> ranked = rankedLabels(built.out());
        assertEquals(12, ranked.size(), built.out());
        assertEquals("near-perfect", ranked.get(0), built.out());
        assertEquals(Set.of("zero-vector-bug", "random"), Set.copyOf(ranked.subList(10, 12)), built.out());
        // the three bugs and the random team score under the truth's mean vector, the top three teams never do
        Matcher baseline = Pattern.compile("mean-vector baseline (0\\.\\d{6}): (\\d+) submissions below it")
                .matcher(built.out());
        assertTrue(baseline.find(), built.out());
        int below = Integer.parseInt(baseline.group(2));
        assertTrue(below >= 4 && below <= 9, built.out());

        CliRun again = CliRun.of("demo", "--kind", "image-to-prompt", "--leaderboard", "private");
        assertEquals(0, again.exit(), again.err());
        assertFalse(again.out().contains("built the"), again.out());
        assertEquals(ranked, rankedLabels(again.out()), "the stored demo prints the same board");

        CliRun unknown = CliRun.of("demo", "--kind", "nope");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("no demo of kind 'nope'"), unknown.err());
        assertEquals(1, unknown.err().strip().lines().count(), unknown.err());
    }

    @Test
    void theHtmlReportShowsTheScoresHistogramTheBaselineAndTheWorstItemsOfTheTeamsBelowIt() throws Exception {
        assertEquals(0, CliRun.of("demo", "--kind", "image-to-prompt").exit());
        Path db = PromptDemo.standard().workspaceFile();
        String hostile = "<script>alert(1)</script>";
        long judged;
        String truePrompt;
        try (Workspace ws = Workspace.open(db)) {
            KindBoard board = KindBoard.of(ws, CompetitionKind.of(ws), Board.PRIVATE);
            judged = board.rows().get(0).row().submission().id();
            ws.recordVerdicts(List.of(new VerdictEntry(judged, Verdict.CHEATER, hostile, "ann", Instant.now(),
                    LeaderboardPreset.PRIVATE, 0)));
            truePrompt = EvidenceLine.worstFirst(ws, CompetitionKind.of(ws), judged, Board.PRIVATE).get(0).truth();
        }
        Path out = dir.resolve("board.html");
        CliRun exported = CliRun.of("export", "--db", db.toString(), "--leaderboard", "private", "--format", "html",
                "--out", out.toString());
        assertEquals(0, exported.exit(), exported.err());
        String html = Files.readString(out);
        // every submission is in one bar of the histogram, and the baseline is drawn
        Matcher bar = Pattern.compile("<title>(\\d+) submissions in").matcher(html);
        int drawn = 0;
        while (bar.find()) {
            drawn += Integer.parseInt(bar.group(1));
        }
        assertEquals(12, drawn);
        assertTrue(html.contains("id=\"baseline-line\""), "the baseline line");
        assertTrue(html.contains("submissions below it"), "the baseline sentence");
        // the cheater is ranked last and gets a strip of its worst images with the true prompts, all escaped
        assertTrue(html.contains(HtmlReport.escape(hostile)) && !html.contains(hostile), "the note is escaped");
        assertTrue(html.contains("verdict: cheater"));
        assertTrue(html.contains("<b>true:</b> " + HtmlReport.escape(truePrompt)), "the worst item's true prompt");
        assertTrue(html.contains("src=\"data:image/png;base64,"), "the competition's images are inlined");
        assertFalse(html.contains("<script"), "no script of any kind");
    }

    /** The ground-truth label of each ranked line, in rank order. */
    private static List<String> rankedLabels(String out) {
        // rank, team, Score, Images, ZeroVectors, NearExact, then "label: description"
        Pattern line = Pattern.compile("\\s*\\d+\\s+.+?\\s+-?[\\d.]+\\s+\\d+\\s+\\d+\\s+[\\d.]+\\s+([a-z-]+): .*");
        return out.lines().map(line::matcher).filter(Matcher::matches).map(m -> m.group(1)).toList();
    }
}
