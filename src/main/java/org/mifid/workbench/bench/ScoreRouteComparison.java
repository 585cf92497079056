package org.mifid.workbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.io.NpyFile;

/**
 * {@code score} on .npy features end to end, as the user runs it (a fresh JVM, the jar's classes), against the
 * scipy reference route on the same files (a fresh Python: numpy load, float64 covariances, scipy's sqrtm FID,
 * the 2019 memorization search in numpy), in the same run. Issue 14's target: score within half the reference.
 */
final class ScoreRouteComparison {
    private static final double TARGET_RATIO = 0.5;
    /** The two routes agree when FID is within this relative difference (both float64)... */
    private static final double SAME_FID = 1e-9;
    /** ...and the distance within this one (the reference's matrix multiply is float32, as the 2019 code's). */
    private static final double SAME_DISTANCE = 1e-5;

    private static final String REFERENCE_ROUTE = String.join("\n",
            "import sys, time",
            "start = time.perf_counter()",
            "import numpy as np",
            "from scipy import linalg",
            "gen, train = np.load(sys.argv[1]), np.load(sys.argv[2])",
            "loaded = time.perf_counter()",
            "def gaussian(x):",
            "    x = x.astype(np.float64)",
            "    return x.mean(axis=0), np.cov(x, rowvar=False)",
            "m1, s1 = gaussian(gen)",
            "m2, s2 = gaussian(train)",
            "covmean = linalg.sqrtm(s1.dot(s2))",
            "covmean = covmean.real if np.iscomplexobj(covmean) else covmean",
            "diff = m1 - m2",
            "fid = diff.dot(diff) + np.trace(s1) + np.trace(s2) - 2 * np.trace(covmean)",
            "statistics = time.perf_counter()",
            // the 2019 scoring code: rows summing to zero dropped, rows L2-normalised, 1 - |cos|, min, mean
            "def normalised(x):",
            "    x = x[x.sum(axis=1) != 0]",
            "    return np.nan_to_num(x / np.linalg.norm(x, axis=1, keepdims=True))",
            "g, t = normalised(gen), normalised(train)",
            "nearest = np.concatenate([(1 - np.abs(g[i:i + 1024] @ t.T)).min(axis=1)"
                    + " for i in range(0, len(g), 1024)])",
            "distance = float(nearest.mean())",
            "searched = time.perf_counter()",
            "print(repr(float(fid)), repr(distance), loaded - start, statistics - loaded, searched - statistics)");

    private final String python;
    private final String device;

    ScoreRouteComparison(String python, String device) {
        this.python = python;
        this.device = device;
    }

    /** Both routes on synthetic features of the given size; a failed score is an {@link InvalidInputException}. */
    void run(PrintWriter out, int generated, int train, int dim) throws IOException, InterruptedException {
        try (TempDirectory tmp = TempDirectory.create("mifid-bench-score")) {
            Path gen = tmp.path().resolve("generated.npy");
            Path ref = tmp.path().resolve("train.npy");
            NpyFile.write(gen, SyntheticFeatures.correlated(generated, dim, 7));
            NpyFile.write(ref, SyntheticFeatures.correlated(train, dim, 8));
            out.printf(Locale.ROOT, "score end to end: %d generated x %d training x %d features (.npy, float32)%n",
                    generated, train, dim);
            out.flush();
            Score ours = score(gen, ref);
            out.printf(Locale.ROOT, "score (child JVM, --json): %.2f s wall = JVM start, picocli and exit %.2f s,"
                    + " load %.2f s, statistics and FID %.2f s, search %.2f s, copying measures %.2f s%n",
                    ours.wall, ours.wall - ours.totalMs / 1e3, ours.loadMs / 1e3, ours.statisticsMs / 1e3,
                    ours.searchMs / 1e3, ours.measuresMs / 1e3);
            out.flush();
            Reference theirs = reference(gen, ref);
            if (theirs == null) {
                out.println("scipy reference route: not measured (" + python + " with numpy and scipy not usable)");
                return;
            }
            out.printf(Locale.ROOT, "scipy reference route (child Python): %.2f s wall = start and imports %.2f s,"
                    + " load %.2f s, covariances and sqrtm FID %.2f s, numpy search %.2f s%n", theirs.wall,
                    theirs.wall - theirs.load - theirs.statistics - theirs.search, theirs.load, theirs.statistics,
                    theirs.search);
            double ratio = ours.wall / theirs.wall;
            double fidDiff = relative(ours.fid, theirs.fid);
            double distanceDiff = relative(ours.distance, theirs.distance);
            out.printf(Locale.ROOT, "score / reference = %.2f (target <= %.1fx: %s); FID %.6f vs %.6f (relative %.1e),"
                    + " distance %.6f vs %.6f (relative %.1e): %s%n", ratio, TARGET_RATIO,
                    ratio <= TARGET_RATIO ? "met" : "MISSED", ours.fid, theirs.fid, fidDiff, ours.distance,
                    theirs.distance, distanceDiff,
                    fidDiff <= SAME_FID && distanceDiff <= SAME_DISTANCE ? "the routes agree" : "the routes DISAGREE");
            out.flush();
        }
    }

    private record Score(double wall, double fid, double distance, long loadMs, long statisticsMs, long searchMs,
                         long measuresMs, long totalMs) {
    }

    private record Reference(double wall, double fid, double distance, double load, double statistics,
                             double search) {
    }

    /** score in a child JVM on this process's class path, as `java -jar mifid-workbench.jar score` runs. */
    private Score score(Path gen, Path ref) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.mifid.workbench.Launcher", "score",
                "--features", gen.toString(), "--train-features", ref.toString(), "--device", device, "--json"));
        Path err = Files.createTempFile(gen.getParent(), "score", ".err");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int exit = p.waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            String why = Files.readString(err, StandardCharsets.UTF_8).strip();
            throw new InvalidInputException("score", "exit " + exit + ": " + why.substring(why.lastIndexOf('\n') + 1));
        }
        JsonNode o = new ObjectMapper().readTree(printed);
        JsonNode t = o.get("timings_ms");
        return new Score(wall, o.get("fid").asDouble(), o.get("distance").asDouble(), t.get("load").asLong(),
                t.get("statistics_and_fid").asLong(), t.get("memorization_search").asLong(),
                t.get("measures").asLong(), t.get("total").asLong());
    }

    /** The reference route in a child Python; null when that Python cannot run it. */
    private Reference reference(Path gen, Path ref) throws IOException, InterruptedException {
        Process p;
        long start = System.nanoTime();
        try {
            p = new ProcessBuilder(python, "-c", REFERENCE_ROUTE, gen.toString(), ref.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            return null;
        }
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int exit = p.waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            return null;
        }
        String[] f = printed.substring(printed.lastIndexOf('\n') + 1).split("\\s+");
        return new Reference(wall, Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                Double.parseDouble(f[3]), Double.parseDouble(f[4]));
    }

    private static double relative(double a, double b) {
        return Math.abs(a - b) / Math.max(Math.abs(b), Double.MIN_NORMAL);
    }
}
