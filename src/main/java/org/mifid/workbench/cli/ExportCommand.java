package org.mifid.workbench.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.export.AnnotatedLeaderboard;
import org.mifid.workbench.export.KindBoardExport;
import org.mifid.workbench.kind.CompetitionKind;
import org.mifid.workbench.review.KindBoard;
import org.mifid.workbench.export.LeaderboardExporter;
import org.mifid.workbench.io.OutputFile;
import org.mifid.workbench.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes the annotated leaderboard: CSV (Kaggle columns plus review), a self-contained HTML"
                + " report, or JSON.")
public final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    LeaderboardOptions board;

    @Option(names = "--format", required = true, paramLabel = "csv|html|json")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Override
    public Integer call() {
        LeaderboardPreset lb = board.leaderboard();
        LeaderboardExporter.Format f;
        try {
            f = LeaderboardExporter.Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        OutputFile.check(out, board.db);
        try (Workspace ws = board.open()) {
            CompetitionKind kind = CompetitionKind.of(ws);
            if (!kind.tunesThreshold()) {
                KindBoard kb = KindBoardExport.export(ws, kind, lb.board(), f, out);
                spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (%s, %s, %d submissions)%n", out, f.id(),
                        kind.id(), kb.rows().size());
                spec.commandLine().getOut().flush();
                return 0;
            }
            AnnotatedLeaderboard board = LeaderboardExporter.export(ws, lb, f, out);
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (%s, %d submissions, threshold %s)%n", out,
                    f.id(), board.rows().size(), board.threshold());
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
