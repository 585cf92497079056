package org.mifid.workbench.ui.comparison;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mifid.workbench.review.RankAgreement;
import org.mifid.workbench.store.LeaderboardRow;

/**
 * The submissions scored on both leaderboards, paired, with how far their FID rankings agree: what the 2019
 * organizers saw when the private network reordered the public board.
 *
 * @param teams team of each pair
 * @param fidPublic public FID of each pair
 * @param fidPrivate private FID of each pair
 * @param publicRank 1-based FID rank of each pair on the public board (among the pairs)
 * @param privateRank the same on the private board
 * @param agreement Spearman, Kendall tau-b, Pearson and mean absolute rank difference of the FIDs
 * @param top10Overlap share of the public top 10 that is also in the private top 10
 */
record Comparison(List<String> teams, double[] fidPublic, double[] fidPrivate, int[] publicRank, int[] privateRank,
                  RankAgreement agreement, double top10Overlap) {

    static Comparison of(List<LeaderboardRow> publicRows, List<LeaderboardRow> privateRows) {
        Map<Long, LeaderboardRow> priv = new HashMap<>();
        privateRows.forEach(r -> priv.put(r.submission().id(), r));
        List<LeaderboardRow[]> pairs = new ArrayList<>();
        for (LeaderboardRow p : publicRows) {
            LeaderboardRow q = priv.get(p.submission().id());
            if (q != null) {
                pairs.add(new LeaderboardRow[] {p, q});
            }
        }
        int n = pairs.size();
        List<String> teams = new ArrayList<>(n);
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            teams.add(pairs.get(i)[0].submission().team());
            a[i] = pairs.get(i)[0].score().fid();
            b[i] = pairs.get(i)[1].score().fid();
        }
        RankAgreement agreement = n >= 2 ? RankAgreement.of(a, b) : null;
        double overlap = n >= 1 ? RankAgreement.topKOverlap(a, b, Math.min(10, n)) : Double.NaN;
        return new Comparison(teams, a, b, ranks(a), ranks(b), agreement, overlap);
    }

    int size() {
        return fidPublic.length;
    }

    /** 1-based ranks, lower value first, ties by position. */
    private static int[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        int[] rank = new int[values.length];
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r + 1;
        }
        return rank;
    }
}
