package org.mifid.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /** The ground-truth label of each ranked line, in rank order. */
    private static List<String> rankedLabels(String out) {
        // rank, team, Score, Images, ZeroVectors, NearExact, then "label: description"
        Pattern line = Pattern.compile("\\s*\\d+\\s+.+?\\s+-?[\\d.]+\\s+\\d+\\s+\\d+\\s+[\\d.]+\\s+([a-z-]+): .*");
        return out.lines().map(line::matcher).filter(Matcher::matches).map(m -> m.group(1)).toList();
    }
}
