package org.mifid.workbench.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.engine.ComputeDevice;
import org.mifid.workbench.features.ExtractorRegistry;
import org.mifid.workbench.features.FeatureCache;
import org.mifid.workbench.features.FeatureExtractor;
import org.mifid.workbench.io.BatchFolder;
import org.mifid.workbench.imaging.ValidationProfile;
import org.mifid.workbench.scoring.ArchiveScorer;
import org.mifid.workbench.scoring.CopyEvidence;

/**
 * Scores a whole competition on Spark. The driver measures the training set (and the held-out set, when given)
 * once, from the feature cache when it holds it, and broadcasts it with their pixel space; each task opens the network once and scores its archives (see
 * {@link ScorePartition}); the driver then writes the results file, the Parquet tables and keeps the neighbours
 * beside them (see {@link BatchFolder}). Archives finished by an earlier run of the same job are not scored again;
 * an archive named by several rows is scored once. The same job runs in local mode on one machine and on a
 * cluster: there is no second scheduler.
 */
public final class BatchJob {
    /** Archives per task at most: opening the network costs seconds, but long tasks balance a cluster badly. */
    private static final int SLICES_PER_CORE = 4;

    private final SparkSession spark;

    public BatchJob(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * What a run did.
     *
     * @param rows manifest rows
     * @param archives distinct archives among them
     * @param scoredNow archives this run scored (or found bad)
     * @param finishedBefore archives an earlier run had finished
     * @param failed rows whose archive could not be scored
     */
    public record Summary(int rows, int archives, int scoredNow, int finishedBefore, int failed, double seconds) {
    }

    /** @param heldOut real images kept out of training, for C_T, or null */
    public Summary run(List<Manifest.Entry> manifest, Path train, Path heldOut, BatchSettings settings, Path out,
            ProgressMonitor monitor) {
        long start = System.nanoTime();
        BatchFolder folder = new BatchFolder(out.toAbsolutePath().normalize());
        ArchiveScorer.MeasuredReference reference;
        ArchiveScorer.MeasuredReference held = null;
        monitor.update(0, 0, "training features of " + train);
        // --device gpu is for the executors: a cluster's driver often has no GPU, and the training features are
        // measured once (or read from the feature cache), so the driver takes its GPU when it has one, else its CPU
        String driverDevice = settings.device().equals("gpu") ? "auto" : settings.device();
        try (FeatureExtractor extractor = ExtractorRegistry.standard().open(settings.model(),
                ComputeDevice.resolve(driverDevice))) {
            reference = ArchiveScorer.reference(train, extractor, FeatureCache.standard(), monitor);
            if (heldOut != null) {
                held = ArchiveScorer.reference(heldOut, extractor, FeatureCache.standard(), monitor);
            }
        }
        BatchFolder.JobSettings job = new BatchFolder.JobSettings(settings.model(), settings.leaderboard().id(),
                settings.leaderboard().epsilon(), settings.k(), settings.profile(),
                train.toAbsolutePath().normalize().toString(), reference.checksum(), reference.imageNames().size(),
                heldOut == null ? null : heldOut.toAbsolutePath().normalize().toString(),
                held == null ? null : held.checksum());
        folder.settings().ifPresent(earlier -> {
            if (!earlier.equals(job)) {
                throw new InvalidInputException(folder.dir().resolve(BatchFolder.JOB_JSON).toString(), "this folder"
                        + " holds a job with other settings (" + earlier + "); resume it with those, or choose"
                        + " another --out");
            }
        });
        folder.writeSettings(job);
        folder.writeReferenceNames(reference.imageNames());

        Set<String> archives = new LinkedHashSet<>();
        manifest.forEach(e -> archives.add(e.archive()));
        List<String> pending = new ArrayList<>();
        for (String archive : archives) {
            if (!folder.finished(BatchFolder.key(archive))) {
                pending.add(archive);
            }
        }
        if (!pending.isEmpty()) {
            // the pixel space of the copying measures, like the features, is measured once on the driver
            TrainingBroadcast sets = new TrainingBroadcast(reference.reference(),
                    CopyEvidence.pixelTraining(train, monitor), held == null ? null : held.reference().features(),
                    heldOut == null ? null : CopyEvidence.pixelDescriptors(heldOut, ValidationProfile.LENIENT, monitor));
            scoreOnCluster(pending, sets, settings, folder, monitor);
        }
        List<ResultsTable.Row> rows = ResultsTable.rows(manifest, folder);
        ResultsTable.writeCsv(folder.resultsCsv(), settings.leaderboard(), rows);
        new ParquetTables(spark).write(folder, rows);
        int failed = (int) rows.stream().filter(r -> !r.result().scored()).count();
        return new Summary(manifest.size(), archives.size(), pending.size(), archives.size() - pending.size(), failed,
                (System.nanoTime() - start) / 1e9);
    }

    private void scoreOnCluster(List<String> pending, TrainingBroadcast sets, BatchSettings settings,
            BatchFolder folder, ProgressMonitor monitor) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<TrainingBroadcast> training = jsc.broadcast(sets);
        int slices = Math.max(1, Math.min(pending.size(), jsc.defaultParallelism() * SLICES_PER_CORE));
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "batch-progress");
            t.setDaemon(true);
            return t;
        });
        // progress is what the executors have written; cancelling stops the job and keeps what they finished
        watcher.scheduleWithFixedDelay(() -> {
            long done = pending.stream().filter(a -> folder.finished(BatchFolder.key(a))).count();
            monitor.update(done, pending.size(), "scored " + done + " of " + pending.size() + " archives");
            if (monitor.isCancelled()) {
                jsc.cancelAllJobs();
            }
        }, 1, 1, TimeUnit.SECONDS);
        try {
            jsc.parallelize(pending, slices).mapPartitions(new ScorePartition(settings, training, folder.dir()))
                    .count();
        } finally {
            watcher.shutdownNow();
            training.destroy();
        }
        monitor.checkCancelled();
        monitor.update(pending.size(), pending.size(), "scored " + pending.size() + " archives");
    }
}
