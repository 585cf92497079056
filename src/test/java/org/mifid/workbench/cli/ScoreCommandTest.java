package org.mifid.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.engine.ComputeDevice;
import org.mifid.workbench.io.NpyArray;
import org.mifid.workbench.io.NpyFile;
import org.mifid.workbench.io.NpzFile;
import org.mifid.workbench.imaging.ImageSetsTest;

class ScoreCommandTest {



    static String fixture(String name) {
        try {
            return Paths.get(ScoreCommandTest.class.getResource("/reference/engine/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode expected(String name) throws IOException {
        try (InputStream in = ScoreCommandTest.class.getResourceAsStream("/reference/engine/expected.json")) {
            for (JsonNode c : new ObjectMapper().readTree(in)) {
                if (c.get("name").asText().equals(name)) {
                    return c;
                }
            }
        }
        throw new IllegalArgumentException(name);
    }

    @Test
    void jsonIsOneObjectWithTheReferenceValues(@TempDir Path dir) throws IOException {
        Path neighbours = dir.resolve("nn.npz");
        CliRun r = CliRun.of("score", "--train-features", fixture("zerorows_train.npy"), "--features", fixture("zerorows_gen.npy"),
                "--device", "cpu", "--json", "-k", "3", "--neighbours", neighbours.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertEquals(1, r.out().trim().lines().count());
        JsonNode e = expected("zerorows");
        for (String key : new String[] {"fid", "distance", "distance_thresholded", "mifid", "n_generated", "n_train",
                "dim"}) {
            assertTrue(o.has(key), key);
        }
        assertEquals(e.get("fid").asDouble(), o.get("fid").asDouble(), 1e-6 * e.get("fid").asDouble());
        assertEquals(e.get("distance").asDouble(), o.get("distance").asDouble(), 1e-6);
        assertEquals(300, o.get("n_generated").asInt());
        Map<String, NpyArray> nn = NpzFile.read(neighbours, "indices", "distances");
        int[] idx = nn.get("indices").toInts();
        assertEquals(e.get("nearest3").get(0).get(0).asInt(), idx[0]);
        assertEquals(-1, idx[7 * 3], "a zero row has no neighbours");
    }

    @Test
    void autoDeviceSaysWhatItChoseOnStderrAndInJson() throws IOException {
        CliRun r = CliRun.of("score", "--train-features", fixture("fullrank_train.npy"), "--features",
                fixture("fullrank_gen.npy"), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out());
        String kind = ComputeDevice.choose("auto").kind();
        assertEquals(kind, o.get("device").asText());
        List<String> said = r.err().lines().filter(l -> l.startsWith("device: ")).toList();
        assertEquals(1, said.size(), r.err());
        assertTrue(said.get(0).startsWith("device: " + kind + " ") && said.get(0).contains("auto"), said.get(0));
        assertTrue(said.get(0).contains(o.get("device_reason").asText()), said.get(0));
    }

    @Test
    void gpuWithoutAUsableGpuIsOneLineAndExitTwo() {
        CliRun r = CliRun.of("score", "--train-features", fixture("fullrank_train.npy"), "--features",
                fixture("fullrank_gen.npy"), "--device", "gpu");
        if (ComputeDevice.choose("auto").device().isGpu()) {
            assertEquals(0, r.exit(), "a machine with a GPU scores on it: " + r.err());
            return;
        }
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: --device gpu: no usable GPU"), r.err());
    }

    @Test
    void trainStatsGiveTheSameFid() throws IOException {
        CliRun a = CliRun.of("score", "--train-features", fixture("fullrank_train.npy"), "--features", fixture("fullrank_gen.npy"),
                "--device", "cpu", "--json");
        CliRun b = CliRun.of("score", "--train-features", fixture("fullrank_train.npy"), "--features", fixture("fullrank_gen.npy"),
                "--train-stats", fixture("fullrank_train_stats_compressed.npz"), "--device", "cpu", "--json");
        ObjectMapper m = new ObjectMapper();
        assertEquals(m.readTree(a.out()).get("fid").asDouble(), m.readTree(b.out()).get("fid").asDouble(), 1e-8);
    }

    @Test
    void notebookOffsetAndPrivateThreshold() throws IOException {
        CliRun r = CliRun.of("score", "--train-features", fixture("memorizer_train.npy"), "--features",
                fixture("memorizer_gen.npy"), "--leaderboard", "private", "--offset", "notebook", "--device", "cpu",
                "--json");
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertEquals(0.25, o.get("epsilon").asDouble());
        assertTrue(o.get("penalised").asBoolean());
        assertEquals(o.get("fid").asDouble() / (o.get("distance").asDouble() + 1e-14), o.get("mifid").asDouble(),
                1e-9 * o.get("mifid").asDouble());
    }

    @Test
    void imagesRouteExtractsWithTheNamedModel(@TempDir Path dir) throws IOException {
        Path train = Files.createDirectories(dir.resolve("train"));
        for (int i = 0; i < 6; i++) {
            Files.write(train.resolve(i + ".png"), ImageSetsTest.rgb64(i));
        }
        // two exact copies of training images, two new ones; and the two new ones alone
        Path zip = zipOf(dir.resolve("sub.zip"), 0, 1, 102, 103);
        Path fresh = zipOf(dir.resolve("fresh.zip"), 102, 103);
        CliRun r = CliRun.of("score", "--submission", zip.toString(), "--train", train.toString(), "--model",
                "nsfwjs-mobilenet-v2", "--device", "cpu", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertEquals("nsfwjs-mobilenet-v2", o.get("model").asText());
        assertEquals(false, o.get("comparable_with_kaggle").asBoolean());
        assertEquals(1280, o.get("dim").asInt());
        assertEquals(4, o.get("n_generated").asInt());
        // a copy's nearest training image is itself (distance 0), so adding two copies to the two new images
        // halves the mean nearest distance exactly
        CliRun alone = CliRun.of("score", "--submission", fresh.toString(), "--train", train.toString(), "--model",
                "nsfwjs-mobilenet-v2", "--device", "cpu", "--json");
        assertEquals(0, alone.exit(), alone.err());
        double freshDistance = new ObjectMapper().readTree(alone.out()).get("distance").asDouble();
        assertTrue(freshDistance > 0.01, alone.out());
        assertEquals(freshDistance / 2, o.get("distance").asDouble(), 1e-5 * freshDistance, r.out());
        // the pixel space sees the two exact copies; C_T says it lacks a held-out set
        JsonNode m = o.get("measures");
        assertTrue(m.get("pixel_copy_share").get("value").asDouble() >= 0.5, r.out());
        assertTrue(m.get("pixel_ct").get("value").isNull(), r.out());
        assertTrue(m.get("pixel_ct").get("reason").asText().contains("held-out"), r.out());
    }

    @Test
    void measuresAreTheEnginesReferenceValues() throws IOException {
        JsonNode expected;
        try (InputStream in = ScoreCommandTest.class.getResourceAsStream("/reference/measures/expected.json")) {
            expected = new ObjectMapper().readTree(in).get(1);
        }
        String dir = Paths.get(fixture("expected.json")).getParent().resolveSibling("measures").toString();
        CliRun r = CliRun.of("score", "--features", dir + "/copier_gen.npy", "--train-features",
                dir + "/copier_train.npy", "--held-out-features", dir + "/copier_held.npy", "--device", "cpu", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode m = new ObjectMapper().readTree(r.out()).get("measures");
        assertEquals(expected.get("copy_share").asDouble(), m.get("copy_share").get("value").asDouble(), 1e-9);
        assertEquals(expected.get("median").asDouble(), m.get("median_distance").get("value").asDouble(), 1e-9);
        assertEquals(expected.get("inauthentic_share").asDouble(), m.get("authenticity").get("value").asDouble(), 1e-9);
        assertTrue(m.get("copy_share").get("higher_is_suspicious").asBoolean());
        assertTrue(m.get("ct").get("value").asDouble() < -0.5, "40 copies in 200 pull C_T negative: " + m.get("ct"));
        assertTrue(m.get("pixel_copy_share").get("value").isNull());
        CliRun both = CliRun.of("score", "--features", dir + "/copier_gen.npy", "--train-features",
                dir + "/copier_train.npy", "--held-out-features", dir + "/copier_held.npy", "--held-out", dir);
        assertEquals(2, both.exit(), both.err());
    }

    private static Path zipOf(Path zip, int... seeds) throws IOException {
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            for (int seed : seeds) {
                z.putNextEntry(new java.util.zip.ZipEntry(seed + ".png"));
                z.write(ImageSetsTest.rgb64(seed));
                z.closeEntry();
            }
        }
        return zip;
    }

    @Test
    void badInputExitsTwoWithOneLineNamingTheFile(@TempDir Path dir) throws IOException {
        Path nan = dir.resolve("nan.npy");
        NpyFile.write(nan, new org.mifid.workbench.engine.FeatureMatrix(new float[] {1, Float.NaN, 3, 4}, 2, 2));
        Path narrow = dir.resolve("narrow.npy");
        NpyFile.write(narrow, new org.mifid.workbench.engine.FeatureMatrix(new float[] {1, 2, 3, 4}, 4, 1));
        Path ints = dir.resolve("ints.npy");
        NpyFile.write(ints, NpyArray.of(new int[] {1, 2, 3, 4}, 2, 2));
        String train = fixture("fullrank_train.npy");
        assertBad(CliRun.of("score", "--train-features", train, "--features", dir.resolve("none.npy").toString()),
                "none.npy: no such file");
        assertBad(CliRun.of("score", "--train-features", train, "--features", nan.toString()), "nan.npy: NaN at row 0");
        assertBad(CliRun.of("score", "--train-features", train, "--features", narrow.toString()), "narrow.npy: has 1 features");
        assertBad(CliRun.of("score", "--train-features", train, "--features", ints.toString()), "ints.npy: expected float32");
        assertBad(CliRun.of("score", "--features", train), "needs the training features");
        Files.writeString(dir.resolve("e.npy"), "");
        assertBad(CliRun.of("score", "--train-features", train, "--features", dir.resolve("e.npy").toString()), "e.npy: ");
    }

    private static void assertBad(CliRun r, String message) {
        assertEquals(MifidCommand.EXIT_BAD_INPUT, r.exit(), r.err());
        assertTrue(r.err().contains(message), r.err());
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("error:")).count(), r.err());
        assertEquals("", r.out());
    }
}
