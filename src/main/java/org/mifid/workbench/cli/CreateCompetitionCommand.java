package org.mifid.workbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.io.InputFile;
import org.mifid.workbench.kind.CompetitionKind;
import org.mifid.workbench.kind.CompetitionSetup;
import org.mifid.workbench.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "create-competition", mixinStandardHelpOptions = true,
        description = "Creates a workspace for a competition of a kind, with its hidden truth stored once and its"
                + " images split between the public and the private board.")
public final class CreateCompetitionCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--kind", required = true, paramLabel = "mifid|image-to-prompt")
    String kind;

    @Option(names = "--truth", paramLabel = "FILE",
            description = "image-to-prompt: the true embeddings, imgId_eId,val (384 rows per image).")
    Path truth;

    @Option(names = "--images", paramLabel = "DIR|ZIP", description = "The competition's images (display only).")
    Path images;

    @Option(names = "--bank", paramLabel = "BANK.csv",
            description = "image-to-prompt: public prompts (imgId,prompt, e.g. a DiffusionDB export), embedded and"
                    + " stored with the competition for the inspector's nearest bank prompts and the checks.")
    Path bank;

    @Option(names = "--train", paramLabel = "DIR|ZIP",
            description = "mifid: the training images both leaderboards score against.")
    Path train;

    @Option(names = "--held-out", paramLabel = "DIR|ZIP",
            description = "mifid: real images kept out of training, for the data-copying test C_T (needs --train).")
    Path heldOut;

    @Option(names = "--public-fraction", defaultValue = "0.2", paramLabel = "F",
            description = "Share of the images on the public board. Default: ${DEFAULT-VALUE}.")
    double publicFraction;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N",
            description = "Seed of the public/private split. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--db", required = true, paramLabel = "WORKSPACE.db", description = "A new workspace file.")
    Path db;

    @Override
    public Integer call() {
        if (!(publicFraction > 0 && publicFraction < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--public-fraction must be between 0 and 1, got " + publicFraction);
        }
        CompetitionKind competitionKind = CompetitionKind.byId(kind);
        if (truth != null) {
            InputFile.requireRegular(truth);
        }
        if (bank != null) {
            InputFile.requireRegular(bank);
        }
        for (Path set : new Path[] {images, train, heldOut}) {
            if (set != null && !Files.exists(set)) {
                throw new InvalidInputException(set.toString(), "no such folder or zip");
            }
        }
        if (Files.exists(db)) {
            throw new InvalidInputException(db.toString(), "already exists; create-competition makes a new workspace");
        }
        boolean created = false;
        try (Workspace ws = Workspace.open(db)) {
            created = true;
            competitionKind.create(ws, new CompetitionSetup(truth, images, bank, train, heldOut, publicFraction, seed),
                    new ConsoleProgress(spec.commandLine().getErr()));
            spec.commandLine().getOut().printf("created %s: %s competition, %d images (%d public)%n", db,
                    competitionKind.id(), ws.truth().size(),
                    ws.truth().stream().filter(t -> t.board() == org.mifid.workbench.core.Board.PUBLIC).count());
            for (var board : org.mifid.workbench.core.LeaderboardPreset.values()) {
                ws.leaderboardReferenceSet(board).ifPresent(set -> spec.commandLine().getOut().printf(
                        "  %s leaderboard: training set %s, %d images%n", board.id(), set.name(), set.imageCount()));
                ws.leaderboardHeldOutSet(board).ifPresent(set -> spec.commandLine().getOut().printf(
                        "  %s leaderboard: held-out set %s, %d images%n", board.id(), set.name(), set.imageCount()));
            }
            spec.commandLine().getOut().flush();
        } catch (RuntimeException e) {
            if (created) {
                // nothing of a half-made competition stays behind
                WorkspaceFiles.deleteQuietly(db);
            }
            throw e;
        }
        return 0;
    }
}
