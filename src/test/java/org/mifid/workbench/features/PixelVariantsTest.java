package org.mifid.workbench.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.mifid.workbench.assets.AppPaths;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.engine.FeatureMatrix;
import org.mifid.workbench.engine.MemorizationSearch;
import org.mifid.workbench.engine.Neighbours;

/**
 * The pixel space's crop and rotation comparison on real images (the demo's Noto emoji): copies cropped to 80-90 %
 * of the side or turned by 5-10 degrees, made here with Java2D rather than by the variants' own geometry, come
 * within the distance of the nearest training pairs far more often than the plain descriptor puts them, while
 * other emoji do not.
 */
class PixelVariantsTest {
    private static final MemorizationSearch SEARCH = MemorizationSearch.builder().k(5).build();

    @Test
    void cropsAndRotationsOfTrainingImagesComeNearTheirOriginals() throws IOException {
        List<BufferedImage> emoji = emoji(240);
        List<BufferedImage> train = emoji.subList(0, 200);
        Random rnd = new Random(7);
        List<BufferedImage> crops = new ArrayList<>();
        List<BufferedImage> rotations = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            crops.add(crop(train.get(i * 5), rnd));
            rotations.add(rotate(train.get(i * 5 + 1), (rnd.nextBoolean() ? 1 : -1) * (5 + 5 * rnd.nextDouble())));
        }
        List<BufferedImage> others = emoji.subList(200, 240);
        PixelTraining training = training(train);
        PixelVariants variants = training.variants();
        // the nearest-pair distance a copy must beat: the training set's own, refined alike
        Neighbours self = variants.refine(training.descriptors(),
                SEARCH.search(training.descriptors(), training.descriptors(), ProgressMonitor.NONE).neighbours(),
                ProgressMonitor.NONE);
        double[] nearestOther = new double[train.size()];
        for (int i = 0; i < train.size(); i++) {
            int rank = self.index(i, 0) == i ? 1 : 0;
            nearestOther[i] = self.distance(i, rank);
        }
        java.util.Arrays.sort(nearestOther);
        double threshold = nearestOther[train.size() / 20];

        int[] cropsNear = near(crops, training, variants, threshold);
        int[] rotationsNear = near(rotations, training, variants, threshold);
        int[] othersNear = near(others, training, variants, threshold);
        assertTrue(cropsNear[1] >= 20 && cropsNear[1] >= cropsNear[0] + 15,
                "crops within the threshold, plain then refined: " + cropsNear[0] + ", " + cropsNear[1]);
        assertTrue(rotationsNear[1] >= 36 && rotationsNear[1] >= rotationsNear[0] + 15,
                "rotations within the threshold, plain then refined: " + rotationsNear[0] + ", " + rotationsNear[1]);
        assertTrue(othersNear[1] <= othersNear[0] + 2 && othersNear[1] <= 4,
                "other emoji within the threshold, plain then refined: " + othersNear[0] + ", " + othersNear[1]);
    }

    @Test
    void refinedCandidatesAreTheSameImagesNearestFirstAndNeverFarther() throws IOException {
        List<BufferedImage> emoji = emoji(80);
        PixelTraining training = training(emoji.subList(0, 60));
        FeatureMatrix queries = training(emoji.subList(60, 80)).descriptors();
        Neighbours plain = SEARCH.search(queries, training.descriptors(), ProgressMonitor.NONE).neighbours();
        Neighbours refined = training.variants().refine(queries, plain, ProgressMonitor.NONE);
        for (int i = 0; i < plain.size(); i++) {
            List<Integer> before = new ArrayList<>();
            List<Integer> after = new ArrayList<>();
            for (int r = 0; r < plain.k(); r++) {
                before.add(plain.index(i, r));
                after.add(refined.index(i, r));
                if (r > 0) {
                    assertTrue(refined.distance(i, r - 1) <= refined.distance(i, r), "row " + i + " not sorted");
                }
                int same = after.get(r);
                int plainRank = before.indexOf(same);
                if (plainRank >= 0) {
                    assertTrue(refined.distance(i, r) <= plain.distance(i, plainRank), "row " + i + " got farther");
                }
            }
            before.sort(null);
            after.sort(null);
            assertEquals(before, after, "row " + i + " changed its candidates");
        }
    }

    /** How many images' nearest distance is within the threshold: plain, then refined. */
    private static int[] near(List<BufferedImage> images, PixelTraining training, PixelVariants variants,
                              double threshold) {
        FeatureMatrix queries = PixelDescriptors.of(new ListImageSet(images), ProgressMonitor.NONE);
        Neighbours plain = SEARCH.search(queries, training.descriptors(), ProgressMonitor.NONE).neighbours();
        Neighbours refined = variants.refine(queries, plain, ProgressMonitor.NONE);
        int[] count = new int[2];
        for (int i = 0; i < images.size(); i++) {
            count[0] += plain.nearest(i) <= threshold ? 1 : 0;
            count[1] += refined.nearest(i) <= threshold ? 1 : 0;
        }
        return count;
    }

    private static PixelTraining training(List<BufferedImage> images) {
        return PixelTraining.of(new ListImageSet(images), ProgressMonitor.NONE);
    }

    private static BufferedImage crop(BufferedImage src, Random rnd) {
        int size = (int) Math.round(64 * (0.80 + 0.10 * rnd.nextDouble()));
        int x = rnd.nextInt(64 - size + 1);
        int y = rnd.nextInt(64 - size + 1);
        return draw(g -> g.drawImage(src.getSubimage(x, y, size, size), 0, 0, 64, 64, null));
    }

    private static BufferedImage rotate(BufferedImage src, double degrees) {
        return draw(g -> {
            g.rotate(Math.toRadians(degrees), 32, 32);
            g.drawImage(src, 0, 0, null);
        });
    }

    private static BufferedImage draw(java.util.function.Consumer<Graphics2D> painter) {
        BufferedImage out = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 64, 64);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        painter.accept(g);
        g.dispose();
        return out;
    }

    /** Emoji of the demo's assets, composited on white, every third single-code-point file in name order. */
    private static List<BufferedImage> emoji(int count) throws IOException {
        Path dir = AppPaths.assetsDir().resolve("emoji-google/img/google/64");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            // single code points only: skin tones and joined sequences are near-duplicates of their base emoji
            files = s.filter(f -> f.getFileName().toString().matches("[0-9a-f]+\\.png")).sorted().toList();
        }
        List<BufferedImage> out = new ArrayList<>();
        for (int i = 0; out.size() < count; i += 3) {
            BufferedImage src = ImageIO.read(files.get(i).toFile());
            out.add(draw(g -> g.drawImage(src, 0, 0, null)));
        }
        return out;
    }

    /** Images already in memory, as an image set. */
    private record ListImageSet(List<BufferedImage> images) implements org.mifid.workbench.imaging.ImageSet {
        @Override
        public String source() {
            return "test images";
        }

        @Override
        public int size() {
            return images.size();
        }

        @Override
        public String name(int index) {
            return index + ".png";
        }

        @Override
        public byte[] bytes(int index) {
            throw new UnsupportedOperationException("decoded only");
        }

        @Override
        public BufferedImage decode(int index) {
            return images.get(index);
        }

        @Override
        public void close() {
        }
    }
}
