package org.mifid.workbench.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.engine.MifidScore;
import org.mifid.workbench.store.LeaderboardRow;
import org.mifid.workbench.store.NewScoredSubmission;
import org.mifid.workbench.store.NewSubmission;
import org.mifid.workbench.store.ScoredLeaderboard;
import org.mifid.workbench.store.Workspace;
import org.mifid.workbench.review.ColourBy;
import org.mifid.workbench.review.Histogram;
import org.mifid.workbench.ui.histogram.ThresholdCounts;

/**
 * Times what one threshold move costs at competition scale (37,000 submissions in a real workspace): the
 * re-ranking (off the FX thread), and the counts and histogram (on it). Run with
 * {@code java -cp target/classes:target/test-classes:$(cat target/screenshot-classpath.txt)
 * org.mifid.workbench.ui.LeaderboardScaleProbe}; prints medians in milliseconds.
 */
public final class LeaderboardScaleProbe {
    private LeaderboardScaleProbe() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 37_000;
        Path dir = Files.createTempDirectory("scale-probe");
        Random random = new Random(7);
        List<NewScoredSubmission> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double fid = 20 + 120 * random.nextDouble();
            double distance = 0.02 + 0.3 * random.nextDouble();
            List<ScoredLeaderboard> scores = new ArrayList<>();
            for (LeaderboardPreset preset : LeaderboardPreset.values()) {
                double eps = preset.epsilon();
                scores.add(new ScoredLeaderboard(preset, new MifidScore(fid, distance, eps,
                        MifidScore.threshold(distance, eps), MifidScore.mifid(fid, distance, eps), 10000, 20579,
                        preset.dimension(), false), preset.extractorId(), 0, null, 0, null));
            }
            batch.add(new NewScoredSubmission(new NewSubmission(String.valueOf(i), "team " + i, "s" + i + ".zip",
                    null, "c" + i, Instant.EPOCH, 10000, i % 10 == 0 ? "non-mem" : null, List.of()), scores));
        }
        try (Workspace workspace = Workspace.open(dir.resolve("scale.db"))) {
            long t0 = System.nanoTime();
            workspace.addSubmissions(batch);
            System.out.printf("store %d submissions: %.0f ms%n", n, (System.nanoTime() - t0) / 1e6);
            List<LeaderboardRow> pub = workspace.leaderboardRows(LeaderboardPreset.PUBLIC);
            List<LeaderboardRow> priv = workspace.leaderboardRows(LeaderboardPreset.PRIVATE);
            double[] load = new double[7];
            double[] rank = new double[7];
            double[] counts = new double[7];
            double[] bins = new double[7];
            double[] publish = new double[7];
            // the list chain the table shows: entries -> FilteredList (team search) -> SortedList (by rank)
            javafx.collections.ObservableList<org.mifid.workbench.ui.leaderboard.RankedEntry> entries =
                    javafx.collections.FXCollections.observableArrayList();
            javafx.collections.transformation.FilteredList<org.mifid.workbench.ui.leaderboard.RankedEntry> filtered =
                    new javafx.collections.transformation.FilteredList<>(entries, e -> e.team().contains("1"));
            javafx.collections.transformation.SortedList<org.mifid.workbench.ui.leaderboard.RankedEntry> sorted =
                    new javafx.collections.transformation.SortedList<>(filtered, java.util.Comparator.comparingInt(
                            org.mifid.workbench.ui.leaderboard.RankedEntry::rank));
            ThresholdCounts.Index index = new ThresholdCounts.Index(pub);
            for (int r = 0; r < 7; r++) {
                long a = System.nanoTime();
                workspace.leaderboardRows(LeaderboardPreset.PUBLIC);
                long b = System.nanoTime();
                var ranked = org.mifid.workbench.ui.leaderboard.RankedEntry.rank(pub, 0.05 + 0.01 * r, priv, 0.25);
                long c = System.nanoTime();
                entries.setAll(ranked);
                publish[r] = (System.nanoTime() - c) / 1e6;
                c = System.nanoTime();
                index.at(0.05 + 0.01 * r);
                long d = System.nanoTime();
                Histogram.of(pub, 60, ColourBy.VERDICT, 0.1);
                long e = System.nanoTime();
                load[r] = (b - a) / 1e6;
                rank[r] = (c - b) / 1e6;
                counts[r] = (d - c) / 1e6;
                bins[r] = (e - d) / 1e6;
            }
            System.out.printf("read one leaderboard (reload, off FX thread): %.1f ms%n", median(load));
            System.out.printf("re-rank both boards at a threshold (off FX thread): %.1f ms%n", median(rank));
            System.out.printf("publish to the filtered, sorted table list (FX thread): %.1f ms (%d shown)%n",
                    median(publish), sorted.size());
            System.out.printf("flag counts at a threshold (FX thread): %.2f ms%n", median(counts));
            System.out.printf("histogram binning (FX thread): %.2f ms%n", median(bins));
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
