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
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The copying measures against src/test/resources/reference/measures/make_reference.py: numpy's percentiles,
 * scikit-learn's k-means, scipy's Mann-Whitney U, Alaa's authenticity and Meehan's C_T, to 1e-9.
 */
public class CopyMeasuresReferenceTest {
    private static final MemorizationSearch SEARCH = MemorizationSearch.builder().k(5).blockSize(64)
            .device(Device.cpu()).build();

    static List<JsonNode> cases() throws IOException {
        try (InputStream in = CopyMeasuresReferenceTest.class.getResourceAsStream("/reference/measures/expected.json")) {
            List<JsonNode> out = new ArrayList<>();
            new ObjectMapper().readTree(in).forEach(out::add);
            return out;
        }
    }

    static FeatureMatrix fixture(String name) {
        try {
            return NpyFile.read(Paths.get(CopyMeasuresReferenceTest.class.getResource("/reference/measures/" + name)
                    .toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTheReference(JsonNode expected) {
        String name = expected.get("name").asText();
        FeatureMatrix gen = fixture(name + "_gen.npy");
        FeatureMatrix train = fixture(name + "_train.npy");
        FeatureMatrix held = fixture(name + "_held.npy");
        Neighbours neighbours = SEARCH.search(gen, train, ProgressMonitor.NONE).neighbours();

        CopyMeasures m = CopyMeasures.compute(gen, train, null, neighbours, null, SEARCH, ProgressMonitor.NONE);
        assertEquals(expected.get("threshold").asDouble(), m.distances().threshold(), 1e-9, name + " threshold");
        assertEquals(expected.get("copy_share").asDouble(), m.distances().copyShare(), 1e-9, name + " copy share");
        assertEquals(expected.get("p5").asDouble(), m.distances().p5(), 1e-9, name + " p5");
        assertEquals(expected.get("median").asDouble(), m.distances().median(), 1e-9, name + " median");
        assertEquals(expected.get("inauthentic_share").asDouble(), m.inauthenticShare(), 1e-9, name + " authenticity");
        assertTrue(Double.isNaN(m.ct()) && m.ctMissing().contains("held-out"), "C_T without a held-out set says so");

        int[] init = new int[expected.get("init_rows").size()];
        for (int i = 0; i < init.length; i++) {
            init[i] = expected.get("init_rows").get(i).asInt();
        }
        double[][] centres = KMeans.fit(KMeans.normalised(train, DataCopyingTest.evenlySpaced(train.rows(),
                train.rows())), init);
        int[] cells = DataCopyingTest.cellsOf(train, centres);
        for (int i = 0; i < cells.length; i++) {
            assertEquals(expected.get("train_cells").get(i).asInt(), cells[i], name + " cell of training row " + i);
        }
        DataCopyingTest.Result ct = new DataCopyingTest(SEARCH).test(gen, null, held, train, centres,
                expected.get("tau").asDouble(), ProgressMonitor.NONE);
        assertEquals(expected.get("ct").asDouble(), ct.value(), 1e-9, name + " C_T");
        assertEquals(expected.get("cells_used").asInt(), ct.cellsUsed(), name + " cells used");
        // read from the memorization search's k nearest where they lie in the cell, searched where none does
        Neighbours found = SEARCH.search(gen, train, ProgressMonitor.NONE).neighbours();
        DataCopyingTest.Result fromNeighbours = new DataCopyingTest(SEARCH).test(gen, found, held, train, centres,
                expected.get("tau").asDouble(), ProgressMonitor.NONE);
        assertEquals(ct.value(), fromNeighbours.value(), 1e-12, name + " C_T from the search's neighbours");
        assertEquals(ct.cellsUsed(), fromNeighbours.cellsUsed(), name + " cells used from the search's neighbours");

        double[] x = doubles(expected.get("mw_x"));
        double[] y = doubles(expected.get("mw_y"));
        assertEquals(expected.get("mw_u").asDouble(), MannWhitney.u(x, y), 1e-9, name + " Mann-Whitney U with ties");
    }

    @Test
    void copyingPullsTheMeasuresTheSuspiciousWay() throws IOException {
        List<JsonNode> all = cases();
        JsonNode honest = all.get(0);
        JsonNode copier = all.get(1);
        assertTrue(copier.get("copy_share").asDouble() > honest.get("copy_share").asDouble());
        assertTrue(copier.get("ct").asDouble() < honest.get("ct").asDouble());
        assertTrue(copier.get("inauthentic_share").asDouble() > honest.get("inauthentic_share").asDouble());
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
