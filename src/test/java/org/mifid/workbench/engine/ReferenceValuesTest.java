package org.mifid.workbench.engine;

import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.io.NpyFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine against values computed by src/test/resources/reference/engine/make_reference.py: FID through
 * scipy's sqrtm exactly as the 2019 scoring code, the memorization distance as its cosine_distance.
 */
public class ReferenceValuesTest {

    static List<JsonNode> cases() throws IOException {
        try (InputStream in = ReferenceValuesTest.class.getResourceAsStream("/reference/engine/expected.json")) {
            List<JsonNode> out = new ArrayList<>();
            new ObjectMapper().readTree(in).forEach(out::add);
            return out;
        }
    }

    public static Path fixture(String name) {
        try {
            return Paths.get(ReferenceValuesTest.class.getResource("/reference/engine/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTheScoringCode(JsonNode expected) {
        String name = expected.get("name").asText();
        FeatureMatrix gen = NpyFile.read(fixture(name + "_gen.npy"));
        FeatureMatrix train = NpyFile.read(fixture(name + "_train.npy"));
        double eps = expected.get("eps").asDouble();
        MifidScorer.Result r = MifidScorer.builder().epsilon(eps).k(3).blockSize(64).device(Device.cpu()).build()
                .score(gen, train, null, ProgressMonitor.NONE);
        MifidScore s = r.score();
        boolean rankDeficient = expected.get("rank_deficient").asBoolean();
        double fidTolerance = rankDeficient ? 1e-5 : 1e-6;
        assertRelative(expected.get("fid").asDouble(), s.fid(), fidTolerance, name + " fid");
        assertEquals(expected.get("distance").asDouble(), s.distance(), 1e-6, name + " distance");
        assertEquals(expected.get("distance_thresholded").asDouble(), s.distanceThresholded(), 1e-6, name);
        assertEquals(expected.get("distance64").asDouble(), s.distance(), 1e-9, name + " float64 distance");
        assertRelative(expected.get("mifid64").asDouble(), s.mifid(), 1e-6, name + " mifid");
        if (s.distance() > 1e-3) {
            // away from memorizers the scoring code's float32 arithmetic is precise enough to compare MiFID too
            assertRelative(expected.get("mifid").asDouble(), s.mifid(), 1e-6, name + " mifid (scoring code)");
        }
        assertEquals(rankDeficient, s.rankDeficient(), name + " rank deficiency");
        assertEquals(expected.get("n_generated").asInt(), s.nGenerated());
        assertEquals(expected.get("dim").asInt(), s.dim());
        JsonNode nearest = expected.get("nearest3");
        for (int i = 0; i < gen.rows(); i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(nearest.get(i).get(j).asInt(), r.neighbours().index(i, j),
                        name + " neighbour " + j + " of generated row " + i);
            }
        }
    }

    static void assertRelative(double expected, double actual, double tolerance, String what) {
        double rel = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
        assertTrue(rel <= tolerance, what + ": expected " + expected + ", got " + actual + " (relative error " + rel
                + ")");
    }
}
