package org.mifid.workbench.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.mifid.workbench.core.Verdict;
import org.mifid.workbench.store.LeaderboardRow;

/**
 * Where to draw the memorization line, proposed from what the workspace knows. A submission is judged
 * legitimate by a legit verdict or, without a deciding verdict, by the 2019 inspection label {@code non-mem}; a
 * memorizer by a cheater verdict or any other label; everything else is unjudged. Flagging is strict: a
 * submission is flagged when its distance is below the threshold.
 *
 * <ul>
 *   <li>{@code first-legitimate}: the 2019 organizers' rule, "find the first place where the method is legitimate
 *   and draw the line there": the smallest distance of a legitimate submission, so nothing judged legitimate is
 *   flagged.</li>
 *   <li>{@code min-cost}: the threshold that minimises cost x (legitimate flagged) + (memorizers not flagged); of
 *   equal costs the lowest threshold (the fewest flagged).</li>
 *   <li>{@code no-labels}: a guess from the distances alone, the middle of the widest gap between consecutive
 *   distances in the lower half of the distribution, where memorizers separate from the rest.</li>
 * </ul>
 */
public final class ThresholdSuggestions {
    /** The cost of flagging a legitimate submission, against 1 for a memorizer left unflagged. */
    public static final double DEFAULT_COST_RATIO = 10;

    private ThresholdSuggestions() {
    }

    /** How a submission stands for these rules. */
    public enum Judgement { LEGITIMATE, MEMORIZER, UNJUDGED }

    /**
     * One proposed threshold and what it would flag.
     *
     * @param threshold the proposal, or NaN when the rule has nothing to go on ({@code reason} says why)
     * @param parameters the rule's parameters as recorded in the threshold history, e.g. {@code cost-ratio=10}
     * @param guess true for a proposal made without any judgement
     */
    public record Suggestion(String rule, double threshold, String parameters, int flagged, int flaggedMemorizers,
                             int flaggedLegitimate, int flaggedUnjudged, boolean guess, String reason) {

        public boolean applicable() {
            return !Double.isNaN(threshold);
        }

        /** The rule and its parameters, as the threshold history records them when the suggestion is applied. */
        public String ruleWithParameters() {
            return rule + (parameters.isEmpty() ? "" : " (" + parameters + ")");
        }
    }

    public static Judgement judgement(LeaderboardRow row) {
        Verdict verdict = row.currentVerdict();
        if (verdict == Verdict.LEGIT) {
            return Judgement.LEGITIMATE;
        }
        if (verdict == Verdict.CHEATER) {
            return Judgement.MEMORIZER;
        }
        if (row.submission().labelledClean()) {
            return Judgement.LEGITIMATE;
        }
        return row.submission().labelledMemorizer() ? Judgement.MEMORIZER : Judgement.UNJUDGED;
    }

    /** The three rules on a leaderboard's rows; submissions without a finite distance are left out. */
    public static List<Suggestion> suggest(List<LeaderboardRow> rows, double costRatio) {
        if (!(costRatio > 0) || Double.isInfinite(costRatio)) {
            throw new IllegalArgumentException("the cost ratio must be a positive number, not " + costRatio);
        }
        List<LeaderboardRow> finite = rows.stream().filter(r -> Double.isFinite(r.score().distance())).toList();
        return List.of(firstLegitimate(finite), minCost(finite, costRatio), noLabels(finite));
    }

    static Suggestion firstLegitimate(List<LeaderboardRow> rows) {
        double threshold = rows.stream().filter(r -> judgement(r) == Judgement.LEGITIMATE)
                .mapToDouble(r -> r.score().distance()).min().orElse(Double.NaN);
        return counted("first-legitimate", threshold, "", rows, false,
                Double.isNaN(threshold) ? "no submission is judged legitimate yet" : null);
    }

    static Suggestion minCost(List<LeaderboardRow> rows, double costRatio) {
        String parameters = String.format(Locale.ROOT, "cost-ratio=%s", trim(costRatio));
        boolean judged = rows.stream().anyMatch(r -> judgement(r) != Judgement.UNJUDGED);
        if (!judged) {
            return counted("min-cost", Double.NaN, parameters, rows, false, "no submission is judged yet");
        }
        // the flagged set changes only at a distance: sweep each distinct one in ascending order, then one above
        // the largest (everything flagged); O(n log n), so 37,000 submissions take milliseconds
        List<LeaderboardRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingDouble(r -> r.score().distance()));
        double legitimateFlagged = 0;
        double memorizersLeft = sorted.stream().filter(r -> judgement(r) == Judgement.MEMORIZER).count();
        double best = Double.NaN;
        double bestCost = Double.POSITIVE_INFINITY;
        int i = 0;
        while (i <= sorted.size()) {
            double t = i < sorted.size() ? sorted.get(i).score().distance()
                    : Math.nextUp(sorted.get(sorted.size() - 1).score().distance());
            double cost = costRatio * legitimateFlagged + memorizersLeft;
            if (cost < bestCost) {
                bestCost = cost;
                best = t;
            }
            if (i == sorted.size()) {
                break;
            }
            // everything at this distance becomes flagged for the next candidate
            while (i < sorted.size() && sorted.get(i).score().distance() == t) {
                Judgement j = judgement(sorted.get(i++));
                legitimateFlagged += j == Judgement.LEGITIMATE ? 1 : 0;
                memorizersLeft -= j == Judgement.MEMORIZER ? 1 : 0;
            }
        }
        return counted("min-cost", best, parameters, rows, false, null);
    }

    static Suggestion noLabels(List<LeaderboardRow> rows) {
        double[] d = rows.stream().mapToDouble(r -> r.score().distance()).sorted().toArray();
        if (d.length < 3) {
            return counted("no-labels", Double.NaN, "", rows, true, "too few submissions to see a gap");
        }
        int half = Math.max(2, (d.length + 1) / 2);
        double widest = -1;
        double threshold = Double.NaN;
        for (int i = 0; i + 1 < half; i++) {
            double gap = d[i + 1] - d[i];
            if (gap > widest) {
                widest = gap;
                threshold = d[i] + gap / 2;
            }
        }
        return counted("no-labels", widest > 0 ? threshold : Double.NaN, "", rows, true,
                widest > 0 ? null : "the lower half of the distances has no gap");
    }

    private static Suggestion counted(String rule, double threshold, String parameters, List<LeaderboardRow> rows,
                                      boolean guess, String reason) {
        int flagged = 0;
        int memorizers = 0;
        int legitimate = 0;
        int unjudged = 0;
        if (!Double.isNaN(threshold)) {
            for (LeaderboardRow r : rows) {
                if (r.score().distance() < threshold) {
                    flagged++;
                    switch (judgement(r)) {
                        case MEMORIZER -> memorizers++;
                        case LEGITIMATE -> legitimate++;
                        case UNJUDGED -> unjudged++;
                    }
                }
            }
        }
        return new Suggestion(rule, threshold, parameters, flagged, memorizers, legitimate, unjudged, guess, reason);
    }

    /**
     * The inspection queue of a proposed line: the unjudged submissions nearest to it (either side), nearest
     * first, at most {@code limit}.
     */
    public static List<LeaderboardRow> inspectionQueue(List<LeaderboardRow> rows, double threshold, int limit) {
        List<LeaderboardRow> unjudged = new ArrayList<>();
        for (LeaderboardRow r : rows) {
            if (judgement(r) == Judgement.UNJUDGED && Double.isFinite(r.score().distance())) {
                unjudged.add(r);
            }
        }
        unjudged.sort(Comparator.comparingDouble((LeaderboardRow r) -> Math.abs(r.score().distance() - threshold))
                .thenComparingLong(r -> r.submission().id()));
        return List.copyOf(unjudged.subList(0, Math.min(limit, unjudged.size())));
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
