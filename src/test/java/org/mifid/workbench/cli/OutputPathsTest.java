package org.mifid.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.engine.FeatureMatrix;
import org.mifid.workbench.io.NpyFile;
import org.mifid.workbench.store.Workspace;

/**
 * An output path can never destroy an input: naming the workspace, an input matrix, a link, a directory or a
 * pipe as the output is refused with one line and exit status 2, and the file named is left exactly as it was.
 */
class OutputPathsTest {
    private static final String HEADER = "submission_id,public_score,private_score,FID_public,FID_private,"
            + "distance_public,distance_private,labels\n";

    @TempDir
    Path dir;

    private Path workspace() throws Exception {
        Path csv = dir.resolve("results.csv");
        Files.writeString(csv, HEADER + "1,50.0,80.0,50.0,80.0,0.2,0.3,non-mem\n"
                + "2,60.0,90.0,60.0,90.0,0.2,0.3,\n");
        Path db = dir.resolve("w.db");
        assertEquals(0, CliRun.of("import-results", "--db", db.toString(), csv.toString()).exit());
        return db;
    }

    private static void assertRefused(CliRun run, String path, String problem) {
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().startsWith("error: " + path + ": "), run.err());
        assertTrue(run.err().contains(problem), run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
    }

    private static String[] export(Path db, Path out) {
        return new String[] {"export", "--db", db.toString(), "--leaderboard", "public", "--format", "csv", "--out",
                out.toString()};
    }

    @Test
    void exportOverTheWorkspaceIsRefusedAndTheWorkspaceSurvives() throws Exception {
        Path db = workspace();
        byte[] before = Files.readAllBytes(db);
        assertRefused(CliRun.of(export(db, db)), db.toString(), "is also an input");
        assertArrayEquals(before, Files.readAllBytes(db));
        try (Workspace ws = Workspace.open(db)) {
            assertEquals(2, ws.submissionCount());
        }
    }

    @Test
    void linksDirectoriesAndPipesAreNotOutputs() throws Exception {
        Path db = workspace();
        Path target = Files.writeString(dir.resolve("precious.txt"), "keep me");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), target);
        assertRefused(CliRun.of(export(db, link)), link.toString(), "symbolic link");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("keep me", Files.readString(target));

        Path folder = Files.createDirectory(dir.resolve("folder"));
        assertRefused(CliRun.of(export(db, folder)), folder.toString(), "is a directory");

        Path fifo = dir.resolve("pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mkfifo.waitFor());
        assertRefused(CliRun.of(export(db, fifo)), fifo.toString(), "not a regular file");
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "the pipe is still a pipe");
    }

    @Test
    void neighboursOverAnInputMatrixIsRefusedAndTheMatrixSurvives() throws Exception {
        Random random = new Random(7);
        float[] gen = new float[6 * 4];
        float[] train = new float[8 * 4];
        for (int i = 0; i < gen.length; i++) {
            gen[i] = random.nextFloat();
        }
        for (int i = 0; i < train.length; i++) {
            train[i] = random.nextFloat();
        }
        Path g = dir.resolve("gen.npy");
        Path t = dir.resolve("train.npy");
        NpyFile.write(g, new FeatureMatrix(gen, 6, 4));
        NpyFile.write(t, new FeatureMatrix(train, 8, 4));
        byte[] before = Files.readAllBytes(t);
        CliRun run = CliRun.of("score", "--train-features", t.toString(), "--features", g.toString(), "--neighbours",
                t.toString());
        assertRefused(run, t.toString(), "is also an input");
        assertArrayEquals(before, Files.readAllBytes(t));

        Path ok = dir.resolve("neighbours.npz");
        CliRun scored = CliRun.of("score", "--train-features", t.toString(), "--features", g.toString(),
                "--neighbours", ok.toString());
        assertEquals(0, scored.exit(), scored.err());
        assertTrue(Files.size(ok) > 0);
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".partial")), "no partial file left");
        }
    }
}
