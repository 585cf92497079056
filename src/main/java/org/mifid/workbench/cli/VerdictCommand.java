package org.mifid.workbench.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mifid.workbench.core.PrintableText;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.Submission;
import org.mifid.workbench.core.Verdict;
import org.mifid.workbench.core.VerdictEntry;
import org.mifid.workbench.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "verdict", mixinStandardHelpOptions = true,
        description = "Records a verdict on a submission (appended to its history, with the threshold in force).")
public final class VerdictCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "WORKSPACE.db")
    Path db;

    @Option(names = "--submission", required = true, paramLabel = "ID",
            description = "The workspace id, or the competition's submission id.")
    String submission;

    @Option(names = "--set", required = true, paramLabel = "legit|cheater|needs-review|none",
            description = "none withdraws an earlier verdict.")
    String verdict;

    @Option(names = "--note", paramLabel = "TEXT")
    String note;

    @Option(names = "--reviewer", paramLabel = "NAME", description = "Default: the user name.")
    String reviewer = System.getProperty("user.name");

    @Option(names = "--leaderboard", defaultValue = "public", paramLabel = "public|private",
            description = "The leaderboard the decision was made on; its threshold in force is recorded."
                    + " Default: ${DEFAULT-VALUE}.")
    String leaderboard;

    @Override
    public Integer call() {
        Verdict v;
        LeaderboardPreset lb;
        try {
            v = Verdict.parse(verdict.replace('-', ' '));
            lb = LeaderboardPreset.parse(leaderboard);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try (Workspace ws = WorkspaceFiles.openExisting(db)) {
            Submission s = resolve(ws);
            VerdictEntry entry = new VerdictEntry(s.id(), v, note, reviewer, Instant.now(), lb, ws.threshold(lb));
            ws.recordVerdicts(List.of(entry));
            spec.commandLine().getOut().printf(Locale.ROOT, "submission %d (%s): %s, by %s at threshold %s on %s%n",
                    s.id(), PrintableText.of(s.team()), v.label(), PrintableText.of(reviewer), entry.threshold(), lb.id());
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    /** A workspace id and a competition id can both look like numbers: refuse when they name different ones. */
    private Submission resolve(Workspace ws) {
        Optional<Submission> byExternal = ws.submissionByExternalId(submission);
        Optional<Submission> byId = Optional.empty();
        try {
            byId = ws.submission(Long.parseLong(submission));
        } catch (NumberFormatException e) {
            // not a workspace id; the competition id may still match
        }
        if (byId.isPresent() && byExternal.isPresent() && byId.get().id() != byExternal.get().id()) {
            throw new InvalidInputException(db.toString(), "submission '" + submission + "' is ambiguous: workspace"
                    + " id of " + PrintableText.of(byId.get().team()) + " and competition id of "
                    + PrintableText.of(byExternal.get().team()));
        }
        return byId.or(() -> byExternal).orElseThrow(() ->
                new InvalidInputException(db.toString(), "no submission '" + submission + "'"));
    }
}
