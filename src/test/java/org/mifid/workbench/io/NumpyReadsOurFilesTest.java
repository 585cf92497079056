package org.mifid.workbench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.Prerequisites;
import org.mifid.workbench.engine.FeatureMatrix;
import org.mifid.workbench.engine.GaussianStatistics;

/**
 * The .npy and .npz files the workbench writes (cached features, extract's output, score's statistics and
 * neighbours) are read back by NumPy itself, not only by our own reader, which could share a writer's mistake.
 */
class NumpyReadsOurFilesTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    /** Prints, for every array, its name, dtype, shape and the repr of its values in C order. */
    private static final String DUMP = String.join("\n",
            "import sys, numpy as np",
            "for f in sys.argv[1:]:",
            "    if f.endswith('.npz'):",
            "        z = np.load(f, allow_pickle=False)",
            "        items = [(f.split('/')[-1] + ':' + k, z[k]) for k in z.files]",
            "    else:",
            "        items = [(f.split('/')[-1], np.load(f, allow_pickle=False))]",
            "    for name, a in items:",
            "        print(name, a.dtype.str, list(a.shape), [repr(v) for v in a.ravel(order='C').tolist()])");

    @TempDir
    Path dir;

    @Test
    void numpyReadsTheExactValuesWeWrote() throws Exception {
        Prerequisites.require(Files.isExecutable(PYTHON) && run("import numpy").exitCode == 0,
                "python3 with NumPy is not installed (apt package python3-numpy)");

        Path features = dir.resolve("features.npy");
        NpyFile.write(features, new FeatureMatrix(new float[] {1f, -2.5f, 3e-8f, Float.MAX_VALUE, 0.1f, -0f}, 2, 3));

        Path stats = dir.resolve("stats.npz");
        StatisticsFile.write(new GaussianStatistics(new double[] {0.5, -1e300}, new double[] {2, 0.1, 0.1, 3}, 0),
                stats);

        Path neighbours = dir.resolve("neighbours.npz");
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("indices", NpyArray.of(new int[] {7, 0, Integer.MIN_VALUE}, 3, 1));
        arrays.put("distances", NpyArray.of(new float[] {0.25f, 1f / 3, 9f}, 3, 1));
        NpzFile.write(neighbours, arrays);

        Result r = run(DUMP, features.toString(), stats.toString(), neighbours.toString());
        assertEquals(0, r.exitCode, r.output);
        assertEquals(List.of(
                "features.npy <f4 [2, 3] ['1.0', '-2.5', '2.999999892949745e-08', '3.4028234663852886e+38', "
                        + "'0.10000000149011612', '-0.0']",
                "stats.npz:mu <f8 [2] ['0.5', '-1e+300']",
                "stats.npz:sigma <f8 [2, 2] ['2.0', '0.1', '0.1', '3.0']",
                "neighbours.npz:indices <i4 [3, 1] ['7', '0', '-2147483648']",
                "neighbours.npz:distances <f4 [3, 1] ['0.25', '0.3333333432674408', '9.0']"),
                r.output.lines().toList());
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String script, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(PYTHON.toString(), "-c", script));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "python3 did not finish in 60 s");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
