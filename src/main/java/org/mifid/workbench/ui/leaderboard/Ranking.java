package org.mifid.workbench.ui.leaderboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mifid.workbench.store.LeaderboardRow;

/**
 * Ranks a leaderboard at a threshold by re-thresholding the stored distances (never recomputing features): lower
 * MiFID ranks first, ties broken by FID and then by submission id so the order is stable.
 */
public final class Ranking {
    private Ranking() {
    }

    private record Scored(LeaderboardRow row, double mifid) {
    }

    private static final Comparator<Scored> ORDER = Comparator.comparingDouble(Scored::mifid)
            .thenComparingDouble(s -> s.row().score().fid())
            .thenComparingLong(s -> s.row().submission().id());

    /** Rank (1-based) of every submission id at the threshold. */
    public static Map<Long, Integer> ranks(List<LeaderboardRow> rows, double threshold) {
        List<Scored> scored = score(rows, threshold);
        Map<Long, Integer> ranks = new HashMap<>(scored.size() * 2);
        for (int i = 0; i < scored.size(); i++) {
            ranks.put(scored.get(i).row().submission().id(), i + 1);
        }
        return ranks;
    }

    /** The rows ranked at {@code threshold}, each with its rank on the other leaderboard at its own threshold. */
    public static List<RankedEntry> rank(List<LeaderboardRow> rows, double threshold,
                                         List<LeaderboardRow> otherRows, double otherThreshold) {
        Map<Long, Integer> other = ranks(otherRows, otherThreshold);
        List<Scored> scored = score(rows, threshold);
        List<RankedEntry> ranked = new ArrayList<>(scored.size());
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            ranked.add(new RankedEntry(s.row(), i + 1, s.mifid(), s.row().score().penalisedAt(threshold),
                    other.getOrDefault(s.row().submission().id(), 0)));
        }
        return ranked;
    }

    private static List<Scored> score(List<LeaderboardRow> rows, double threshold) {
        List<Scored> scored = new ArrayList<>(rows.size());
        for (LeaderboardRow row : rows) {
            scored.add(new Scored(row, row.score().mifidAt(threshold)));
        }
        scored.sort(ORDER);
        return scored;
    }
}
