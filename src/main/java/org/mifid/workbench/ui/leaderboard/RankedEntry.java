package org.mifid.workbench.ui.leaderboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mifid.workbench.core.Score;
import org.mifid.workbench.review.KindBoard;
import org.mifid.workbench.review.Ranking;
import org.mifid.workbench.store.LeaderboardRow;
import org.mifid.workbench.core.Verdict;
import org.mifid.workbench.core.VerdictEntry;

/**
 * One leaderboard line at a given threshold, as {@link Ranking} ranked it (a cheater verdict disqualifies and
 * ranks last), with its rank on the other leaderboard (0 when it is not scored there). A line of a kind without a
 * tuned threshold is ranked by {@link KindBoard} instead: it carries the kind's {@code figures} (null on MiFID
 * lines), its row has no MiFID score and {@code mifid} holds the board score.
 */
public record RankedEntry(LeaderboardRow row, int rank, double mifid, boolean penalised, boolean disqualified,
                          int otherRank, Score figures) {

    /** The leaderboard's rows ranked at {@code threshold}, each with its rank on the other one at its own. */
    public static List<RankedEntry> rank(List<LeaderboardRow> rows, double threshold, List<LeaderboardRow> otherRows,
                                  double otherThreshold) {
        Map<Long, Integer> other = Ranking.ranks(otherRows, otherThreshold);
        List<RankedEntry> entries = new ArrayList<>(rows.size());
        for (Ranking.Ranked r : Ranking.rank(rows, threshold)) {
            entries.add(new RankedEntry(r.row(), r.rank(), r.mifid(), r.penalised(), r.disqualified(),
                    other.getOrDefault(r.submissionId(), 0), null));
        }
        return entries;
    }

    /** A board of a kind without a tuned threshold as {@link KindBoard} ranks it, with the ranks on the other. */
    public static List<RankedEntry> rank(KindBoard board, KindBoard otherBoard) {
        Map<Long, Integer> other = new java.util.HashMap<>();
        otherBoard.rows().forEach(r -> other.put(r.row().submission().id(), r.rank()));
        List<RankedEntry> entries = new ArrayList<>(board.rows().size());
        for (KindBoard.Ranked r : board.rows()) {
            LeaderboardRow row = new LeaderboardRow(r.row().submission(), null, r.row().verdict());
            entries.add(new RankedEntry(row, r.rank(), r.row().score().value(), false, r.disqualified(),
                    other.getOrDefault(row.submission().id(), 0), r.row().score()));
        }
        return entries;
    }

    /** The score as published: MiFID, or the disqualified score. */
    public double publishedScore() {
        return disqualified ? Verdict.DISQUALIFIED_SCORE : mifid;
    }

    public long submissionId() {
        return row.submission().id();
    }

    public String team() {
        return row.submission().team();
    }

    public Verdict verdict() {
        return row.currentVerdict();
    }

    /** Places gained on this leaderboard compared with the other one (positive: ranked higher here). */
    public Integer rankChange() {
        return otherRank == 0 ? null : otherRank - rank;
    }

    public RankedEntry withVerdict(VerdictEntry verdict) {
        return new RankedEntry(new LeaderboardRow(row.submission(), row.score(), verdict), rank, mifid, penalised,
                disqualified, otherRank, figures);
    }
}
