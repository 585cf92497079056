package org.mifid.workbench.scoring;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mifid.workbench.core.Measure;
import org.mifid.workbench.core.MeasureValues;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.engine.CopyMeasures;
import org.mifid.workbench.engine.FeatureMatrix;
import org.mifid.workbench.engine.MemorizationSearch;
import org.mifid.workbench.engine.NeighbourRefinement;
import org.mifid.workbench.engine.Neighbours;
import org.mifid.workbench.engine.TrainingSpace;
import org.mifid.workbench.features.PixelDescriptors;
import org.mifid.workbench.features.PixelTraining;
import org.mifid.workbench.imaging.ImageSet;
import org.mifid.workbench.imaging.ImageSets;
import org.mifid.workbench.imaging.InMemoryImageSet;
import org.mifid.workbench.imaging.ValidationProfile;

/**
 * A submission's measures in both descriptor spaces, what {@code score}, the scoring service and the demo all
 * store and print. The network space reuses the memorization search's neighbours; the pixel space needs the
 * images themselves and says so when only features were given.
 */
public final class CopyEvidence {
    static final String NO_IMAGES = "needs the generated and training images (features only were given)";
    static final String NO_HELD_OUT_IMAGES = "needs held-out images (none, or features only, were given)";

    /** Training spaces kept: both spaces of both boards of a session, and a few more. */
    private static final int KEPT_TRAINING_SPACES = 8;

    private final MemorizationSearch search;
    /** By training matrix (identity): a board's later submissions reuse what its earlier ones computed. */
    private final Map<FeatureMatrix, TrainingSpace> spaces = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<FeatureMatrix, TrainingSpace> eldest) {
                    return size() > KEPT_TRAINING_SPACES;
                }
            });

    public CopyEvidence(Device device) {
        this.search = MemorizationSearch.builder().k(5).device(device).build();
    }

    /** The network space's inputs: generated, training and held-out (nullable) rows, and the search's neighbours. */
    public record Space(FeatureMatrix generated, FeatureMatrix train, FeatureMatrix heldOut, Neighbours neighbours) {
    }

    /** The pixel space's inputs: the submission's descriptors, the training set's, held-out descriptors or null. */
    public record PixelSpace(FeatureMatrix generated, PixelTraining train, FeatureMatrix heldOut) {
    }

    /**
     * A board's real images as the measures need them: the training set's network features and pixel space, and
     * the held-out set's network features and pixel descriptors (both null without a held-out set).
     */
    public record BoardSets(FeatureMatrix train, PixelTraining trainPixels, FeatureMatrix heldOut,
                            FeatureMatrix heldOutPixels) {
    }

    /**
     * The measures of one scored image set, as the workspace's scoring and every batch executor compute them: the
     * network space from its features and the memorization search's neighbours, the pixel space from its images.
     */
    public MeasureValues measure(ImageSet images, FeatureMatrix generated, Neighbours neighbours, BoardSets sets,
                                 ProgressMonitor monitor) {
        return measure(new Space(generated, sets.train(), sets.heldOut(), neighbours),
                new PixelSpace(PixelDescriptors.of(images, monitor), sets.trainPixels(), sets.heldOutPixels()), null,
                monitor);
    }

    /**
     * @param network the network's features and the memorization search's neighbours
     * @param pixels pixel descriptors (searched here, the distances refined by the training images' crops and
     *     rotations), or null when images were not given
     * @param threshold the organizer's image-level threshold in the network space, or null for the default
     */
    public MeasureValues measure(Space network, PixelSpace pixels, Double threshold, ProgressMonitor monitor) {
        MeasureValues.Builder b = MeasureValues.builder();
        CopyMeasures n = CopyMeasures.compute(network.generated(), network.heldOut(), network.neighbours(), threshold,
                space(network.train(), NeighbourRefinement.NONE), monitor);
        put(b, n, Measure.COPY_SHARE, Measure.P5_DISTANCE, Measure.MEDIAN_DISTANCE, Measure.CT, Measure.AUTHENTICITY);
        if (pixels == null) {
            for (Measure m : new Measure[] {Measure.PIXEL_COPY_SHARE, Measure.PIXEL_P5_DISTANCE,
                    Measure.PIXEL_MEDIAN_DISTANCE, Measure.PIXEL_CT, Measure.PIXEL_AUTHENTICITY}) {
                b.missing(m, NO_IMAGES);
            }
            return b.build();
        }
        FeatureMatrix train = pixels.train().descriptors();
        Neighbours pn = search.search(pixels.generated(), train, monitor).neighbours();
        CopyMeasures p = CopyMeasures.compute(pixels.generated(), pixels.heldOut(), pn, null,
                space(train, pixels.train().variants()), monitor);
        put(b, p, Measure.PIXEL_COPY_SHARE, Measure.PIXEL_P5_DISTANCE, Measure.PIXEL_MEDIAN_DISTANCE, Measure.PIXEL_CT,
                Measure.PIXEL_AUTHENTICITY);
        if (pixels.heldOut() == null) {
            b.missing(Measure.PIXEL_CT, NO_HELD_OUT_IMAGES);
        }
        return b.build();
    }

    private TrainingSpace space(FeatureMatrix train, NeighbourRefinement refinement) {
        return spaces.computeIfAbsent(train, t -> new TrainingSpace(t, search, refinement));
    }

    private static void put(MeasureValues.Builder b, CopyMeasures m, Measure share, Measure p5, Measure median,
                            Measure ct, Measure authenticity) {
        String empty = "no generated image has a distance";
        b.put(share, m.distances().copyShare(), empty);
        b.threshold(share, m.distances().threshold());
        b.put(p5, m.distances().p5(), empty);
        b.put(median, m.distances().median(), empty);
        b.put(ct, m.ct(), m.ctMissing());
        b.put(authenticity, m.inauthenticShare(), empty);
    }

    /** The pixel descriptors of a zip or folder of images. */
    public static FeatureMatrix pixelDescriptors(Path images, ValidationProfile profile, ProgressMonitor monitor) {
        try (InMemoryImageSet set = ImageSets.open(images, profile, monitor)) {
            return PixelDescriptors.of(set, monitor);
        }
    }

    /** A zip or folder of training images in the pixel space, read leniently as training sets are. */
    public static PixelTraining pixelTraining(Path images, ProgressMonitor monitor) {
        try (InMemoryImageSet set = ImageSets.open(images, ValidationProfile.LENIENT, monitor)) {
            return PixelTraining.of(set, monitor);
        }
    }
}
