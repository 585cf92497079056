package org.mifid.workbench.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mifid.workbench.review.FlagCounts;
import org.mifid.workbench.review.LabelledDistances;
import org.mifid.workbench.review.RankAgreement;
import org.mifid.workbench.core.AllocationLimit;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.PrintableText;
import org.mifid.workbench.export.JsonLeaderboardExport;
import org.mifid.workbench.export.KindBoardExport;
import org.mifid.workbench.kind.BankExposure;
import org.mifid.workbench.kind.CompetitionKind;
import org.mifid.workbench.review.KindBoard;
import org.mifid.workbench.review.LeaderboardAnalysis;
import org.mifid.workbench.review.MeasureSeparation;
import org.mifid.workbench.review.ThresholdSuggestions;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.mifid.workbench.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "What a threshold flags against the inspection labels, the AUC of the distance, and how far the"
                + " public and private FID rankings agree.")
public final class AnalyzeCommand implements Callable<Integer> {
    /** What one sweep step holds: its threshold, its counts and their line of output. */
    private static final int SWEEP_STEP_BYTES = 256;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    LeaderboardOptions board;

    @Option(names = "--eps", paramLabel = "E",
            description = "Threshold: flagged means distance < E. Default: the one in force in the workspace.")
    Double eps;

    @Option(names = "--json", description = "One JSON object on stdout.")
    boolean json;

    @Option(names = "--sweep", description = "Add the counts at each threshold of a sweep.")
    boolean sweep;

    @Option(names = "--sweep-from", defaultValue = "0", paramLabel = "T")
    double sweepFrom;

    @Option(names = "--sweep-to", defaultValue = "0.5", paramLabel = "T")
    double sweepTo;

    @Option(names = "--sweep-steps", defaultValue = "51", paramLabel = "N")
    int sweepSteps;

    @Option(names = "--suggest-threshold", description = "Add threshold suggestions: first-legitimate (the 2019 rule),"
            + " min-cost and no-labels, each with what it would flag.")
    boolean suggest;

    @Option(names = "--cost-ratio", defaultValue = "10", paramLabel = "R",
            description = "For min-cost: the cost of flagging a legitimate submission against 1 for a memorizer left"
                    + " unflagged. Default: ${DEFAULT-VALUE}.")
    double costRatio;

    @Option(names = "--exposed", defaultValue = "0", paramLabel = "N",
            description = "image-to-prompt: also list the N hidden prompts the public bank exposes most (nearest bank"
                    + " prompt and cosine, most exposed first), to drop or rewrite before launch.")
    int exposed;

    @Override
    public Integer call() {
        if (!(costRatio > 0) || Double.isInfinite(costRatio)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--cost-ratio must be a positive number");
        }
        LeaderboardPreset lb = board.leaderboard();
        double[] thresholds;
        try {
            if (eps != null) {
                LeaderboardPreset.requireEpsilon(eps);
            }
            if (sweep) {
                AllocationLimit.require("--sweep-steps " + sweepSteps, sweepSteps, SWEEP_STEP_BYTES,
                        "sweep steps");
            }
            thresholds = sweep ? LabelledDistances.grid(sweepFrom, sweepTo, sweepSteps) : null;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try (Workspace ws = board.open()) {
            CompetitionKind kind = CompetitionKind.of(ws);
            if (!kind.tunesThreshold()) {
                List<BankExposure> exposedItems = exposed > 0 ? kind.exposedItems(ws) : List.of();
                printBoard(ws, KindBoard.of(ws, kind, lb.board()),
                        exposedItems.subList(0, Math.min(exposed, exposedItems.size())));
                return 0;
            }
            double threshold = eps != null ? eps : ws.threshold(lb);
            LeaderboardAnalysis a = LeaderboardAnalysis.of(ws, lb, threshold, thresholds);
            List<ThresholdSuggestions.Suggestion> suggestions = suggest
                    ? ThresholdSuggestions.suggest(ws.leaderboardRows(lb), costRatio) : List.of();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode o = JsonLeaderboardExport.analysisJson(a);
                o.set("measures", JsonLeaderboardExport.measuresJson(MeasureSeparation.of(ws, lb, threshold)));
                if (suggest) {
                    o.set("suggestions", JsonLeaderboardExport.suggestionsJson(suggestions));
                }
                out.println(o.toPrettyString());
            } else {
                printText(out, a);
                MeasureSeparation.of(ws, lb, threshold).forEach(m -> out.println(measureText(m)));
                suggestions.forEach(x -> out.println(suggestionText(x)));
            }
            out.flush();
        }
        return 0;
    }

    /** A kind without a tuned threshold: its ranked board with its own columns. */
    private void printBoard(Workspace ws, KindBoard kb, List<BankExposure> exposedItems) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            com.fasterxml.jackson.databind.node.ObjectNode o = KindBoardExport.toJson(ws.competitionName(), kb);
            if (exposed > 0) {
                com.fasterxml.jackson.databind.node.ArrayNode list = o.putArray("exposed");
                for (BankExposure e : exposedItems) {
                    list.addObject().put("item", e.item()).put("board", e.board().id()).put("truth", e.truth())
                            .put("nearest_bank_prompt", e.nearestBankPrompt()).put("cosine", e.cosine());
                }
            }
            out.println(o.toPrettyString());
        } else {
            out.printf(Locale.ROOT, "%s leaderboard (%s): %d submissions%n", kb.board().id(), kb.kind().title(),
                    kb.rows().size());
            StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%5s  %-24s", "rank", "team"));
            kb.kind().columns().forEach(c -> header.append(String.format(Locale.ROOT, " %12s", c.header())));
            out.println(header.append("  verdict"));
            for (KindBoard.Ranked r : kb.rows()) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%5d  %-24s", r.rank(),
                        PrintableText.shorten(PrintableText.escape(r.row().submission().team()), 24)));
                kb.cells(r).forEach(cell -> line.append(String.format(Locale.ROOT, " %12s", cell)));
                out.println(line.append("  ").append(r.row().currentVerdict().label()));
            }
            kb.baselineText().ifPresent(out::println);
            if (exposed > 0) {
                out.println(exposedItems.isEmpty() ? "no public bank stored with this competition"
                        : "hidden prompts most exposed by the public bank:");
                exposedItems.forEach(e -> out.println(exposureText(e)));
            }
        }
        out.flush();
    }

    /** One exposed hidden prompt: the cosine, the item and its board, the truth and the bank prompt near it. */
    public static String exposureText(BankExposure e) {
        return String.format(Locale.ROOT, "  %.4f  %s (%s)  true: %s  bank: %s", e.cosine(), PrintableText.escape(e.item()),
                e.board().id(), e.truth() == null ? "(no prompt text)" : PrintableText.escape(e.truth()),
                PrintableText.escape(e.nearestBankPrompt()));
    }

    /** One measure's line: its AUC against the labels and what its flag level flags. */
    static String measureText(MeasureSeparation m) {
        String flags = m.flagLevel().isPresent()
                ? String.format(Locale.ROOT, ", %d flagged at %s %s", m.flagged(), m.higherIsSuspicious() ? ">" : "<",
                        m.flagLevel().getAsDouble())
                : "";
        String auc = Double.isNaN(m.auc()) ? "n/a" : String.format(Locale.ROOT, "%.4f", m.auc());
        return String.format(Locale.ROOT, "  %-32s AUC %s over %d submissions%s", m.label(), auc, m.withValue(), flags);
    }

    private static String suggestionText(ThresholdSuggestions.Suggestion x) {
        if (!x.applicable()) {
            return String.format(Locale.ROOT, "suggested by %s: none (%s)", x.rule(), x.reason());
        }
        return String.format(Locale.ROOT, "suggested by %s%s: threshold %.6f flags %d (memorizers %d, legitimate %d,"
                + " unjudged %d)%s", x.rule(), x.parameters().isEmpty() ? "" : " (" + x.parameters() + ")",
                x.threshold(), x.flagged(), x.flaggedMemorizers(), x.flaggedLegitimate(), x.flaggedUnjudged(),
                x.guess() ? ", a guess from the distances alone" : "");
    }

    private static void printText(PrintWriter out, LeaderboardAnalysis a) {
        FlagCounts c = a.counts();
        out.printf(Locale.ROOT, "%s leaderboard at eps %s: %d submissions, %d flagged%n", a.leaderboard().id(),
                a.threshold(), c.submissions(), c.flagged());
        out.printf(Locale.ROOT, "labelled memorizers %d (%d flagged), labelled clean %d (%d flagged), AUC %.4f%n",
                c.labelledMemorizers(), c.flaggedMemorizers(), c.labelledClean(), c.flaggedClean(), a.auc());
        RankAgreement f = a.fidAgreement();
        out.printf(Locale.ROOT, "public vs private FID over %d submissions: Spearman %.4f, Kendall tau-b %.4f,"
                + " Pearson %.4f, mean |rank change| %.2f, top-10 overlap %.2f%n", f.n(), f.spearman(),
                f.kendallTauB(), f.pearson(), f.meanAbsRankDifference(), a.top10Overlap());
        for (FlagCounts p : a.sweep()) {
            out.printf(Locale.ROOT, "  eps %.4f: flagged %d, memorizers %d, clean %d%n", p.threshold(), p.flagged(),
                    p.flaggedMemorizers(), p.flaggedClean());
        }
    }
}
