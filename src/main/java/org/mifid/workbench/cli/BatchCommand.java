package org.mifid.workbench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mifid.workbench.batch.BatchJob;
import org.mifid.workbench.batch.BatchSettings;
import org.mifid.workbench.batch.Manifest;
import org.mifid.workbench.batch.SparkBatch;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.features.ExtractorRegistry;
import org.mifid.workbench.imaging.ValidationProfile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code batch}: a whole competition scored on Spark (local mode or a cluster). Names no Spark type itself. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = "Scores every submission of a manifest on Apache Spark and writes OUT/results.csv (what"
                + " import-results reads), Parquet tables and each image's nearest training images. A rerun with"
                + " the same --out resumes: finished submissions are not scored again.")
public final class BatchCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[N] on this machine; leave it out under spark-submit.")
    String master;

    @Option(names = "--manifest", required = true, paramLabel = "M.csv",
            description = "CSV with the header submission_id,team,archive (archives relative to the manifest).")
    Path manifest;

    @Option(names = "--train", required = true, paramLabel = "DIR|ZIP", description = "The training images.")
    Path train;

    @Option(names = "--held-out", paramLabel = "DIR|ZIP",
            description = "Real images kept out of training, for the data-copying test C_T of every submission.")
    Path heldOut;

    @Option(names = "--model", defaultValue = ExtractorRegistry.DEFAULT_ID, paramLabel = "ID",
            description = "Feature extractor (see `models`). Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--leaderboard", defaultValue = "public", paramLabel = "public|private",
            description = "Threshold preset: public 0.1, private 0.25. Default: ${DEFAULT-VALUE}.")
    String leaderboard;

    @Option(names = {"-k", "--neighbours-per-image"}, defaultValue = "5",
            description = "Nearest training images kept per generated image. Default: ${DEFAULT-VALUE}.")
    int k;

    @Option(names = "--profile", defaultValue = "kaggle-dogs", paramLabel = "kaggle-dogs|lenient",
            description = "Validation rules every archive must pass. Default: ${DEFAULT-VALUE}.")
    String profile;

    @Option(names = "--device", defaultValue = "auto", paramLabel = "auto|cpu|gpu",
            description = "Where the executors run the networks and the search. Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output folder, on storage every executor can write (a shared file system on a cluster).")
    Path out;

    /**
     * {@code java -jar} cannot add Spark to its class path: when the build's spark-lib folder lies beside the jar, the
     * command runs again in a child JVM that has it (the desktop's own start never pays for Spark).
     */
    private int relaunchWithSparkLib() {
        Path jar;
        try {
            jar = Path.of(BatchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException | SecurityException e) {
            jar = null;
        }
        Path sparkLib = jar == null || jar.getParent() == null ? null : jar.getParent().resolve("spark-lib");
        if (sparkLib == null || !Files.isRegularFile(jar) || !Files.isDirectory(sparkLib)) {
            throw new InvalidInputException("batch", "Apache Spark is not on the class path and no spark-lib folder"
                    + " lies beside the jar: build with `mvn package` (it copies Spark to target/spark-lib), or"
                    + " spark-submit the jar on a cluster (README, Batch scoring on Apache Spark)");
        }
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(jar + java.io.File.pathSeparator + sparkLib.resolve("*"));
        command.add("org.mifid.workbench.Launcher");
        command.addAll(spec.commandLine().getParseResult().originalArgs());
        try {
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (java.io.IOException e) {
            throw new InvalidInputException("batch", "cannot start java with Spark: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return MifidCommand.EXIT_CANCELLED;
        }
    }

    @Override
    public Integer call() {
        if (!SparkBatch.available()) {
            return relaunchWithSparkLib();
        }
        LeaderboardPreset board;
        try {
            board = LeaderboardPreset.parse(leaderboard);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (k < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "-k must be at least 1, got " + k);
        }
        ValidationProfile.fromId(profile);
        ExtractorRegistry.standard().spec(model);
        for (Path set : new Path[] {train, heldOut}) {
            if (set != null && !Files.exists(set)) {
                throw new InvalidInputException(set.toString(), "no such folder or zip");
            }
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new InvalidInputException(out.toString(), "is not a folder");
        }
        List<Manifest.Entry> entries = Manifest.read(manifest);
        BatchJob.Summary s = SparkBatch.run(master, entries, train, heldOut, new BatchSettings(model, device, profile, board, k),
                out, new ConsoleProgress(spec.commandLine().getErr()));
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%d rows, %d archives: %d scored now, %d finished by an earlier run, %d rows failed;"
                + " %.1f s%n", s.rows(), s.archives(), s.scoredNow(), s.finishedBefore(), s.failed(), s.seconds());
        o.println("results: " + out.resolve("results.csv") + "; into a workspace with each image's neighbours:"
                + " import-results --db W.db " + out.resolve("results.csv"));
        o.flush();
        return 0;
    }
}
