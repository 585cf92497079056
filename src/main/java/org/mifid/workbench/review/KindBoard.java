package org.mifid.workbench.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.mifid.workbench.core.Board;
import org.mifid.workbench.core.Verdict;
import org.mifid.workbench.kind.CompetitionKind;
import org.mifid.workbench.kind.ScoreColumn;
import org.mifid.workbench.store.BoardRow;
import org.mifid.workbench.store.Workspace;

/**
 * A board of any competition kind, ranked and ready to show: the kind's direction decides the order (higher
 * first for cosine scores), a submission whose current verdict is cheater is disqualified and ranks after every
 * other one (as on the MiFID boards), ties go to the earlier workspace id. The CLI's text and JSON and every
 * export of a kind without a tuned threshold read this one copy.
 */
public record KindBoard(CompetitionKind kind, Board board, List<Ranked> rows, OptionalDouble baseline) {

    /** One ranked line: its 1-based rank, its row, whether it is disqualified. */
    public record Ranked(int rank, BoardRow row, boolean disqualified) {
    }

    public static KindBoard of(Workspace workspace, CompetitionKind kind, Board board) {
        Comparator<BoardRow> byValue = Comparator.comparingDouble(r -> r.score().value());
        Comparator<BoardRow> order = Comparator.comparing((BoardRow r) -> r.currentVerdict() == Verdict.CHEATER)
                .thenComparing(kind.higherIsBetter() ? byValue.reversed() : byValue)
                .thenComparingLong(r -> r.submission().id());
        List<BoardRow> sorted = new ArrayList<>(workspace.boardRows(board));
        sorted.sort(order);
        List<Ranked> ranked = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            BoardRow r = sorted.get(i);
            ranked.add(new Ranked(i + 1, r, r.currentVerdict() == Verdict.CHEATER));
        }
        return new KindBoard(kind, board, List.copyOf(ranked), kind.baseline(workspace, board));
    }

    /** Whether a row scores worse than the trivial answer (false when the kind has no baseline). */
    public boolean belowBaseline(Ranked r) {
        return below(r.row().score().value(), baseline, kind.higherIsBetter());
    }

    /** Whether a board score is worse than the baseline in the kind's direction; false without a baseline. */
    public static boolean below(double score, OptionalDouble baseline, boolean higherIsBetter) {
        return baseline.isPresent() && (higherIsBetter ? score < baseline.getAsDouble() : score > baseline.getAsDouble());
    }

    /**
     * The baseline as the CLI, the exports and the leaderboard page say it, with how many submissions fall below
     * it; empty when the kind has none.
     */
    public Optional<String> baselineText() {
        if (baseline.isEmpty()) {
            return Optional.empty();
        }
        long below = rows.stream().filter(this::belowBaseline).count();
        return Optional.of(baselineText(baseline.getAsDouble(), below, kind.columns().get(0)));
    }

    /** The words of {@link #baselineText()}, for a count made elsewhere of the same rows. */
    public static String baselineText(double baseline, long below, ScoreColumn score) {
        return "mean-vector baseline " + score.format(baseline) + ": " + below + (below == 1 ? " submission" : " submissions")
                + " below it";
    }

    /** The kind's columns of a row as text, in the kind's order. */
    public List<String> cells(Ranked r) {
        List<String> cells = new ArrayList<>();
        for (ScoreColumn c : kind.columns()) {
            cells.add(c.format(r.row().score().figure(c.figure())));
        }
        return cells;
    }
}
