package org.mifid.workbench.ui.comparison;

import java.util.Comparator;
import java.util.List;
import org.mifid.workbench.core.Submission;
import org.mifid.workbench.review.BothLeaderboards;
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

    /** Pairs the boards' rows through the review package's one pairing, the same that analyze and exports use. */
    static Comparison of(List<LeaderboardRow> publicRows, List<LeaderboardRow> privateRows) {
        BothLeaderboards.Paired paired = new BothLeaderboards(publicRows, privateRows, Double.NaN, Double.NaN)
                .paired();
        int n = paired.submissions().size();
        List<String> teams = paired.submissions().stream().map(Submission::team).toList();
        double[] a = paired.fidPublic();
        double[] b = paired.fidPrivate();
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
