package org.mifid.workbench.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.prompts.PromptEmbedder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "prompts", mixinStandardHelpOptions = true,
        description = "Times the image-to-prompt kind: embedding prompts batched (target: 300 prompts/s) and"
                + " score-prompts on a 16,000-image Kaggle-format submission in a fresh JVM capped at 512 MB of"
                + " heap (target: 5 s end to end).")
public final class PromptsBenchCommand implements Callable<Integer> {
    private static final double TARGET_PROMPTS_PER_SECOND = 300;
    private static final double TARGET_SCORE_SECONDS = 5;
    private static final String[] WORDS = ("portrait landscape photo painting of a an the old young woman man cat"
            + " dog castle forest city night sunset ocean mountain detailed cinematic lighting 4k octane render by"
            + " greg rutkowski artstation trending oil canvas watercolor cyberpunk futuristic ancient temple"
            + " glowing neon rain foggy highly intricate sharp focus digital art concept illustration studio"
            + " ghibli hyper realistic fractal rose ebony hudson river school crater dystopian friendly").split(" ");

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--prompts", defaultValue = "960", description = "Prompts to embed. Default: ${DEFAULT-VALUE}.")
    int prompts;

    @Option(names = "--images", defaultValue = "16000", description = "Images in the scored submission."
            + " Default: ${DEFAULT-VALUE}.")
    int images;

    @Option(names = "--runs", defaultValue = "3", description = "Timed runs of each. Default: ${DEFAULT-VALUE}.")
    int runs;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%d cores, load average %.2f at the start%n", CORES, loadAverage());
        embedding(out);
        boolean scored = scoring(out);
        out.printf(Locale.ROOT, "load average %.2f at the end%n", loadAverage());
        out.flush();
        return scored ? 0 : 1;
    }

    /** The machine's load over the last minute: on a shared machine, what the wall times below are worth. */
    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private void embedding(PrintWriter out) {
        Random random = new Random(12);
        List<String> texts = new ArrayList<>(prompts);
        for (int i = 0; i < prompts; i++) {
            StringBuilder s = new StringBuilder();
            int words = 8 + random.nextInt(30);
            for (int w = 0; w < words; w++) {
                s.append(w == 0 ? "" : w % 7 == 0 ? ", " : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            texts.add(s.toString());
        }
        long opening = System.nanoTime();
        try (PromptEmbedder embedder = PromptEmbedder.open()) {
            embedder.embed(texts.subList(0, Math.min(64, prompts)), ProgressMonitor.NONE);
            out.printf(Locale.ROOT, "model loaded and warmed in %.1f s%n", (System.nanoTime() - opening) / 1e9);
            for (int run = 1; run <= runs; run++) {
                // one at a time and batched, back to back, so that both meet the same neighbours
                int alone = Math.min(64, prompts);
                long t0 = System.nanoTime();
                long cpu0 = processCpuNanos();
                for (int i = 0; i < alone; i++) {
                    embedder.embed(texts.get(i));
                }
                double aloneRate = alone / ((System.nanoTime() - t0) / 1e9);
                double aloneCpuRate = alone / ((processCpuNanos() - cpu0) / 1e9) * CORES;
                long start = System.nanoTime();
                long cpu = processCpuNanos();
                embedder.embed(texts, ProgressMonitor.NONE);
                double rate = prompts / ((System.nanoTime() - start) / 1e9);
                // on a shared machine wall time depends on the neighbours; CPU time per prompt much less so
                double cpuRate = prompts / ((processCpuNanos() - cpu) / 1e9) * CORES;
                out.printf(Locale.ROOT, "embed run %d: %d prompts batched at %.0f prompts/s wall, one at a time %.0f/s"
                        + " (batching x %.2f); by CPU time on %d idle cores: batched %.0f prompts/s (%.2f x the %.0f/s"
                        + " target), one at a time %.0f/s (batching x %.2f)%n", run, prompts, rate, aloneRate,
                        rate / aloneRate, CORES, cpuRate, cpuRate / TARGET_PROMPTS_PER_SECOND,
                        TARGET_PROMPTS_PER_SECOND, aloneCpuRate, cpuRate / aloneCpuRate);
                out.flush();
            }
        }
    }

    /** @return whether every scoring run exited 0 */
    private boolean scoring(PrintWriter out) throws IOException, InterruptedException {
        try (TempDirectory tmp = TempDirectory.create("mifid-bench-prompts")) {
            Path truth = tmp.path().resolve("truth.csv");
            Path submission = tmp.path().resolve("submission.csv");
            long t0 = System.nanoTime();
            writeVectors(truth, submission);
            out.printf(Locale.ROOT, "generated %d images x 384 rows (%d MB) in %.1f s%n", images,
                    Files.size(submission) >> 20, (System.nanoTime() - t0) / 1e9);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            boolean scored = true;
            for (int run = 1; run <= runs; run++) {
                ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                        "org.mifid.workbench.Launcher", "score-prompts", "--truth", truth.toString(),
                        "--submission", submission.toString(), "--json").redirectErrorStream(true);
                pb.environment().put("MIFID_CACHE", tmp.path().resolve("cache").toString());
                long start = System.nanoTime();
                Process p = pb.start();
                String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                double cpu = p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
                int exit = p.waitFor();
                scored &= exit == 0;
                double seconds = (System.nanoTime() - start) / 1e9;
                // the child's CPU time over all its threads bounds its wall time on idle cores (it never waits:
                // the files are in the page cache after the first run)
                out.printf(Locale.ROOT, "score run %d: exit %d in %.2f s wall end to end with JVM start, heap capped"
                        + " at 512 MB (%.2f of the %.0f s target); %.2f CPU s over all its threads (%.2f of the"
                        + " target): %s%n", run, exit, seconds, seconds / TARGET_SCORE_SECONDS, TARGET_SCORE_SECONDS,
                        cpu, cpu / TARGET_SCORE_SECONDS, printed.lines().reduce((a, b) -> b).orElse(""));
                out.flush();
            }
            return scored;
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Random unit truth and a submission near it, in the competition's format with Kaggle-like hex ids. */
    private void writeVectors(Path truth, Path submission) throws IOException {
        Random random = new Random(7);
        try (BufferedWriter t = Files.newBufferedWriter(truth); BufferedWriter s = Files.newBufferedWriter(submission)) {
            t.write("imgId_eId,val\n");
            s.write("imgId_eId,val\n");
            float[] v = new float[384];
            for (int i = 0; i < images; i++) {
                // an odd multiplier is a bijection modulo 2^36: distinct, random-looking 9-digit hex ids
                String id = String.format(Locale.ROOT, "%09x", (i * 0x9E3779B97L) & 0xFFFFFFFFFL);
                for (int d = 0; d < 384; d++) {
                    v[d] = (float) random.nextGaussian();
                }
                for (int d = 0; d < 384; d++) {
                    String key = id + "_" + d + ",";
                    t.write(key + v[d] + "\n");
                    s.write(key + (float) (v[d] + random.nextGaussian()) + "\n");
                }
            }
        }
    }
}
