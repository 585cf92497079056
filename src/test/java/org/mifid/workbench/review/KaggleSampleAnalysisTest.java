package org.mifid.workbench.review;

import org.mifid.workbench.Prerequisites;
import java.util.List;
import org.mifid.workbench.store.LeaderboardRow;

import org.mifid.workbench.importing.ColumnMapping;
import org.mifid.workbench.importing.ImportReport;
import org.mifid.workbench.importing.ResultsImport;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.store.Workspace;

/**
 * The released 2019 results sample, imported and analysed end to end, against the values
 * src/test/resources/analysis/reference_stats.py computed from the same file with scipy.
 */
class KaggleSampleAnalysisTest {
    private static final double TOL = 1e-12;

    @TempDir
    Path dir;

    @Test
    void importAndAnalysisAgreeWithScipyOnTheReleasedResults() throws Exception {
        String shared = System.getProperty("mifid.shared.dir");
        Prerequisites.require(shared != null, "mifid.shared.dir not set");
        Path sample = Path.of(shared, "data", "kaggle-dogs-results-sample.csv");
        Prerequisites.require(Files.isRegularFile(sample), "no released results sample at " + sample);
        JsonNode expected;
        try (InputStream in = getClass().getResourceAsStream("/analysis/expected-kaggle-sample.json")) {
            expected = new ObjectMapper().readTree(in);
        }
        try (Workspace ws = Workspace.open(dir.resolve("dogs.db"))) {
            ImportReport report = new ResultsImport(ws).importFile(sample, ColumnMapping.kaggle2019(), false,
                    ProgressMonitor.NONE);
            assertEquals(817, report.imported());
            assertEquals(expected.get("disqualified_private").asInt(), report.disqualified());
            assertEquals(0, report.mismatches().size(), () -> report.mismatches().toString());

            for (LeaderboardPreset lb : LeaderboardPreset.values()) {
                JsonNode e = expected.get(lb.id());
                LeaderboardAnalysis a = LeaderboardAnalysis.of(ws, lb, lb.epsilon(), null);
                assertEquals(e.get("auc").asDouble(), a.auc(), TOL);
                FlagCounts c = a.counts();
                JsonNode ec = e.get("counts");
                assertEquals(ec.get("submissions").asInt(), c.submissions());
                assertEquals(ec.get("flagged").asInt(), c.flagged());
                assertEquals(ec.get("labelled_memorizers").asInt(), c.labelledMemorizers());
                assertEquals(ec.get("flagged_memorizers").asInt(), c.flaggedMemorizers());
                assertEquals(ec.get("labelled_clean").asInt(), c.labelledClean());
                assertEquals(ec.get("flagged_clean").asInt(), c.flaggedClean());

                JsonNode ea = expected.get("fid_agreement");
                assertEquals(ea.get("n").asInt(), a.fidAgreement().n());
                assertEquals(ea.get("spearman").asDouble(), a.fidAgreement().spearman(), TOL);
                assertEquals(ea.get("kendall_tau_b").asDouble(), a.fidAgreement().kendallTauB(), TOL);
                assertEquals(ea.get("pearson").asDouble(), a.fidAgreement().pearson(), TOL);
                assertEquals(ea.get("mean_abs_rank_diff").asDouble(), a.fidAgreement().meanAbsRankDifference(), TOL);
                assertEquals(ea.get("top_10_overlap").asDouble(), a.top10Overlap(), TOL);
            }

            // the 2019 rule on the private board lands where the organizers drew it (0.25): the lowest distance of
            // a submission judged legitimate, and every memorizer below it
            List<LeaderboardRow> rows = ws.leaderboardRows(LeaderboardPreset.PRIVATE);
            ThresholdSuggestions.Suggestion first = ThresholdSuggestions.suggest(rows, 10).get(0);
            double lowestClean = rows.stream().filter(r -> ThresholdSuggestions.judgement(r)
                    == ThresholdSuggestions.Judgement.LEGITIMATE).mapToDouble(r -> r.score().distance()).min()
                    .orElseThrow();
            assertEquals(lowestClean, first.threshold());
            assertEquals(0.2502, first.threshold(), 5e-5);
            assertEquals(0, first.flaggedLegitimate());
            assertEquals(first.flagged(), first.flaggedMemorizers());
        }
    }
}
