package org.mifid.workbench.review;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * How far two leaderboards over the same submissions agree. Values are scores where lower is better (FID,
 * MiFID); element {@code i} of both arrays belongs to the same submission.
 *
 * @param n submissions compared
 * @param spearman Spearman's rho (Pearson on average ranks)
 * @param kendallTauB Kendall's tau-b (scipy's default variant)
 * @param pearson Pearson's r on the values themselves
 * @param meanAbsRankDifference mean over submissions of |rank on a - rank on b|, average ranks for ties
 */
public record RankAgreement(int n, double spearman, double kendallTauB, double pearson, double meanAbsRankDifference) {

    public static RankAgreement of(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("leaderboards differ in length: " + a.length + " and " + b.length);
        }
        double[] ra = Ranks.average(a);
        double[] rb = Ranks.average(b);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(ra[i] - rb[i]);
        }
        return new RankAgreement(a.length, Correlation.pearson(ra, rb), Correlation.kendallTauB(a, b),
                Correlation.pearson(a, b), a.length == 0 ? Double.NaN : sum / a.length);
    }

    /**
     * The share of the {@code k} best (lowest) submissions of {@code a} that are also among the {@code k} best
     * of {@code b}. Ties at the cut are broken by position, so the figure is exact for distinct values only.
     */
    public static double topKOverlap(double[] a, double[] b, int k) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("leaderboards differ in length: " + a.length + " and " + b.length);
        }
        int kk = Math.min(k, a.length);
        if (kk <= 0) {
            return Double.NaN;
        }
        Set<Integer> bestA = best(a, kk);
        Set<Integer> bestB = best(b, kk);
        bestA.retainAll(bestB);
        return bestA.size() / (double) kk;
    }

    private static Set<Integer> best(double[] values, int k) {
        Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        return new HashSet<>(Arrays.asList(order).subList(0, k));
    }
}
