package org.mifid.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.assets.AppPaths;

/**
 * Each kind of failure has its own exit status and its own words: bad input 2, missing network weights 3 (naming
 * the folder the README names and how to make the file), an unknown extractor 4, a workspace that cannot be
 * written 5.
 */
class ErrorKindsTest {
    @TempDir
    Path dir;

    private static void assertOneLine(CliRun run, int exit, String text) {
        assertEquals(exit, run.exit(), run.err());
        assertTrue(run.err().contains(text), run.err());
        assertEquals(1, run.err().lines().filter(l -> l.startsWith("error: ")).count(), run.err());
    }

    @Test
    void missingWeightsNameTheAssetsModelsFolderAndHowToMakeTheFile() throws Exception {
        Path images = Files.createDirectory(dir.resolve("images"));
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", images.resolve("dog.png").toFile());
        Path weights = AppPaths.assetsDir().resolve("models/fid-inception.pt");
        CliRun run = CliRun.of("extract", "--images", images.toString(), "--model", "fid-inception", "--out",
                dir.resolve("f.npy").toString());
        assertOneLine(run, 3, weights + ": is missing: export it with `python models/export_torchscript.py"
                + " fid-inception OUT_DIR` (see models/README.md) and copy fid-inception.pt into " + weights.getParent());
    }

    @Test
    void anUnknownExtractorIsItsOwnKind() throws Exception {
        Path images = Files.createDirectory(dir.resolve("images"));
        CliRun run = CliRun.of("extract", "--images", images.toString(), "--model", "no-such-net", "--out",
                dir.resolve("f.npy").toString());
        assertOneLine(run, 4, "--model no-such-net: unknown extractor; known: nsfwjs-inception-v3");
    }

    @Test
    void badInputStaysTwo() {
        CliRun run = CliRun.of("score", "--features", dir.resolve("none.npy").toString(), "--train-features",
                dir.resolve("none.npy").toString());
        assertOneLine(run, 2, "none.npy: no such file");
    }

    /** Another program holds the write lock past the busy timeout: the write fails as storage, not as input. */
    @Test
    void aWorkspaceThatCannotBeWrittenIsAStorageFailure() throws Exception {
        Path csv = Files.writeString(dir.resolve("r.csv"), "submission_id,public_score,private_score,FID_public,"
                + "FID_private,distance_public,distance_private,labels\n1,50.0,80.0,50.0,80.0,0.2,0.3,non-mem\n");
        String db = dir.resolve("w.db").toString();
        assertEquals(0, CliRun.of("import-results", "--db", db, csv.toString()).exit());
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = other.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            CliRun run = CliRun.of("verdict", "--db", db, "--submission", "1", "--set", "legit");
            assertOneLine(run, 5, "locked by another program");
            s.execute("ROLLBACK");
        }
    }
}
