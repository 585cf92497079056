package org.mifid.workbench.scoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mifid.workbench.core.MeasureValues;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.engine.FeatureMatrix;
import org.mifid.workbench.engine.GaussianStatistics;
import org.mifid.workbench.engine.MifidScorer;
import org.mifid.workbench.features.FeatureCache;
import org.mifid.workbench.features.FeatureExtractor;
import org.mifid.workbench.features.FeaturePipeline;
import org.mifid.workbench.imaging.ImageSet;
import org.mifid.workbench.imaging.ImageSets;
import org.mifid.workbench.imaging.InMemoryImageSet;
import org.mifid.workbench.imaging.ValidationProfile;

/**
 * One archive's figures against a training set: validate the archive (the hostile-archive rules of its profile),
 * extract its features, then FID and the memorization search. The one per-submission path: the workspace's
 * scoring and every executor of the batch job run it with an open network and training features loaded once.
 */
public final class ArchiveScorer {
    private final FeatureExtractor extractor;
    private final Reference reference;
    private final MifidScorer scorer;

    public ArchiveScorer(FeatureExtractor extractor, Reference reference, MifidScorer scorer) {
        this.extractor = extractor;
        this.reference = reference;
        this.scorer = scorer;
    }

    /** A training set's features and statistics under one network. */
    public record Reference(FeatureMatrix features, GaussianStatistics statistics) {
    }

    /** A training set opened and measured: its checksum and image names besides its features. */
    public record MeasuredReference(String checksum, List<String> imageNames, Reference reference) {
    }

    /**
     * An archive scored: its checksum, its image names in feature-row order, the figures and neighbours, and the
     * copying measures.
     */
    public record Scored(String checksum, List<String> imageNames, MifidScorer.Result result, MeasureValues measures) {
    }

    /** Opens and validates the archive, scores it, then measures its copying evidence against the board's sets. */
    public Scored score(Path archive, ValidationProfile profile, CopyEvidence evidence, CopyEvidence.BoardSets sets,
                        ProgressMonitor monitor) {
        try (InMemoryImageSet images = ImageSets.open(archive, profile, monitor)) {
            FeatureMatrix generated = features(images, monitor);
            MifidScorer.Result result = score(generated, monitor);
            return new Scored(images.checksum(), names(images), result,
                    evidence.measure(images, generated, result.neighbours(), sets, monitor));
        }
    }

    /** Scores an image set already opened (and checked) by the caller. */
    public MifidScorer.Result score(ImageSet images, ProgressMonitor monitor) {
        return score(features(images, monitor), monitor);
    }

    /** The image set's features under this scorer's network. */
    public FeatureMatrix features(ImageSet images, ProgressMonitor monitor) {
        return new FeaturePipeline(extractor, FeaturePipeline.DEFAULT_BATCH).extract(images, monitor);
    }

    /** Scores features of this scorer's network extracted before (one archive scored on several boards). */
    public MifidScorer.Result score(FeatureMatrix generated, ProgressMonitor monitor) {
        return scorer.score(generated, reference.features(), reference.statistics(), monitor);
    }

    /**
     * A training set's features and statistics from the cache (keyed by network and content), extracted on first
     * use; training sets are read leniently, as the desktop reads them.
     */
    public static MeasuredReference reference(Path location, FeatureExtractor extractor, FeatureCache cache,
            ProgressMonitor monitor) {
        try (InMemoryImageSet train = ImageSets.open(location, ValidationProfile.LENIENT, monitor)) {
            String id = extractor.id();
            FeatureMatrix features = cache.features(id, train.checksum(),
                    () -> new FeaturePipeline(extractor, FeaturePipeline.DEFAULT_BATCH).extract(train, monitor));
            GaussianStatistics statistics = cache.statistics(id, train.checksum(),
                    () -> GaussianStatistics.of(features, monitor));
            return new MeasuredReference(train.checksum(), names(train), new Reference(features, statistics));
        }
    }

    private static List<String> names(ImageSet images) {
        List<String> names = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            names.add(images.name(i));
        }
        return names;
    }
}
