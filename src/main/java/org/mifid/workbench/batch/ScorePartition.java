package org.mifid.workbench.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.PrintableText;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.engine.ComputeDevice;
import org.mifid.workbench.engine.MifidScorer;
import org.mifid.workbench.features.ExtractorRegistry;
import org.mifid.workbench.features.FeatureExtractor;
import org.mifid.workbench.imaging.ValidationProfile;
import org.mifid.workbench.io.BatchFolder;
import org.mifid.workbench.scoring.ArchiveScorer;
import org.mifid.workbench.scoring.CopyEvidence;

/**
 * What one Spark task runs: opens the network once for its partition of archives, scores each through
 * {@link ArchiveScorer} (the desktop's path: FID, the memorization search, then the copying measures of
 * {@link CopyEvidence}) against the broadcast training and held-out sets, and writes each outcome as
 * soon as it is known, so a killed job keeps what it finished. A bad archive becomes a failed row with its reason;
 * the partition goes on.
 */
final class ScorePartition implements FlatMapFunction<Iterator<String>, String> {
    private static final long serialVersionUID = 1L;

    private final BatchSettings settings;
    private final Broadcast<TrainingBroadcast> training;
    private final String outDir;

    ScorePartition(BatchSettings settings, Broadcast<TrainingBroadcast> training, Path outDir) {
        this.settings = settings;
        this.training = training;
        this.outDir = outDir.toString();
    }

    @Override
    public Iterator<String> call(Iterator<String> archives) {
        List<String> done = new ArrayList<>();
        if (!archives.hasNext()) {
            return done.iterator();
        }
        BatchFolder folder = new BatchFolder(Path.of(outDir));
        MifidScorer scorer = MifidScorer.builder()
                .leaderboard(settings.leaderboard())
                .k(settings.k())
                .device(ComputeDevice.resolve(settings.device()))
                .build();
        ValidationProfile profile = ValidationProfile.fromId(settings.profile());
        try (FeatureExtractor extractor = ExtractorRegistry.standard().open(settings.model(),
                ComputeDevice.resolve(settings.device()))) {
            ArchiveScorer.Reference reference = training.value().reference();
            ArchiveScorer archiveScorer = new ArchiveScorer(extractor, reference, scorer);
            // one evidence and one set of matrices for the partition: its later archives reuse the training
            // spaces that its first one computed
            CopyEvidence evidence = new CopyEvidence(ComputeDevice.resolve(settings.device()));
            CopyEvidence.BoardSets sets = training.value().sets(reference.features());
            while (archives.hasNext()) {
                String archive = archives.next();
                score(archiveScorer, evidence, sets, profile, folder, archive);
                done.add(archive);
            }
        }
        return done.iterator();
    }

    private static void score(ArchiveScorer scorer, CopyEvidence evidence, CopyEvidence.BoardSets sets,
                              ValidationProfile profile, BatchFolder folder, String archive) {
        String key = BatchFolder.key(archive);
        long start = System.nanoTime();
        try {
            ArchiveScorer.Scored scored = scorer.score(Path.of(archive), profile, evidence, sets, ProgressMonitor.NONE);
            var s = scored.result().score();
            folder.writeResult(key, new BatchFolder.ArchiveResult(archive, scored.checksum(), scored.imageNames(),
                    s.fid(), s.distance(), s.distanceThresholded(), s.mifid(), s.rankDeficient(), s.nTrain(), s.dim(),
                    millisSince(start), null, scored.measures()), scored.result().neighbours());
        } catch (InvalidInputException e) {
            folder.writeResult(key, BatchFolder.ArchiveResult.failed(archive, PrintableText.of(e.getMessage()),
                    millisSince(start)), null);
        } catch (RuntimeException e) {
            // a failure inside the network or the mathematics on this archive's content: its row, not the job
            folder.writeResult(key, BatchFolder.ArchiveResult.failed(archive, PrintableText.of(
                    e.getClass().getSimpleName() + ": " + e.getMessage()), millisSince(start)), null);
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
