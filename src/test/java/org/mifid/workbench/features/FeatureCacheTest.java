package org.mifid.workbench.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.engine.FeatureMatrix;
import org.mifid.workbench.engine.GaussianStatistics;
import org.mifid.workbench.imaging.ImageSetsTest;

class FeatureCacheTest {
    @TempDir
    Path dir;

    @Test
    void computesOncePerExtractorAndChecksumAndRecoversFromACorruptEntry() throws IOException {
        FeatureCache cache = new FeatureCache(dir);
        AtomicInteger computed = new AtomicInteger();
        FeatureMatrix m = new FeatureMatrix(new float[] {1, 2, 3, 4, 5, 7}, 3, 2);
        FeatureMatrix first = cache.features("nsfwjs-inception-v3", "abc", () -> {
            computed.incrementAndGet();
            return m;
        });
        FeatureMatrix again = cache.features("nsfwjs-inception-v3", "abc", () -> {
            computed.incrementAndGet();
            return m;
        });
        assertEquals(1, computed.get());
        assertArrayEquals(first.data(), again.data());
        // another checksum (a changed file) or another extractor misses
        assertTrue(cache.features("nsfwjs-inception-v3", "abd").isEmpty());
        assertTrue(cache.features("nsfwjs-mobilenet-v2", "abc").isEmpty());
        // a truncated file is dropped and recomputed
        Path file = cache.featuresFile("nsfwjs-inception-v3", "abc");
        Files.write(file, new byte[] {(byte) 0x93, 'N', 'U'});
        cache.features("nsfwjs-inception-v3", "abc", () -> {
            computed.incrementAndGet();
            return m;
        });
        assertEquals(2, computed.get());
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary files left behind");
        }

        GaussianStatistics s = cache.statistics("nsfwjs-inception-v3", "abc", () -> GaussianStatistics.of(m));
        GaussianStatistics read = cache.statistics("nsfwjs-inception-v3", "abc").orElseThrow();
        assertArrayEquals(s.mean(), read.mean(), 0);
        assertArrayEquals(s.covariance(), read.covariance(), 0);
    }

    @Test
    void aChangedImageChangesTheKey(@TempDir Path images) throws IOException {
        Files.write(images.resolve("a.png"), ImageSetsTest.rgb64(1));
        String before = org.mifid.workbench.imaging.ImageSets.open(images,
                org.mifid.workbench.imaging.ValidationProfile.KAGGLE_DOGS,
                org.mifid.workbench.core.ProgressMonitor.NONE).checksum();
        Files.write(images.resolve("a.png"), ImageSetsTest.rgb64(2));
        String after = org.mifid.workbench.imaging.ImageSets.open(images,
                org.mifid.workbench.imaging.ValidationProfile.KAGGLE_DOGS,
                org.mifid.workbench.core.ProgressMonitor.NONE).checksum();
        FeatureCache cache = new FeatureCache(dir);
        cache.features("x", before, () -> FeatureMatrix.zeros(1, 2));
        assertTrue(cache.features("x", after).isEmpty());
    }
}
