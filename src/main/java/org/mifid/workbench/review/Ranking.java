package org.mifid.workbench.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mifid.workbench.core.Verdict;
import org.mifid.workbench.store.LeaderboardRow;

/**
 * The one ranking of a leaderboard, used by the pages, the command line and every export. At a threshold, each
 * stored distance is re-thresholded (features are never recomputed) and lower MiFID ranks first; a submission
 * whose current verdict is cheater is disqualified as the 2019 organizers did it: its published score is
 * {@value Verdict#DISQUALIFIED_SCORE} and it ranks after every other submission, while its real MiFID is kept.
 * Ties are broken by FID and then by workspace id, so ranks are distinct and stable.
 */
public final class Ranking {
    private Ranking() {
    }

    /** One ranked line: its 1-based rank, MiFID at the threshold, whether it is penalised and disqualified. */
    public record Ranked(int rank, LeaderboardRow row, double mifid, boolean penalised, boolean disqualified) {

        /** The score as Kaggle published it: MiFID, or the disqualified score. */
        public double publishedScore() {
            return disqualified ? Verdict.DISQUALIFIED_SCORE : mifid;
        }

        public long submissionId() {
            return row.submission().id();
        }
    }

    private record Scored(LeaderboardRow row, double mifid, boolean disqualified) {
    }

    private static final Comparator<Scored> ORDER = Comparator.comparing(Scored::disqualified)
            .thenComparingDouble(Scored::mifid)
            .thenComparingDouble(s -> s.row().score().fid())
            .thenComparingLong(s -> s.row().submission().id());

    /** The rows in rank order at {@code threshold}. */
    public static List<Ranked> rank(List<LeaderboardRow> rows, double threshold) {
        List<Scored> scored = new ArrayList<>(rows.size());
        for (LeaderboardRow row : rows) {
            scored.add(new Scored(row, row.score().mifidAt(threshold), row.currentVerdict() == Verdict.CHEATER));
        }
        scored.sort(ORDER);
        List<Ranked> ranked = new ArrayList<>(scored.size());
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            ranked.add(new Ranked(i + 1, s.row(), s.mifid(), s.row().score().penalisedAt(threshold),
                    s.disqualified()));
        }
        return ranked;
    }

    /** Rank (1-based) of every submission id at the threshold. */
    public static Map<Long, Integer> ranks(List<LeaderboardRow> rows, double threshold) {
        List<Ranked> ranked = rank(rows, threshold);
        Map<Long, Integer> ranks = new HashMap<>(ranked.size() * 2);
        for (Ranked r : ranked) {
            ranks.put(r.submissionId(), r.rank());
        }
        return ranks;
    }
}
