package org.mifid.workbench.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.engine.FeatureMatrix;
import org.mifid.workbench.core.CountingProgress;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.imaging.ImageSet;
import org.mifid.workbench.imaging.ImageSets;
import org.mifid.workbench.imaging.ValidationProfile;

class FeaturePipelineTest {
    private static FeatureExtractor mobilenet;
    private static ImageSet images;

    @BeforeAll
    static void open(@TempDir Path dir) throws IOException {
        mobilenet = ExtractorRegistry.standard().open("nsfwjs-mobilenet-v2", Device.cpu());
        for (int i = 0; i < 5; i++) {
            BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 64; x++) {
                    image.setRGB(x, y, (x * (i + 1) & 0xFF) << 16 | (y * 3 + i * 40 & 0xFF) << 8 | (x ^ y) * i & 0xFF);
                }
            }
            ImageIO.write(image, "png", dir.resolve("img" + i + ".png").toFile());
        }
        images = ImageSets.open(dir, ValidationProfile.KAGGLE_DOGS, ProgressMonitor.NONE);
    }

    @AfterAll
    static void close() {
        mobilenet.close();
    }

    @Test
    void rowsFollowTheSetOrderAcrossBatches() {
        List<Long> progress = new ArrayList<>();
        ProgressMonitor counting = new ProgressMonitor() {
            @Override
            public void update(long done, long total, String message) {
                progress.add(done);
                assertEquals(5, total);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        FeatureMatrix f = new FeaturePipeline(mobilenet, 2).extract(images, counting);
        assertEquals(5, f.rows());
        assertEquals(1280, f.cols());
        assertEquals(List.of(2L, 4L, 5L), progress);
        for (int i = 0; i < 5; i++) {
            FeatureMatrix alone = mobilenet.extract(List.of(images.decode(i)));
            assertArrayEquals(alone.row(0), f.row(i), 1e-4f, "row " + i);
        }
    }

    @Test
    void cancellationStopsBetweenBatches() {
        CountingProgress cancelAfterOne = CountingProgress.cancelAfter(1);
        assertThrows(CancellationException.class, () -> new FeaturePipeline(mobilenet, 2).extract(images, cancelAfterOne));
        assertEquals(1, cancelAfterOne.updates());
    }
}
