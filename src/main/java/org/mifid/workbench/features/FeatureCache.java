package org.mifid.workbench.features;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.mifid.workbench.assets.AppPaths;
import org.mifid.workbench.engine.FeatureMatrix;
import org.mifid.workbench.engine.GaussianStatistics;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.io.NpyFile;
import org.mifid.workbench.io.StatisticsFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Features (.npy) and their Gaussian statistics (.npz) of a data set, computed once per extractor and data set
 * content: the key is the extractor id and the set's checksum, so a changed, added or renamed file misses the
 * cache instead of returning stale features. Files are written to a temporary name and moved into place, so a
 * crash never leaves a half-written entry; an unreadable entry is dropped and recomputed.
 */
public final class FeatureCache {
    private static final Logger LOG = LoggerFactory.getLogger(FeatureCache.class);
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+");

    private final Path dir;

    public FeatureCache(Path dir) {
        this.dir = dir;
    }

    /** The cache under {@link AppPaths#cacheDir()}/features. */
    public static FeatureCache standard() {
        return new FeatureCache(AppPaths.cacheDir().resolve("features"));
    }

    public Path featuresFile(String extractorId, String checksum) {
        return entry(extractorId, checksum, ".npy");
    }

    public Path statisticsFile(String extractorId, String checksum) {
        return entry(extractorId, checksum, ".npz");
    }

    private Path entry(String extractorId, String checksum, String suffix) {
        if (!SAFE.matcher(extractorId).matches() || !SAFE.matcher(checksum).matches()) {
            throw new IllegalArgumentException("unsafe cache key " + extractorId + "/" + checksum);
        }
        return dir.resolve(extractorId).resolve(checksum + suffix);
    }

    public Optional<FeatureMatrix> features(String extractorId, String checksum) {
        return read(featuresFile(extractorId, checksum), NpyFile::read);
    }

    public Optional<GaussianStatistics> statistics(String extractorId, String checksum) {
        return read(statisticsFile(extractorId, checksum), StatisticsFile::read);
    }

    /** The cached features, or {@code compute}'s, stored for next time. */
    public FeatureMatrix features(String extractorId, String checksum, Supplier<FeatureMatrix> compute) {
        Optional<FeatureMatrix> cached = features(extractorId, checksum);
        if (cached.isPresent()) {
            return cached.get();
        }
        FeatureMatrix m = compute.get();
        write(featuresFile(extractorId, checksum), tmp -> NpyFile.write(tmp, m));
        return m;
    }

    /** The cached statistics, or {@code compute}'s, stored for next time. */
    public GaussianStatistics statistics(String extractorId, String checksum, Supplier<GaussianStatistics> compute) {
        Optional<GaussianStatistics> cached = statistics(extractorId, checksum);
        if (cached.isPresent()) {
            return cached.get();
        }
        GaussianStatistics s = compute.get();
        write(statisticsFile(extractorId, checksum), tmp -> StatisticsFile.write(s, tmp));
        return s;
    }

    private static <T> Optional<T> read(Path file, java.util.function.Function<Path, T> reader) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(reader.apply(file));
        } catch (InvalidInputException e) {
            LOG.warn("dropping unreadable cache entry {}: {}", file, e.getMessage());
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // recomputed and overwritten below anyway
            }
            return Optional.empty();
        }
    }

    private static void write(Path file, Consumer<Path> writer) {
        try {
            Files.createDirectories(file.getParent());
            // keep the real suffix last: the .npz writer may care about it
            Path tmp = Files.createTempFile(file.getParent(), ".partial-", "-" + file.getFileName());
            try {
                writer.accept(tmp);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            // a cache that cannot be written only costs time next run
            LOG.warn("cannot cache {}: {}", file, e.getMessage());
        }
    }
}
