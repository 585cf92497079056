package org.mifid.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.engine.FeatureMatrix;
import org.mifid.workbench.engine.GaussianStatistics;
import org.mifid.workbench.io.NpyArray;
import org.mifid.workbench.io.NpyFile;
import org.mifid.workbench.io.StatisticsFile;

/**
 * Bad input costs nothing: sizes typed beyond what memory holds, .npz bombs, overflowing .npy shapes, all-zero
 * features and covariances that are not covariances each end in one {@code error:} line and exit status 2, in a
 * child JVM with a 256 MB heap so that an allocation regression fails fast as an OutOfMemoryError.
 */
class BadInputTest {
    private static final int DIM = 8;

    @TempDir
    Path dir;

    private Path matrix(String name, int rows, long seed) {
        Random random = new Random(seed);
        float[] x = new float[rows * DIM];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat();
        }
        Path file = dir.resolve(name);
        NpyFile.write(file, new FeatureMatrix(x, rows, DIM));
        return file;
    }

    private String[] score(Path generated, String... more) {
        String[] base = {"score", "--features", generated.toString(), "--train-features",
            matrix("train.npy", 40, 2).toString(), "--device", "cpu"};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void neighboursBeyondTheHeapAreRefusedBeforeAllocating() throws Exception {
        ChildCli.run(score(matrix("gen.npy", 30, 1), "-k", "2000000000")).assertOneErrorLine()
                .assertSays("-k 2000000000: ").assertSays("more than the");
        ChildCli.run(score(matrix("gen.npy", 30, 1), "-k", "0")).assertOneErrorLine().assertSays("-k must be at least 1");
        assertEquals(2, CliRun.of(score(matrix("gen.npy", 30, 1), "-k", "-3")).exit());
    }

    @Test
    void aSweepBeyondTheHeapIsRefused() throws Exception {
        Path csv = Files.writeString(dir.resolve("results.csv"), "submission_id,public_score,private_score,FID_public,"
                + "FID_private,distance_public,distance_private,labels\n1,50.0,80.0,50.0,80.0,0.2,0.3,non-mem\n");
        String db = dir.resolve("w.db").toString();
        assertEquals(0, CliRun.of("import-results", "--db", db, csv.toString()).exit());
        ChildCli.run("analyze", "--db", db, "--leaderboard", "public", "--sweep", "--sweep-steps", "2000000000")
                .assertOneErrorLine().assertSays("--sweep-steps 2000000000: ");
        for (String eps : new String[] {"NaN", "-0.1", "Infinity", "0"}) {
            CliRun run = CliRun.of("analyze", "--db", db, "--leaderboard", "public", "--eps", eps);
            assertEquals(2, run.exit(), eps + ": " + run.err());
            assertTrue(run.err().contains("--eps must be in (0, 1], got"), run.err());
        }
    }

    /** An .npz whose other entries are 8 x 64 MB of zeros: only mu and sigma are inflated. */
    @Test
    void onlyTheEntriesNeededAreInflatedAndBombsAreRefused() throws Exception {
        Path stats = dir.resolve("stats.npz");
        GaussianStatistics s = GaussianStatistics.of(NpyFile.read(matrix("t.npy", 40, 3)));
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(stats))) {
            for (int i = 0; i < 8; i++) {
                zeros(z, "junk" + i + ".npy", 64 << 20);
            }
            entry(z, "mu.npy", NpyArray.of(s.mean(), DIM));
            entry(z, "sigma.npy", NpyArray.of(s.covariance(), DIM, DIM));
        }
        ChildCli ok = ChildCli.run(score(matrix("gen.npy", 30, 1), "--train-stats", stats.toString(), "--json"));
        assertEquals(0, ok.exit(), ok.errText());

        Path bomb = dir.resolve("bomb.npz");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(bomb))) {
            entry(z, "mu.npy", NpyArray.of(s.mean(), DIM));
            zeros(z, "sigma.npy", 200 << 20);
        }
        ChildCli.run(score(matrix("gen.npy", 30, 1), "--train-stats", bomb.toString())).assertOneErrorLine()
                .assertSays("sigma.npy").assertSays("zip bomb");
    }

    private static void entry(ZipOutputStream z, String name, NpyArray array) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        NpyFile.write(z, array);
        z.closeEntry();
    }

    /** A float64 .npy header for {@code bytes} of data, then that many zero bytes. */
    private static void zeros(ZipOutputStream z, String name, int bytes) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        NpyFile.write(z, NpyArray.of(new double[0], 0));
        byte[] block = new byte[1 << 20];
        for (int i = 0; i < bytes; i += block.length) {
            z.write(block);
        }
        z.closeEntry();
    }

    @Test
    void overflowingShapesAreOneLine() throws Exception {
        for (String order : new String[] {"False", "True"}) {
            Path npy = dir.resolve("overflow-" + order + ".npy");
            String dict = "{'descr': '<f4', 'fortran_order': " + order + ", 'shape': (2147483647, 2147483647), }";
            String header = dict + " ".repeat(127 - 10 - dict.length()) + "\n";
            byte[] pre = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), 0};
            try (OutputStream out = Files.newOutputStream(npy)) {
                out.write(pre);
                out.write(header.getBytes(StandardCharsets.US_ASCII));
                out.write(new byte[64]);
            }
            ChildCli.run(score(npy)).assertOneErrorLine().assertSays(npy + ": shape [2147483647, 2147483647]");
        }
    }

    @Test
    void allZeroGeneratedRowsAreRefusedNotNaN() throws Exception {
        Path zero = dir.resolve("zero.npy");
        NpyFile.write(zero, new FeatureMatrix(new float[30 * DIM], 30, DIM));
        ChildCli run = ChildCli.run(score(zero, "--json"));
        run.assertOneErrorLine().assertSays("generated features: every row sums to zero");
        assertEquals(0, run.out().length, "nothing on stdout");
    }

    /** No DJL start-up notes before the error line, with --device auto as by default. */
    @Test
    void theEngineSaysNothingBeforeTheErrorLine() throws Exception {
        Path zero = dir.resolve("zero.npy");
        NpyFile.write(zero, new FeatureMatrix(new float[30 * DIM], 30, DIM));
        ChildCli run = ChildCli.run("score", "--features", zero.toString(), "--train-features",
                matrix("train.npy", 40, 2).toString(), "--device", "auto");
        run.assertOneErrorLine();
        assertFalse(run.errText().contains("ai.djl"), run.errText());
    }

    @Test
    void aCovarianceThatIsNotPositiveSemiDefiniteIsRefused() throws Exception {
        GaussianStatistics good = GaussianStatistics.of(NpyFile.read(matrix("t.npy", 40, 3)));
        double[] sigma = good.covariance().clone();
        // symmetric with a positive diagonal, yet indefinite: a strong off-diagonal pair
        double big = 4 * Math.sqrt(sigma[0] * sigma[DIM + 1]);
        sigma[1] = big;
        sigma[DIM] = big;
        Path stats = dir.resolve("indefinite.npz");
        StatisticsFile.write(new GaussianStatistics(good.mean(), sigma, 0), stats);
        ChildCli.run(score(matrix("gen.npy", 30, 1), "--train-stats", stats.toString())).assertOneErrorLine()
                .assertSays("not positive semi-definite");

        Path fine = dir.resolve("fine.npz");
        StatisticsFile.write(good, fine);
        assertEquals(0, CliRun.of(score(matrix("gen.npy", 30, 1), "--train-stats", fine.toString())).exit());
    }

    @Test
    void directoriesAndPipesAreNamedAsWhatTheyAre() throws Exception {
        CliRun folder = CliRun.of(score(Files.createDirectory(dir.resolve("folder"))));
        assertEquals(2, folder.exit());
        assertTrue(folder.err().contains("folder: is a directory"), folder.err());
        Path fifo = dir.resolve("pipe.npy");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        CliRun pipe = CliRun.of(score(fifo));
        assertEquals(2, pipe.exit());
        assertTrue(pipe.err().contains("pipe.npy: is not a regular file"), pipe.err());
    }
}
