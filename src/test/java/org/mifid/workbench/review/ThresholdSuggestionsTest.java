package org.mifid.workbench.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.Submission;
import org.mifid.workbench.core.Verdict;
import org.mifid.workbench.core.VerdictEntry;
import org.mifid.workbench.review.ThresholdSuggestions.Suggestion;
import org.mifid.workbench.store.LeaderboardRow;
import org.mifid.workbench.store.SubmissionScore;

/** The rules' definitions on small hand-made leaderboards, each count checked by hand. */
class ThresholdSuggestionsTest {

    /** A submission at {@code distance}: label {@code non-mem}, {@code mem}, or null; verdict or null. */
    private static LeaderboardRow row(long id, double distance, String label, Verdict verdict) {
        Submission s = new Submission(id, null, "team " + id, "s" + id + ".zip", null, "c" + id, null, 0, label);
        SubmissionScore score = new SubmissionScore(id, LeaderboardPreset.PRIVATE, 50, distance, 0.25,
                distance < 0.25 ? distance : 1, 50, "x", 0, null);
        VerdictEntry v = verdict == null ? null
                : new VerdictEntry(id, verdict, null, "ann", null, LeaderboardPreset.PRIVATE, 0.25);
        return new LeaderboardRow(s, score, v);
    }

    private static Suggestion rule(List<LeaderboardRow> rows, String rule) {
        return ThresholdSuggestions.suggest(rows, ThresholdSuggestions.DEFAULT_COST_RATIO).stream()
                .filter(x -> x.rule().equals(rule)).findFirst().orElseThrow();
    }

    @Test
    void firstLegitimateDrawsTheLineAtTheLowestLegitimateAndFlagsStrictlyBelow() {
        List<LeaderboardRow> rows = List.of(row(1, 0.01, "mem", null), row(2, 0.02, null, null),
                row(3, 0.05, "mem", null), row(4, 0.05, "non-mem", null), row(5, 0.20, "non-mem", null),
                row(6, 0.03, null, Verdict.LEGIT), row(7, 0.30, null, null));
        Suggestion x = rule(rows, "first-legitimate");
        // the verdict of 6 judges it legitimate: the line is at its distance, 0.03
        assertEquals(0.03, x.threshold());
        assertEquals(2, x.flagged(), "1 and 2 lie below 0.03");
        assertEquals(1, x.flaggedMemorizers());
        assertEquals(0, x.flaggedLegitimate(), "nothing judged legitimate is flagged");
        assertEquals(1, x.flaggedUnjudged(), "2 is unjudged below the line: the next to inspect");
    }

    @Test
    void tiesAtTheLineAreNotFlagged() {
        List<LeaderboardRow> rows = List.of(row(1, 0.04, "mem", null), row(2, 0.04, "non-mem", null),
                row(3, 0.01, "mem", null));
        Suggestion x = rule(rows, "first-legitimate");
        assertEquals(0.04, x.threshold());
        assertEquals(1, x.flagged(), "the memorizer tied with the legitimate one stays unflagged");
    }

    @Test
    void withoutALegitimateSubmissionTheRuleSaysSo() {
        List<LeaderboardRow> rows = List.of(row(1, 0.01, "mem", null), row(2, 0.2, null, Verdict.CHEATER));
        Suggestion x = rule(rows, "first-legitimate");
        assertFalse(x.applicable());
        assertEquals(0, x.flagged());
        assertTrue(x.reason().contains("legitimate"), x.reason());
        // min-cost flags both memorizers: above the largest distance
        Suggestion cost = rule(rows, "min-cost");
        assertEquals(2, cost.flagged());
        assertEquals(2, cost.flaggedMemorizers());
        assertTrue(cost.threshold() > 0.2);
    }

    @Test
    void allLegitimateFlagsNothing() {
        List<LeaderboardRow> rows = List.of(row(1, 0.1, "non-mem", null), row(2, 0.2, "non-mem", null));
        assertEquals(0.1, rule(rows, "first-legitimate").threshold());
        assertEquals(0, rule(rows, "first-legitimate").flagged());
        Suggestion cost = rule(rows, "min-cost");
        assertEquals(0, cost.flagged());
        assertEquals(0.1, cost.threshold(), "the lowest threshold of the least cost");
    }

    @Test
    void minCostWeighsALegitimateFlagAgainstMissedMemorizers() {
        // memorizers at 0.01, 0.02, 0.03; a legitimate one at 0.025; another legitimate far away
        List<LeaderboardRow> rows = List.of(row(1, 0.01, "mem", null), row(2, 0.02, "mem", null),
                row(3, 0.03, "mem", null), row(4, 0.025, "non-mem", null), row(5, 0.3, "non-mem", null));
        // cost ratio 10: flagging 4 costs 10 > missing 3 (1): the line stops below 0.025
        Suggestion careful = ThresholdSuggestions.suggest(rows, 10).get(1);
        assertEquals("min-cost", careful.rule());
        assertEquals(0.025, careful.threshold());
        assertEquals(2, careful.flagged());
        assertEquals("cost-ratio=10", careful.parameters());
        // cost ratio 0.5: flagging 4 costs 0.5 < missing 3 (1): the line moves past 0.03
        Suggestion bold = ThresholdSuggestions.suggest(rows, 0.5).get(1);
        assertTrue(bold.threshold() > 0.03 && bold.threshold() <= 0.3, "threshold " + bold.threshold());
        assertEquals(4, bold.flagged());
        assertEquals(1, bold.flaggedLegitimate());
        assertEquals("cost-ratio=0.5", bold.parameters());
    }

    @Test
    void noLabelsFindsTheWidestGapInTheLowerHalfAndSaysItIsAGuess() {
        List<LeaderboardRow> rows = new ArrayList<>();
        double[] d = {0.001, 0.002, 0.003, 0.08, 0.09, 0.10, 0.11, 0.12, 0.13, 0.5};
        for (int i = 0; i < d.length; i++) {
            rows.add(row(i + 1, d[i], null, null));
        }
        Suggestion x = rule(rows, "no-labels");
        assertTrue(x.guess());
        assertEquals((0.003 + 0.08) / 2, x.threshold(), 1e-15);
        assertEquals(3, x.flagged());
        assertEquals(3, x.flaggedUnjudged());
        assertFalse(rule(rows, "min-cost").applicable(), "min-cost needs judgements");
    }

    @Test
    void theInspectionQueueIsTheUnjudgedNearestTheLine() {
        List<LeaderboardRow> rows = List.of(row(1, 0.09, null, null), row(2, 0.2, null, null),
                row(3, 0.101, null, null), row(4, 0.1, "mem", null), row(5, 0.05, null, Verdict.LEGIT));
        List<Long> queue = ThresholdSuggestions.inspectionQueue(rows, 0.1, 2).stream()
                .map(r -> r.submission().id()).toList();
        assertEquals(List.of(3L, 1L), queue);
    }
}
