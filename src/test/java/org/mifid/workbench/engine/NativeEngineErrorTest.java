package org.mifid.workbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.Launcher;

/**
 * A build without a libtorch for the machine (the gpu build's situation on a CPU-only machine before it carried
 * the CPU libtorch too): `score` in a JVM whose class path lacks every pytorch-native jar, with an empty DJL
 * cache. One error: line naming the platform, exit 2, no stack trace, nothing downloaded into the cache.
 */
class NativeEngineErrorTest {
    private static final Path REF = Path.of("src/test/resources/reference/engine");

    @TempDir
    Path dir;

    @Test
    void noLibtorchForThisPlatformIsOneLineAndExitTwo() throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().startsWith("pytorch-native-"))
                .collect(Collectors.joining(File.pathSeparator));
        Path cache = dir.resolve("djl-cache");
        Path err = dir.resolve("stderr");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", classPath, Launcher.class.getName(), "score",
                "--features", REF.resolve("fullrank_gen.npy").toString(),
                "--train-features", REF.resolve("fullrank_train.npy").toString())
                .redirectOutput(dir.resolve("stdout").toFile())
                .redirectError(err.toFile());
        pb.environment().put("DJL_CACHE_DIR", cache.toString());
        pb.environment().remove("PYTORCH_LIBRARY_PATH");
        pb.environment().remove("PYTORCH_VERSION");
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "score did not finish");

        List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), String.join("\n", lines));
        assertEquals(1, lines.size(), "one line, got: " + lines);
        String line = lines.get(0);
        assertTrue(line.startsWith("error: PyTorch native library: none for " + ComputeDevice.platform()), line);
        assertTrue(line.contains("carries no libtorch") && line.contains("-Pgpu"), line);
        assertFalse(line.contains("Exception") || line.contains("\tat "), line);
        assertTrue(Files.readString(dir.resolve("stdout")).isEmpty());
        // offline: nothing fetched (DJL would have unpacked or downloaded libtorch under its cache)
        assertFalse(Files.exists(cache.resolve("pytorch")), "DJL wrote " + cache.resolve("pytorch"));
    }
}
