package org.mifid.workbench.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mifid.workbench.core.PrintableText;
import org.mifid.workbench.review.LabelledDistances;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.review.LeaderboardAnalysis;
import org.mifid.workbench.review.Ranking;
import org.mifid.workbench.demo.DemoCompetition;
import org.mifid.workbench.store.LeaderboardRow;
import org.mifid.workbench.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code demo}: builds the demo competition on first use and prints its leaderboard beside the ground truth. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Builds (first run) and prints the demo competition: emoji, 14 teams of known kinds.")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--rebuild", description = "Builds the demo again from scratch.")
    boolean rebuild;

    @Option(names = "--leaderboard", defaultValue = "public", paramLabel = "public|private",
            description = "Default: ${DEFAULT-VALUE}.")
    String leaderboard;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LeaderboardPreset board = LeaderboardPreset.parse(leaderboard);
        DemoCompetition demo = DemoCompetition.standard();
        long t0 = System.nanoTime();
        if (rebuild || !demo.exists()) {
            demo.build(new ConsoleProgress(spec.commandLine().getErr()));
            out.printf(Locale.ROOT, "built the demo competition in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9,
                    demo.workspaceFile());
        } else if (demo.finishPrivate(new ConsoleProgress(spec.commandLine().getErr())) > 0) {
            // the workbench was closed while it scored the private leaderboard in the background
            out.printf(Locale.ROOT, "finished the demo's private leaderboard in %.1f s%n",
                    (System.nanoTime() - t0) / 1e9);
        }
        Map<String, DemoCompetition.Entry> truth = DemoCompetition.roster().stream()
                .collect(Collectors.toMap(DemoCompetition.Entry::team, Function.identity()));
        try (Workspace ws = Workspace.open(demo.workspaceFile())) {
            double eps = ws.threshold(board);
            List<LeaderboardRow> rows = ws.leaderboardRows(board);
            String extractor = ws.leaderboardExtractor(board);
            out.printf(Locale.ROOT, "%s, %s leaderboard (%s; scores not comparable with Kaggle's), threshold %.4f%n",
                    ws.competitionName(), board.id(), extractor, eps);
            out.printf(Locale.ROOT, "%4s  %-14s %10s %9s %12s %-9s  %s%n", "rank", "team", "FID", "distance", "MiFID",
                    "flagged", "ground truth");
            for (Ranking.Ranked r : Ranking.rank(rows, eps)) {
                DemoCompetition.Entry t = truth.get(r.row().submission().team());
                out.printf(Locale.ROOT, "%4d  %-14s %10.2f %9.4f %12.2f %-9s  %s (%s)%n", r.rank(),
                        PrintableText.of(r.row().submission().team()), r.row().score().fid(), r.row().score().distance(), r.mifid(),
                        r.penalised() ? "yes" : "no", t == null ? "?" : t.description(),
                        PrintableText.of(r.row().submission().label()));
            }
            LabelledDistances labelled = LeaderboardAnalysis.labelledDistances(rows);
            out.printf(Locale.ROOT, "AUC of the distance separating memorizers from honest teams: %.3f%n",
                    labelled.auc());
        }
        out.printf(Locale.ROOT, "%.1f s%n", (System.nanoTime() - t0) / 1e9);
        out.flush();
        return 0;
    }
}
