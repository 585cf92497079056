package org.mifid.workbench.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The statistics against scipy on a fixture with ties (values from src/test/resources/analysis/reference_stats.py). */
class LeaderboardStatisticsTest {
    private static final double TOL = 1e-12;
    private static double[] fidPublic;
    private static double[] fidPrivate;
    private static LabelledDistances labelled;
    private static JsonNode expected;

    @BeforeAll
    static void load() throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = LeaderboardStatisticsTest.class.getResourceAsStream("/analysis/synthetic-leaderboard.csv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                rows.add(line.split(",", -1));
            }
        }
        int n = rows.size();
        fidPublic = new double[n];
        fidPrivate = new double[n];
        double[] distance = new double[n];
        LabelledDistances.Truth[] truth = new LabelledDistances.Truth[n];
        for (int i = 0; i < n; i++) {
            String[] row = rows.get(i);
            fidPublic[i] = Double.parseDouble(row[1]);
            fidPrivate[i] = Double.parseDouble(row[2]);
            distance[i] = Double.parseDouble(row[3]);
            truth[i] = row[4].isEmpty() ? LabelledDistances.Truth.UNLABELLED
                    : row[4].equals("non-mem") ? LabelledDistances.Truth.CLEAN : LabelledDistances.Truth.MEMORIZER;
        }
        labelled = new LabelledDistances(distance, truth);
        try (InputStream in = LeaderboardStatisticsTest.class.getResourceAsStream("/analysis/expected-synthetic.json")) {
            expected = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void rankAgreementMatchesScipyWithTies() {
        RankAgreement a = RankAgreement.of(fidPublic, fidPrivate);
        JsonNode e = expected.get("agreement");
        assertEquals(e.get("n").asInt(), a.n());
        assertEquals(e.get("spearman").asDouble(), a.spearman(), TOL);
        assertEquals(e.get("kendall_tau_b").asDouble(), a.kendallTauB(), TOL);
        assertEquals(e.get("pearson").asDouble(), a.pearson(), TOL);
        assertEquals(e.get("mean_abs_rank_diff").asDouble(), a.meanAbsRankDifference(), TOL);
        assertEquals(e.get("top_10_overlap").asDouble(), RankAgreement.topKOverlap(fidPublic, fidPrivate, 10), TOL);
        assertEquals(e.get("top_50_overlap").asDouble(), RankAgreement.topKOverlap(fidPublic, fidPrivate, 50), TOL);
    }

    @Test
    void aucAndCountsMatchTheBruteForceReference() {
        assertEquals(expected.get("auc").asDouble(), labelled.auc(), TOL);
        assertCounts(expected.get("counts_at_0.2"), labelled.countAt(0.2));
        JsonNode sweep = expected.get("sweep");
        double[] thresholds = new double[sweep.size()];
        for (int i = 0; i < thresholds.length; i++) {
            thresholds[i] = sweep.get(i).get("threshold").asDouble();
        }
        List<FlagCounts> got = labelled.sweep(thresholds);
        for (int i = 0; i < thresholds.length; i++) {
            assertCounts(sweep.get(i), got.get(i));
        }
    }

    static void assertCounts(JsonNode e, FlagCounts c) {
        assertEquals(e.get("threshold").asDouble(), c.threshold());
        assertEquals(e.get("submissions").asInt(), c.submissions());
        assertEquals(e.get("flagged").asInt(), c.flagged());
        assertEquals(e.get("labelled_memorizers").asInt(), c.labelledMemorizers());
        assertEquals(e.get("flagged_memorizers").asInt(), c.flaggedMemorizers());
        assertEquals(e.get("labelled_clean").asInt(), c.labelledClean());
        assertEquals(e.get("flagged_clean").asInt(), c.flaggedClean());
    }

    @Test
    void kendallTauBAgreesWithTheQuadraticDefinitionOnRandomTiedData() {
        Random random = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            int n = 2 + random.nextInt(60);
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextInt(6);
                y[i] = random.nextInt(6);
            }
            assertEquals(quadraticTauB(x, y), Correlation.kendallTauB(x, y), 1e-12, "trial " + trial);
        }
    }

    private static double quadraticTauB(double[] x, double[] y) {
        long concordant = 0;
        long discordant = 0;
        long onlyX = 0;
        long onlyY = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                double dx = Math.signum(x[i] - x[j]);
                double dy = Math.signum(y[i] - y[j]);
                if (dx == 0 && dy == 0) {
                    continue;
                } else if (dx == 0) {
                    onlyX++;
                } else if (dy == 0) {
                    onlyY++;
                } else if (dx == dy) {
                    concordant++;
                } else {
                    discordant++;
                }
            }
        }
        double denom = Math.sqrt((double) (concordant + discordant + onlyX) * (concordant + discordant + onlyY));
        return denom == 0 ? Double.NaN : (concordant - discordant) / denom;
    }

    @Test
    void degenerateInputsGiveNaNLikeScipy() {
        assertTrue(Double.isNaN(Correlation.pearson(new double[] {1, 1, 1}, new double[] {1, 2, 3})));
        assertTrue(Double.isNaN(Correlation.kendallTauB(new double[] {1}, new double[] {2})));
        assertTrue(Double.isNaN(new LabelledDistances(new double[] {0.1},
                new LabelledDistances.Truth[] {LabelledDistances.Truth.CLEAN}).auc()));
        assertEquals(1.0, Correlation.spearman(new double[] {1, 2, 2, 3}, new double[] {10, 20, 20, 30}), TOL);
    }
}
