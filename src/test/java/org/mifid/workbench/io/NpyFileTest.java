package org.mifid.workbench.io;

import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.engine.FeatureMatrix;
import org.mifid.workbench.engine.GaussianStatistics;
import org.mifid.workbench.engine.ReferenceValuesTest;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyFileTest {

    @Test
    void float32AndFortranFloat64FromNumpyAgree() {
        FeatureMatrix c32 = NpyFile.read(ReferenceValuesTest.fixture("fullrank_gen.npy"));
        FeatureMatrix f64 = NpyFile.read(ReferenceValuesTest.fixture("fortran64_gen.npy"));
        assertEquals(c32.rows(), f64.rows());
        assertEquals(c32.cols(), f64.cols());
        // the float64 file holds the float32 values widened, so rounding back gives them exactly
        assertArrayEquals(c32.data(), f64.data());
    }

    @Test
    void roundTripsFloat32(@TempDir Path dir) {
        FeatureMatrix m = new FeatureMatrix(new float[] {1, -2.5f, 3, 4e-8f, 5, 6}, 3, 2);
        Path f = dir.resolve("m.npy");
        NpyFile.write(f, m);
        FeatureMatrix back = NpyFile.read(f);
        assertEquals(3, back.rows());
        assertArrayEquals(m.data(), back.data());
    }

    @Test
    void numpyStatisticsFilesReadStoredAndDeflated() {
        GaussianStatistics stored = StatisticsFile.read(ReferenceValuesTest.fixture("fullrank_train_stats.npz"));
        GaussianStatistics deflated =
                StatisticsFile.read(ReferenceValuesTest.fixture("fullrank_train_stats_compressed.npz"));
        assertArrayEquals(stored.covariance(), deflated.covariance());
        GaussianStatistics computed = GaussianStatistics.of(NpyFile.read(ReferenceValuesTest.fixture("fullrank_train.npy")));
        for (int i = 0; i < computed.covariance().length; i++) {
            assertEquals(stored.covariance()[i], computed.covariance()[i], 1e-9 * Math.abs(stored.covariance()[i]) + 1e-9);
        }
    }

    @Test
    void statisticsRoundTrip(@TempDir Path dir) {
        GaussianStatistics s = GaussianStatistics.of(NpyFile.read(ReferenceValuesTest.fixture("relu_gen.npy")));
        Path f = dir.resolve("s.npz");
        StatisticsFile.write(s, f);
        GaussianStatistics back = StatisticsFile.read(f);
        assertArrayEquals(s.mean(), back.mean());
        assertArrayEquals(s.covariance(), back.covariance());
    }

    @Test
    void badFilesAreOneLineErrorsNamingTheFile(@TempDir Path dir) throws IOException {
        assertProblem(dir.resolve("missing.npy"), "no such file");
        assertProblem(write(dir, "be.npy", "{'descr': '>f4', 'fortran_order': False, 'shape': (2, 2), }", 16),
                "big-endian");
        assertProblem(write(dir, "u8.npy", "{'descr': '|u1', 'fortran_order': False, 'shape': (2, 2), }", 4),
                "unsupported dtype |u1");
        assertProblem(write(dir, "obj.npy", "{'descr': '|O', 'fortran_order': False, 'shape': (2,), }", 16),
                "unsupported dtype |O");
        assertProblem(write(dir, "short.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (20, 2), }", 16),
                "truncated data");
        assertProblem(write(dir, "3d.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2, 2), }", 32),
                "expected a 2-D matrix");
        assertProblem(write(dir, "empty.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (0, 2), }", 0),
                "empty matrix");
        Path junk = dir.resolve("junk.npy");
        Files.writeString(junk, "this is not numpy");
        assertProblem(junk, "not a .npy file");
    }

    private static void assertProblem(Path file, String problem) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> NpyFile.read(file));
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    /** A .npy with a hand-written header and {@code dataBytes} zero bytes of data. */
    static Path write(Path dir, String name, String dict, int dataBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String header = dict + " ".repeat(Math.floorMod(-(10 + dict.length() + 1), 64)) + "\n";
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(header.length() & 0xFF);
        out.write(header.length() >> 8);
        out.write(header.getBytes(StandardCharsets.ISO_8859_1));
        out.write(new byte[dataBytes]);
        Path f = dir.resolve(name);
        Files.write(f, out.toByteArray());
        return f;
    }

    @Test
    void headerParsesShapesWithTrailingComma(@TempDir Path dir) throws IOException {
        Path f = write(dir, "ok.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 1), }", 12);
        FeatureMatrix m = NpyFile.read(f);
        assertEquals(3, m.rows());
        assertEquals(1, m.cols());
        assertTrue(Arrays.equals(new float[3], m.data()));
    }
}
