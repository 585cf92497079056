package org.mifid.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.batch.SparkBatch;
import org.mifid.workbench.engine.Neighbours;
import org.mifid.workbench.imaging.ImageSetsTest;
import org.mifid.workbench.io.BatchFolder;
import org.mifid.workbench.io.NeighboursFile;

/**
 * The batch job on Spark local[2], end to end through the command line: the figures equal {@code score}'s for the
 * same archive, a hostile archive fails its row only, the same archive twice is scored once, and a rerun resumes.
 * One Spark session serves the class (its start costs ~7 s); the command uses it and leaves it running.
 */
class BatchCommandTest {
    private static final String MODEL = "nsfwjs-mobilenet-v2";
    private static SparkSession spark;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startSpark() {
        spark = SparkBatch.builder("local[2]").getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void scoresLikeScoreFailsBadArchivesAloneAndResumes() throws IOException {
        Path train = Files.createDirectories(dir.resolve("train"));
        for (int i = 0; i < 8; i++) {
            Files.write(train.resolve(i + ".png"), ImageSetsTest.rgb64(i));
        }
        // a copies two training images; b is all new; bad leaves its folder and holds a text file
        Path a = zip("a.zip", "0.png", ImageSetsTest.rgb64(0), "1.png", ImageSetsTest.rgb64(1), "2.png",
                ImageSetsTest.rgb64(102), "3.png", ImageSetsTest.rgb64(103));
        Path b = zip("b.zip", "x.png", ImageSetsTest.rgb64(200), "y.png", ImageSetsTest.rgb64(201), "z.png",
                ImageSetsTest.rgb64(202));
        zip("bad.zip", "../escape.png", ImageSetsTest.rgb64(1), "notes.png", "not an image\u001b[31m".getBytes());
        Path manifest = dir.resolve("manifest.csv");
        Files.writeString(manifest, "submission_id,team,archive\n11,Alpha,a.zip\n12,Beta,b.zip\n13,Gamma,bad.zip\n"
                + "14,Alpha again,a.zip\n");
        Path out = dir.resolve("out");

        CliRun first = batch(manifest, train, out, "5");
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().contains("4 rows, 3 archives: 3 scored now, 0 finished by an earlier run, 1 rows failed"),
                first.out());

        Map<String, CSVRecord> rows = results(out);
        assertEquals(List.of("11", "12", "13", "14"), List.copyOf(rows.keySet()));
        CSVRecord bad = rows.get("13");
        assertFalse(bad.get("error").isEmpty());
        assertFalse(bad.get("error").contains("\u001b"), bad.get("error"));
        assertEquals("", bad.get("FID_public"));
        assertEquals("", rows.get("11").get("error"));
        assertEquals(rows.get("11").get("FID_public"), rows.get("14").get("FID_public"));

        for (Path archive : List.of(a, b)) {
            CSVRecord row = rows.get(archive == a ? "11" : "12");
            Path scoreNeighbours = dir.resolve(archive.getFileName() + ".npz");
            Files.deleteIfExists(scoreNeighbours);
            CliRun score = CliRun.of("score", "--submission", archive.toString(), "--train", train.toString(),
                    "--model", MODEL, "--device", "cpu", "--leaderboard", "public", "--neighbours",
                    scoreNeighbours.toString(), "--json");
            assertEquals(0, score.exit(), score.err());
            JsonNode s = new ObjectMapper().readTree(score.out());
            assertRelative(s.get("fid").asDouble(), Double.parseDouble(row.get("FID_public")));
            assertRelative(s.get("distance").asDouble(), Double.parseDouble(row.get("distance_public")));
            assertRelative(s.get("mifid").asDouble(), Double.parseDouble(row.get("public_score")));
            Neighbours expected = NeighboursFile.read(scoreNeighbours);
            Neighbours batch = new BatchFolder(out).neighbours(BatchFolder.key(archive.toAbsolutePath().normalize()
                    .toString()));
            assertArrayEquals(expected.indices(), batch.indices());
        }
        assertEquals(4, spark.read().parquet(out.resolve("results.parquet").toString()).count());
        assertEquals(7, spark.read().parquet(out.resolve("neighbours.parquet").toString()).count());

        // a job killed before it finished b: b is scored again, a is left as it was
        Path scored = out.resolve("scored");
        Path aResult = scored.resolve(BatchFolder.key(a.toAbsolutePath().normalize().toString()) + ".json");
        Files.setLastModifiedTime(aResult, FileTime.fromMillis(1_000_000L));
        Files.delete(scored.resolve(BatchFolder.key(b.toAbsolutePath().normalize().toString()) + ".json"));
        CliRun resumed = batch(manifest, train, out, "5");
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.out().contains("3 archives: 1 scored now, 2 finished by an earlier run"), resumed.out());
        assertEquals(1_000_000L, Files.getLastModifiedTime(aResult).toMillis());
        assertEquals(rows.get("12").get("FID_public"), results(out).get("12").get("FID_public"));

        // other settings in the same folder would mix two jobs' figures: refused in one line
        CliRun other = batch(manifest, train, out, "3");
        assertEquals(MifidCommand.EXIT_BAD_INPUT, other.exit(), other.err());
        assertTrue(other.err().contains("job.json: this folder holds a job with other settings"), other.err());
    }

    private static CliRun batch(Path manifest, Path train, Path out, String k) {
        return CliRun.of("batch", "--master", "local[2]", "--manifest", manifest.toString(), "--train",
                train.toString(), "--model", MODEL, "--device", "cpu", "--leaderboard", "public", "-k", k, "--out",
                out.toString());
    }

    private static void assertRelative(double expected, double actual) {
        assertEquals(expected, actual, 1e-9 * Math.max(Math.abs(expected), 1e-300), "expected " + expected);
    }

    private static Map<String, CSVRecord> results(Path out) throws IOException {
        Map<String, CSVRecord> rows = new java.util.LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(out.resolve("results.csv"))) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                rows.put(r.get("submission_id"), r);
            }
        }
        return rows;
    }

    private static Path zip(String name, Object... nameThenBytes) throws IOException {
        Path z = dir.resolve(name);
        try (ZipOutputStream o = new ZipOutputStream(Files.newOutputStream(z))) {
            for (int i = 0; i < nameThenBytes.length; i += 2) {
                o.putNextEntry(new ZipEntry((String) nameThenBytes[i]));
                o.write((byte[]) nameThenBytes[i + 1]);
                o.closeEntry();
            }
        }
        return z;
    }
}
