package org.mifid.workbench.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.MeasureValues;
import org.mifid.workbench.engine.Neighbours;

/**
 * The output folder of a batch scoring job, written by the job and read by a results import:
 * <pre>
 * job.json                  what was scored against what (a resumed job must match it)
 * reference.json            the training images' names in feature-row order (neighbour indices point into it)
 * scored/KEY.json           one archive's figures or its error; its presence means "finished", so a resumed job
 *                           skips it
 * neighbours/KEY.npz        that archive's nearest training indices and distances (see {@link NeighboursFile})
 * results.csv               one row per manifest row, the columns import-results reads
 * results.parquet/, neighbours.parquet/   the same figures and neighbours for cluster tools
 * </pre>
 * KEY is derived from the archive's location, so the same archive named twice is scored once. Every file is written
 * under a temporary name and moved into place: a killed job leaves finished archives complete and nothing half
 * written. The JSON uses only what Jackson 2.18 (a Spark cluster's) reads as well.
 */
public final class BatchFolder {
    public static final String RESULTS_CSV = "results.csv";
    public static final String JOB_JSON = "job.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    public BatchFolder(Path dir) {
        this.dir = dir;
    }

    /** The folder of a results file when a batch job wrote it (a job.json beside it), else empty. */
    public static Optional<BatchFolder> besideResults(Path resultsCsv) {
        Path parent = resultsCsv.toAbsolutePath().getParent();
        return parent != null && Files.isRegularFile(parent.resolve(JOB_JSON))
                ? Optional.of(new BatchFolder(parent)) : Optional.empty();
    }

    /**
     * What a job scored against: the network, the leaderboard and its threshold, k, the validation rules, the
     * training set (location and checksum) and the held-out real set (null location and checksum without one).
     */
    public record JobSettings(String model, String leaderboard, double epsilon, int k, String profile,
            String trainLocation, String trainChecksum, int trainCount, String heldOutLocation,
            String heldOutChecksum) {
    }

    /**
     * One archive's outcome: every figure the desktop stores, its copying measures included, or the reason it
     * failed ({@code error} non-null, figures NaN, measures null).
     */
    public record ArchiveResult(String archive, String checksum, List<String> imageNames, double fid, double distance,
            double distanceThresholded, double mifid, boolean rankDeficient, int nTrain, int dim, long millis,
            String error, MeasureValues measures) {
        public static ArchiveResult failed(String archive, String error, long millis) {
            return new ArchiveResult(archive, null, List.of(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, false,
                    0, 0, millis, error, null);
        }

        public boolean scored() {
            return error == null;
        }
    }

    private record ReferenceNames(List<String> names) {
    }

    public Path dir() {
        return dir;
    }

    public Path resultsCsv() {
        return dir.resolve(RESULTS_CSV);
    }

    public Path resultsParquet() {
        return dir.resolve("results.parquet");
    }

    public Path neighboursParquet() {
        return dir.resolve("neighbours.parquet");
    }

    /** A short stable name for an archive location (its absolute, normalised path). */
    public static String key(String archive) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(archive.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public Optional<JobSettings> settings() {
        Path file = dir.resolve(JOB_JSON);
        return Files.isRegularFile(file) ? Optional.of(read(file, JobSettings.class)) : Optional.empty();
    }

    public void writeSettings(JobSettings settings) {
        write(dir.resolve(JOB_JSON), json(settings));
    }

    public List<String> referenceNames() {
        return read(dir.resolve("reference.json"), ReferenceNames.class).names();
    }

    public void writeReferenceNames(List<String> names) {
        write(dir.resolve("reference.json"), json(new ReferenceNames(names)));
    }

    /** Whether an earlier (or this) run finished the archive: scored it or recorded why it could not. */
    public boolean finished(String key) {
        return Files.isRegularFile(resultFile(key));
    }

    /** The archive's outcome when an earlier (or this) run finished it. */
    public Optional<ArchiveResult> result(String key) {
        Path file = resultFile(key);
        return Files.isRegularFile(file) ? Optional.of(read(file, ArchiveResult.class)) : Optional.empty();
    }

    /** Stores an outcome, the neighbours first: a result on disk always has its neighbours. */
    public void writeResult(String key, ArchiveResult result, Neighbours neighbours) {
        if (neighbours != null) {
            NeighboursFile.write(neighboursFile(key), neighbours);
        }
        write(resultFile(key), json(result));
    }

    public Neighbours neighbours(String key) {
        Path file = neighboursFile(key);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file.toString(), "no such neighbours file");
        }
        return NeighboursFile.read(file);
    }

    private Path resultFile(String key) {
        return dir.resolve("scored").resolve(key + ".json");
    }

    private Path neighboursFile(String key) {
        return dir.resolve("neighbours").resolve(key + ".npz");
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records of strings and numbers always serialise", e);
        }
    }

    private static <T> T read(Path file, Class<T> type) {
        try {
            return JSON.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "not a batch job file: " + e.getMessage(), e);
        }
    }

    private static void write(Path file, byte[] bytes) {
        OutputFile.write(file, os -> os.write(bytes));
    }
}
