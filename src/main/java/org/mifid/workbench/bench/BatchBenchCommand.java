package org.mifid.workbench.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.mifid.workbench.assets.AppPaths;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.engine.ComputeDevice;
import org.mifid.workbench.imaging.ImageSets;
import org.mifid.workbench.imaging.InMemoryImageSet;
import org.mifid.workbench.imaging.ValidationProfile;
import org.mifid.workbench.io.BatchFolder;
import org.mifid.workbench.scoring.SubmissionScoring;
import org.mifid.workbench.scoring.ScoringRequest;
import org.mifid.workbench.store.ReferenceSet;
import org.mifid.workbench.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench batch}: the same submissions scored three ways in one run: the desktop's scoring (one submission
 * after another, the network loaded once), then the Spark job on local[1] and on local[2], each in its own JVM as
 * a user runs it (DJL fixes its thread count once per process, so one JVM could not hold both settings fairly).
 * Prints the speed-up of local[2] over local[1], each path's cost per image, and checks that all three gave the
 * same figures. The per-image costs are what the README's sizing note scales up.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = "Spark local[1] against local[2] on the same submissions (the demo's archives by default),"
                + " and the cost per image against the desktop's scoring of one submission at a time.")
public final class BatchBenchCommand implements Callable<Integer> {
    private static final Pattern JOB_SECONDS = Pattern.compile("rows failed; ([0-9.]+) s");
    private static final double SAME = 1e-9;
    private static final long SUBMISSIONS_2019 = 37_000;
    private static final long IMAGES_PER_SUBMISSION_2019 = 10_000;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--submissions", paramLabel = "DIR", description = "Folder of submission zips (the first"
            + " --count in name order). Default: the demo's, built by `demo`.")
    Path submissions;

    @Option(names = "--train", paramLabel = "DIR|ZIP", description = "Training images. Default: the demo's.")
    Path train;

    @Option(names = "--count", defaultValue = "8", description = "Submissions. Default: ${DEFAULT-VALUE}.")
    int count;

    @Option(names = "--model", defaultValue = "nsfwjs-mobilenet-v2", paramLabel = "ID",
            description = "Feature extractor. Default: ${DEFAULT-VALUE} (the demo's public board).")
    String model;

    @Option(names = "--device", defaultValue = "auto", paramLabel = "auto|cpu|gpu",
            description = "Default: ${DEFAULT-VALUE}.")
    String device;

    /** One way of scoring the submissions: its wall time, the time inside the scoring of archives, the figures. */
    private record Run(String name, double wallSeconds, double jobSeconds, double archiveSeconds,
            Map<String, Double> mifid) {
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path demo = AppPaths.dataDir().resolve("demo").resolve("files");
        Path subs = submissions != null ? submissions : demo.resolve("submissions");
        Path trainSet = train != null ? train : demo.resolve("train");
        List<Path> zips = zips(subs);
        if (!Files.exists(trainSet)) {
            throw new InvalidInputException(trainSet.toString(), "no training images here (run `demo` to build the"
                    + " demo's, or name --train)");
        }
        PrintWriter out = spec.commandLine().getOut();
        ComputeDevice.Choice chosen = ComputeDevice.choose(device);
        chosen.autoLine().ifPresent(spec.commandLine().getErr()::println);
        out.printf(Locale.ROOT, "batch benchmark: %d submissions from %s, model %s, device %s, %d cores%n",
                zips.size(), subs, model, chosen.kind(), Runtime.getRuntime().availableProcessors());
        out.flush();
        try (TempDirectory tmp = TempDirectory.create("mifid-bench-batch")) {
            Path manifest = tmp.path().resolve("manifest.csv");
            StringBuilder m = new StringBuilder("submission_id,team,archive\n");
            for (int i = 0; i < zips.size(); i++) {
                m.append("s").append(i + 1).append(",team ").append(i + 1).append(',')
                        .append(zips.get(i).toAbsolutePath()).append('\n');
            }
            Files.writeString(manifest, m, StandardCharsets.UTF_8);

            Run desktop = desktop(tmp.path(), zips, trainSet, out);
            Run one = spark(1, manifest, trainSet, tmp.path(), out);
            Run two = spark(2, manifest, trainSet, tmp.path(), out);
            int images = imageCount(tmp.path().resolve("local-1"));

            out.printf(Locale.ROOT, "speed-up of local[2] over local[1]: %.2f x on the job (%.1f s against %.1f s),"
                    + " %.2f x wall with JVM and Spark start (%.1f s against %.1f s)%n",
                    one.jobSeconds() / two.jobSeconds(), two.jobSeconds(), one.jobSeconds(),
                    one.wallSeconds() / two.wallSeconds(), two.wallSeconds(), one.wallSeconds());
            for (Run r : List.of(desktop, one, two)) {
                out.printf(Locale.ROOT, "%-32s %7.1f ms per image of the machine's time (%d images; scoring the"
                        + " archives alone %.1f ms per image-slot)%n", r.name() + ":", 1000 * r.jobSeconds() / images,
                        images, 1000 * r.archiveSeconds() / images);
            }
            out.printf(Locale.ROOT, "local[2] per image against the desktop's: %.2f x%n",
                    two.jobSeconds() / desktop.jobSeconds());
            boolean same = sameFigures(desktop, one) && sameFigures(desktop, two);
            out.printf(Locale.ROOT, "figures: local[1] and local[2] MiFID equal to the desktop's within %.0e relative:"
                    + " %s%n", SAME, same ? "yes" : "NO");
            double perImage = two.jobSeconds() / images;
            double machineDays = perImage * SUBMISSIONS_2019 * IMAGES_PER_SUBMISSION_2019 / 86_400;
            out.printf(Locale.ROOT, "sizing at this rate (%d submissions x %d images, one network): %.0f days of this"
                    + " machine; %.1f days on 100 such executors, %.1f h on 1,000%n", SUBMISSIONS_2019,
                    IMAGES_PER_SUBMISSION_2019, machineDays, machineDays / 100, machineDays * 24 / 1000);
            out.flush();
            return same ? 0 : 1;
        }
    }

    private List<Path> zips(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException(folder.toString(), "no such folder of submissions (run `demo` to build"
                    + " the demo's, or name --submissions)");
        }
        List<Path> zips;
        try (Stream<Path> s = Files.list(folder)) {
            zips = s.filter(p -> p.getFileName().toString().endsWith(".zip")).sorted().limit(count).toList();
        }
        if (zips.size() < count) {
            throw new InvalidInputException(folder.toString(), "holds " + zips.size() + " zips, fewer than --count "
                    + count);
        }
        return zips;
    }

    /** The desktop's scoring of each submission into a workspace, the network and training features loaded once. */
    private Run desktop(Path tmp, List<Path> zips, Path trainSet, PrintWriter out) {
        long start = System.nanoTime();
        Map<String, Double> mifid = new HashMap<>();
        double restSeconds;
        try (Workspace ws = Workspace.open(tmp.resolve("desktop.db"));
                InMemoryImageSet set = ImageSets.open(trainSet, ValidationProfile.LENIENT, ProgressMonitor.NONE)) {
            List<String> names = new ArrayList<>(set.size());
            for (int i = 0; i < set.size(); i++) {
                names.add(set.name(i));
            }
            long reference = ws.addReferenceSet(new ReferenceSet(0, "train", trainSet.toAbsolutePath().toString(),
                    set.checksum(), set.size()), names);
            ws.assignReferenceSet(LeaderboardPreset.PUBLIC, reference);
            try (SubmissionScoring scoring = new SubmissionScoring(ws)) {
                long t = System.nanoTime();
                for (int i = 0; i < zips.size(); i++) {
                    String id = "s" + (i + 1);
                    double score = scoring.score(new ScoringRequest(zips.get(i), "team " + (i + 1), id,
                            LeaderboardPreset.PUBLIC, model, device, 5, ValidationProfile.KAGGLE_DOGS.id()),
                            ProgressMonitor.NONE).score().mifid();
                    mifid.put(id, score);
                    if (i == 0) {
                        t = System.nanoTime();
                    }
                }
                restSeconds = seconds(t);
            }
        }
        double wall = seconds(start);
        out.printf(Locale.ROOT, "desktop scoring, one submission after another: %.1f s (the first, loading the"
                + " network and training features, %.1f s)%n", wall, wall - restSeconds);
        out.flush();
        // the steady state a scoring session reaches: every submission at the cost of the later ones
        double perSubmission = restSeconds / Math.max(1, zips.size() - 1);
        return new Run("desktop, one at a time", wall, perSubmission * zips.size(), perSubmission * zips.size(),
                mifid);
    }

    /** The batch command in a child JVM, as a user runs it. */
    private Run spark(int slots, Path manifest, Path trainSet, Path tmp, PrintWriter out)
            throws IOException, InterruptedException {
        Path dir = tmp.resolve("local-" + slots);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("mifid.") || k.startsWith("ai.djl."))
                .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.mifid.workbench.Launcher", "batch",
                "--master", "local[" + slots + "]", "--manifest", manifest.toString(), "--train", trainSet.toString(),
                "--model", model, "--device", device, "--leaderboard", "public", "--out", dir.toString()));
        Path log = tmp.resolve("local-" + slots + ".log");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = p.waitFor();
        double wall = seconds(start);
        String text = Files.readString(log, StandardCharsets.UTF_8);
        Matcher job = JOB_SECONDS.matcher(text);
        if (exit != 0 || !job.find()) {
            throw new InvalidInputException(log.toString(), "the local[" + slots + "] job failed (exit " + exit
                    + "): " + lastLine(text));
        }
        double jobSeconds = Double.parseDouble(job.group(1));
        double archiveSeconds = 0;
        BatchFolder folder = new BatchFolder(dir);
        Map<String, Double> mifid = new HashMap<>();
        for (CSVRecord r : results(folder)) {
            mifid.put(r.get("submission_id"), Double.parseDouble(r.get("public_score")));
            archiveSeconds += folder.result(BatchFolder.key(r.get("archive"))).orElseThrow().millis() / 1000.0;
        }
        out.printf(Locale.ROOT, "batch local[%d]: job %.1f s, wall %.1f s with JVM and Spark start%n", slots,
                jobSeconds, wall);
        out.flush();
        return new Run("batch local[" + slots + "]", wall, jobSeconds, archiveSeconds, mifid);
    }

    private static List<CSVRecord> results(BatchFolder folder) throws IOException {
        try (Reader in = Files.newBufferedReader(folder.resultsCsv(), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    private static int imageCount(Path dir) throws IOException {
        BatchFolder folder = new BatchFolder(dir);
        int images = 0;
        for (CSVRecord r : results(folder)) {
            images += folder.result(BatchFolder.key(r.get("archive"))).orElseThrow().imageNames().size();
        }
        return images;
    }

    private static boolean sameFigures(Run a, Run b) {
        if (!a.mifid().keySet().equals(b.mifid().keySet())) {
            return false;
        }
        return a.mifid().entrySet().stream().allMatch(e -> {
            double x = e.getValue();
            double y = b.mifid().get(e.getKey());
            return Math.abs(x - y) <= SAME * Math.max(Math.abs(x), Double.MIN_NORMAL);
        });
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
