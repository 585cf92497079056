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
import java.util.Optional;
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
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.Measure;
import org.mifid.workbench.core.MeasureValues;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.core.Submission;
import org.mifid.workbench.store.SubmissionScore;
import org.mifid.workbench.engine.Neighbours;
import org.mifid.workbench.imaging.ImageSetsTest;
import org.mifid.workbench.io.BatchFolder;
import org.mifid.workbench.io.NeighboursFile;
import org.mifid.workbench.scoring.ImageLookup;
import org.mifid.workbench.scoring.ImageSetRegistration;
import org.mifid.workbench.scoring.ScoringRequest;
import org.mifid.workbench.scoring.SubmissionScoring;
import org.mifid.workbench.store.ReferenceSet;
import org.mifid.workbench.store.StoredNeighbours;
import org.mifid.workbench.store.Workspace;

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

    /**
     * import-results on a real local[2] job's folder stores what the desktop's scoring stores for the same archive
     * (image names, figures, the same neighbours into the same training set, every copying measure computed on the
     * executors against the job's held-out set, which becomes the board's), lists the failed row, stores nothing
     * twice when run again, and says in one line when the archives are not reachable from here.
     */
    @Test
    void importBringsTheNeighboursAndSaysWhenImagesAreNotReachable() throws IOException {
        Path job = Files.createDirectories(dir.resolve("import"));
        Path train = Files.createDirectories(job.resolve("train"));
        for (int i = 0; i < 6; i++) {
            Files.write(train.resolve("t" + i + ".png"), ImageSetsTest.rgb64(300 + i));
        }
        Path a = zip(job, "a.zip", "g0.png", ImageSetsTest.rgb64(301), "g1.png", ImageSetsTest.rgb64(410),
                "g2.png", ImageSetsTest.rgb64(411));
        Path b = zip(job, "b.zip", "h0.png", ImageSetsTest.rgb64(420), "h1.png", ImageSetsTest.rgb64(303));
        zip(job, "bad.zip", "notes.png", "not an image".getBytes());
        Path manifest = job.resolve("manifest.csv");
        Files.writeString(manifest, "submission_id,team,archive\n21,Alpha,a.zip\n22,Beta,b.zip\n23,Gamma,bad.zip\n"
                + "24,Delta,a.zip\n");
        Path held = Files.createDirectories(job.resolve("held"));
        for (int i = 0; i < 4; i++) {
            Files.write(held.resolve("r" + i + ".png"), ImageSetsTest.rgb64(500 + i));
        }
        Path out = job.resolve("out");
        CliRun run = batch(manifest, train, out, "3", "--held-out", held.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("import-results --db W.db " + out.resolve("results.csv")), run.out());

        Path db = job.resolve("imported.db");
        CliRun imported = CliRun.of("import-results", "--db", db.toString(), out.resolve("results.csv").toString());
        assertEquals(0, imported.exit(), imported.err());
        assertTrue(imported.out().contains("imported 3 of 4 rows"), imported.out());
        assertTrue(imported.out().contains("not scored by the batch job: 1"), imported.out());
        assertTrue(imported.out().contains("results.csv:4: not scored by the batch job: "), imported.out());
        assertTrue(imported.out().contains("images reachable from this machine for 3 of 3 imported submissions\n"),
                imported.out());

        Path desktopDb = job.resolve("desktop.db");
        try (Workspace ws = Workspace.open(db); Workspace desktop = Workspace.open(desktopDb);
                ImageLookup images = new ImageLookup()) {
            ReferenceSet set = ws.leaderboardReferenceSet(LeaderboardPreset.PUBLIC).orElseThrow();
            assertEquals(train.toAbsolutePath().normalize().toString(), set.location());
            assertEquals(MODEL, ws.leaderboardExtractor(LeaderboardPreset.PUBLIC));
            // the desktop's scoring of a.zip against the same training set, into its own workspace
            desktop.assignReferenceSet(LeaderboardPreset.PUBLIC, desktop.addReferenceSet(set,
                    ws.referenceImageNames(set.id())));
            assertEquals(held.toAbsolutePath().normalize().toString(),
                    ws.leaderboardHeldOutSet(LeaderboardPreset.PUBLIC).orElseThrow().location());
            new ImageSetRegistration(desktop).heldOut("held", held, List.of(LeaderboardPreset.PUBLIC),
                    ProgressMonitor.NONE);
            try (SubmissionScoring scoring = new SubmissionScoring(desktop)) {
                scoring.score(new ScoringRequest(a, "Alpha", "21", LeaderboardPreset.PUBLIC, MODEL, "cpu", 3,
                        "kaggle-dogs"), ProgressMonitor.NONE);
            }
            Submission scored = desktop.submissionByExternalId("21").orElseThrow();
            StoredNeighbours expected = desktop.neighbours(scored.id(), LeaderboardPreset.PUBLIC).orElseThrow();
            SubmissionScore expectedScore = desktop.leaderboardRows(LeaderboardPreset.PUBLIC).get(0).score();
            MeasureValues expectedMeasures = desktop.measures(LeaderboardPreset.PUBLIC).get(scored.id());
            Map<String, CSVRecord> csv = results(out);

            for (String id : List.of("21", "24")) {
                Submission s = ws.submissionByExternalId(id).orElseThrow();
                assertEquals(a.toAbsolutePath().normalize().toString(), s.path());
                assertEquals(3, s.imageCount());
                StoredNeighbours n = ws.neighbours(s.id(), LeaderboardPreset.PUBLIC).orElseThrow();
                assertEquals(set.id(), n.referenceSetId());
                assertEquals(expected.imageNames(), n.imageNames());
                assertArrayEquals(expected.neighbours().indices(), n.neighbours().indices());
                assertArrayEquals(expected.neighbours().distances(), n.neighbours().distances(), 1e-6f);
                SubmissionScore score = ws.leaderboardRows(LeaderboardPreset.PUBLIC).stream()
                        .filter(r -> r.submission().id() == s.id()).findFirst().orElseThrow().score();
                assertRelative(expectedScore.fid(), score.fid());
                assertRelative(expectedScore.distance(), score.distance());
                assertRelative(expectedScore.mifid(), score.mifid());
                // the executors' copying measures are the desktop's, in both spaces, reasons included
                MeasureValues measures = ws.measures(LeaderboardPreset.PUBLIC).get(s.id());
                for (Measure m : Measure.values()) {
                    Double want = expectedMeasures.value(m);
                    if (want == null) {
                        assertEquals(expectedMeasures.reason(m), measures.reason(m), m.id());
                        assertEquals("", csv.get(id).get(m.id()), m.id());
                    } else {
                        assertEquals(want, measures.value(m), 1e-9, m.id());
                        assertEquals(want, Double.parseDouble(csv.get(id).get(m.id())), 1e-9, m.id());
                    }
                    assertEquals(expectedMeasures.threshold(m), measures.threshold(m), m.id());
                }
                assertTrue(measures.value(Measure.PIXEL_COPY_SHARE) > 0, "g0 is a training image: " + measures);
            }
            // the archive's own checksum, as the desktop stores it: scoring it there would find it present
            assertEquals(scored.checksum(), ws.submissionByExternalId("21").orElseThrow().checksum());
            assertTrue(ws.submissionByExternalId("23").isEmpty());
            // what the inspector reads: the generated image from the archive, its neighbour from the training set
            Submission s21 = ws.submissionByExternalId("21").orElseThrow();
            assertTrue(ImageLookup.unreachable(s21, set).isEmpty());
            assertArrayEquals(ImageSetsTest.rgb64(301), images.submissionImage(s21, "g0.png"));
            String nearest = ws.referenceImageNames(set.id()).get(expected.neighbours().index(0, 0));
            assertArrayEquals(Files.readAllBytes(train.resolve(nearest)), images.referenceImage(set, nearest));
        }

        CliRun again = CliRun.of("import-results", "--db", db.toString(), out.resolve("results.csv").toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("imported 0 of 4 rows"), again.out());
        assertTrue(again.out().contains("already in the workspace: 3;"), again.out());

        // the archives moved (scored on a cluster, inspected elsewhere): figures and neighbours, and one line why
        Files.move(a, job.resolve("a-moved.zip"));
        CliRun elsewhere = CliRun.of("import-results", "--db", job.resolve("elsewhere.db").toString(),
                out.resolve("results.csv").toString());
        assertEquals(0, elsewhere.exit(), elsewhere.err());
        assertTrue(elsewhere.out().contains("images reachable from this machine for 1 of 3 imported submissions"
                + " (first: images not shown: archive " + a.toAbsolutePath().normalize() + " is not reachable from"
                + " this machine)"), elsewhere.out());
        try (Workspace ws = Workspace.open(db)) {
            Submission s = ws.submissionByExternalId("21").orElseThrow();
            assertEquals(Optional.of("images not shown: archive " + s.path() + " is not reachable from this machine"),
                    ImageLookup.unreachable(s, ws.referenceSet(ws.neighbours(s.id(), LeaderboardPreset.PUBLIC)
                            .orElseThrow().referenceSetId()).orElseThrow()));
        }
    }

    private static CliRun batch(Path manifest, Path train, Path out, String k, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("batch", "--master", "local[2]", "--manifest",
                manifest.toString(), "--train", train.toString(), "--model", MODEL, "--device", "cpu", "--leaderboard",
                "public", "-k", k, "--out", out.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
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
        return zip(dir, name, nameThenBytes);
    }

    private static Path zip(Path folder, String name, Object... nameThenBytes) throws IOException {
        Path z = folder.resolve(name);
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
