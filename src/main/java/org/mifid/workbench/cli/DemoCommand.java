package org.mifid.workbench.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mifid.workbench.core.Board;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.PrintableText;
import org.mifid.workbench.demo.PromptDemo;
import org.mifid.workbench.kind.CompetitionKind;
import org.mifid.workbench.review.KindBoard;
import org.mifid.workbench.review.LabelledDistances;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.review.LeaderboardAnalysis;
import org.mifid.workbench.review.MeasureSeparation;
import org.mifid.workbench.review.Ranking;
import org.mifid.workbench.demo.DemoCompetition;
import org.mifid.workbench.store.LeaderboardRow;
import org.mifid.workbench.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: builds a demo competition on first use and prints its leaderboard beside the ground truth: the
 * MiFID demo (emoji as generated images) or, with {@code --kind image-to-prompt}, "Emoji to Prompt".
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Builds (first run) and prints a demo competition: emoji, 14 teams of known kinds (MiFID), or"
                + " with --kind image-to-prompt, Emoji to Prompt: 12 teams of known kinds.")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--rebuild", description = "Builds the demo again from scratch.")
    boolean rebuild;

    @Option(names = "--leaderboard", defaultValue = "public", paramLabel = "public|private",
            description = "Default: ${DEFAULT-VALUE}.")
    String leaderboard;

    @Option(names = "--kind", defaultValue = "mifid", paramLabel = "mifid|image-to-prompt",
            description = "Which demo. Default: ${DEFAULT-VALUE}.")
    String kind;

    @Override
    public Integer call() {
        if (PromptDemo.KIND.equals(kind)) {
            return promptDemo();
        }
        if (!"mifid".equals(kind)) {
            throw new InvalidInputException("--kind", "no demo of kind '" + PrintableText.escape(kind)
                    + "' (known: mifid, " + PromptDemo.KIND + ")");
        }
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
            out.println("the copying measures beside it (review.MeasureSeparation, as analyze prints them):");
            MeasureSeparation.of(ws, board, eps).stream().filter(m -> !m.id().equals("distance"))
                    .forEach(m -> out.println(AnalyzeCommand.measureText(m)));
        }
        out.printf(Locale.ROOT, "%.1f s%n", (System.nanoTime() - t0) / 1e9);
        out.flush();
        return 0;
    }

    /** Emoji to Prompt: its board ranked by {@link KindBoard}, as analyze and export rank it. */
    private int promptDemo() {
        PrintWriter out = spec.commandLine().getOut();
        Board board = Board.parse(leaderboard);
        PromptDemo demo = PromptDemo.standard();
        long t0 = System.nanoTime();
        if (rebuild || !demo.exists()) {
            demo.build(new ConsoleProgress(spec.commandLine().getErr()));
            out.printf(Locale.ROOT, "built the Emoji to Prompt demo in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9,
                    demo.workspaceFile());
        }
        Map<String, PromptDemo.Entry> truth = PromptDemo.roster().stream()
                .collect(Collectors.toMap(PromptDemo.Entry::team, Function.identity()));
        try (Workspace ws = Workspace.open(demo.workspaceFile())) {
            KindBoard kb = KindBoard.of(ws, CompetitionKind.of(ws), board);
            out.printf(Locale.ROOT, "%s, %s leaderboard (%s)%n", ws.competitionName(), board.id(), kb.kind().title());
            StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%4s  %-18s", "rank", "team"));
            kb.kind().columns().forEach(c -> header.append(String.format(Locale.ROOT, " %11s", c.header())));
            out.println(header.append("  ground truth"));
            for (KindBoard.Ranked r : kb.rows()) {
                String team = r.row().submission().team();
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%4d  %-18s", r.rank(),
                        PrintableText.of(team)));
                kb.cells(r).forEach(cell -> line.append(String.format(Locale.ROOT, " %11s", cell)));
                PromptDemo.Entry t = truth.get(team);
                out.println(line.append("  ").append(PrintableText.of(r.row().submission().label()))
                        .append(t == null ? "" : ": " + t.description()));
            }
            kb.baselineText().ifPresent(out::println);
            out.printf(Locale.ROOT, "public prompt bank: %s (score-prompts --bank)%n", demo.bankFile());
        }
        out.printf(Locale.ROOT, "%.1f s%n", (System.nanoTime() - t0) / 1e9);
        out.flush();
        return 0;
    }
}
