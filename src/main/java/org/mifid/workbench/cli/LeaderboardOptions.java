package org.mifid.workbench.cli;

import java.nio.file.Path;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --db} and {@code --leaderboard} for the commands that read one leaderboard of an existing workspace. */
final class LeaderboardOptions {
    @Spec(Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "WORKSPACE.db")
    Path db;

    @Option(names = "--leaderboard", required = true, paramLabel = "public|private")
    String leaderboard;

    LeaderboardPreset leaderboard() {
        try {
            return LeaderboardPreset.parse(leaderboard);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The workspace, which must exist, opened for reading: these commands never create, migrate or change it. */
    Workspace open() {
        return Workspace.openReadOnly(db);
    }
}
