package org.mifid.workbench.ui.leaderboard;

import org.mifid.workbench.store.LeaderboardRow;
import org.mifid.workbench.core.Verdict;
import org.mifid.workbench.core.VerdictEntry;

/**
 * One leaderboard line at a given threshold: the stored row, its MiFID and rank under that threshold, and its
 * rank on the other leaderboard (0 when it is not scored there).
 */
public record RankedEntry(LeaderboardRow row, int rank, double mifid, boolean penalised, int otherRank) {

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
                otherRank);
    }
}
