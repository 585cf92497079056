package org.mifid.workbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mifid.workbench.core.PrintableText;
import org.mifid.workbench.core.Board;
import org.mifid.workbench.io.InputFile;
import org.mifid.workbench.kind.CompetitionKind;
import org.mifid.workbench.kind.KindSubmission;
import org.mifid.workbench.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "score-submission", mixinStandardHelpOptions = true,
        description = "Scores a submission into a workspace on both boards, as its competition kind scores it.")
public final class ScoreSubmissionCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "WORKSPACE.db")
    Path db;

    @Option(names = "--submission", required = true, paramLabel = "FILE")
    Path submission;

    @Option(names = "--team", required = true, paramLabel = "NAME")
    String team;

    @Option(names = "--submission-id", paramLabel = "ID", description = "The competition's id for it.")
    String externalId;

    @Override
    public Integer call() {
        InputFile.requireRegular(submission);
        try (Workspace ws = WorkspaceFiles.openExisting(db)) {
            CompetitionKind kind = CompetitionKind.of(ws);
            long id = kind.score(ws, new KindSubmission(submission, team, externalId), List.of(Board.values()),
                    new ConsoleProgress(spec.commandLine().getErr()));
            var out = spec.commandLine().getOut();
            out.printf("stored submission %d (%s)%n", id, PrintableText.of(team));
            for (Board board : Board.values()) {
                ws.boardRows(board).stream().filter(r -> r.submission().id() == id).findFirst().ifPresent(r ->
                        out.printf(java.util.Locale.ROOT, "  %s: %s%n", board.id(),
                                kind.columns().get(0).format(r.score().value())));
            }
            out.flush();
        }
        return 0;
    }
}
