package org.mifid.workbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import ai.djl.Device;
import org.mifid.workbench.core.MeasureValues;
import org.mifid.workbench.engine.ComputeDevice;
import org.mifid.workbench.engine.FeatureChecks;
import org.mifid.workbench.engine.FeatureMatrix;
import org.mifid.workbench.engine.GaussianStatistics;
import org.mifid.workbench.core.AllocationLimit;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.engine.MifidScore;
import org.mifid.workbench.engine.MifidScorer;
import org.mifid.workbench.engine.Neighbours;
import org.mifid.workbench.io.NeighboursFile;
import org.mifid.workbench.io.NpyFile;
import org.mifid.workbench.io.OutputFile;
import org.mifid.workbench.io.StatisticsFile;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.features.DatasetFeatures;
import org.mifid.workbench.features.ExtractorRegistry;
import org.mifid.workbench.features.FeatureCache;
import org.mifid.workbench.features.FeaturePipeline;
import org.mifid.workbench.features.ModelSpec;
import org.mifid.workbench.imaging.ValidationProfile;
import org.mifid.workbench.scoring.CopyEvidence;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code score}: MiFID of a submission's features against the training features. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Scores a submission with MiFID (Kaggle 2019 semantics): from feature matrices (--features,"
                + " --train-features) or from images (--submission, --train, --model).")
public final class ScoreCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--features", paramLabel = "GEN.npy",
            description = "Generated images' features, one row per image (float32 or float64 .npy).")
    Path features;

    @Option(names = "--submission", paramLabel = "ZIP|DIR", description = "Generated images (instead of --features).")
    Path submission;

    @Option(names = "--train", paramLabel = "ZIP|DIR",
            description = "Training images (instead of --train-features); their features are cached.")
    Path trainImages;

    @Option(names = "--model", defaultValue = ExtractorRegistry.DEFAULT_ID, paramLabel = "ID",
            description = "Extractor for --submission and --train (see `models`). Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--profile", defaultValue = "kaggle-dogs", paramLabel = "kaggle-dogs|lenient",
            description = "Validation rules for --submission. Default: ${DEFAULT-VALUE}.")
    String profile;

    @Option(names = "--train-features", paramLabel = "TRAIN.npy",
            description = "Training images' features; needed for the memorization distance.")
    Path trainFeatures;

    @Option(names = "--train-stats", paramLabel = "STATS.npz",
            description = "Precomputed training statistics (pytorch-fid .npz with mu and sigma) used for FID.")
    Path trainStats;

    @Option(names = "--leaderboard", defaultValue = "public", paramLabel = "public|private",
            description = "Threshold preset: public 0.1, private 0.25. Default: ${DEFAULT-VALUE}.")
    String leaderboard;

    @Option(names = "--eps", paramLabel = "E", description = "Memorization threshold; overrides the preset.")
    Double eps;

    @Option(names = "--offset", defaultValue = "kaggle", paramLabel = "kaggle|notebook",
            description = "Added to the thresholded distance: kaggle 1e-15 (scoring code), notebook 1e-14.")
    String offset;

    @Option(names = {"-k", "--neighbours-per-image"}, defaultValue = "5",
            description = "Nearest training images kept per generated image. Default: ${DEFAULT-VALUE}.")
    int k;

    @Option(names = "--neighbours", paramLabel = "OUT.npz",
            description = "Writes each generated image's nearest training indices (int32) and distances (float32).")
    Path neighboursOut;

    @Option(names = "--device", defaultValue = "auto", paramLabel = "auto|cpu|gpu",
            description = "Where the nearest-neighbour search runs. Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--held-out", paramLabel = "ZIP|DIR",
            description = "Held-out real images never trained on, for the data-copying test C_T (both spaces).")
    Path heldOutImages;

    @Option(names = "--held-out-features", paramLabel = "H.npy",
            description = "Held-out real images' features (instead of --held-out; C_T in the network space only).")
    Path heldOutFeatures;

    @Option(names = "--copy-threshold", paramLabel = "T",
            description = "Image-level distance below which an image counts as a copy (network space); default:"
                    + " the 5th percentile of the training images' distances to their own nearest neighbour.")
    Double copyThreshold;

    @Option(names = "--json", description = "Prints exactly one JSON object on standard output.")
    boolean json;

    @Override
    public Integer call() {
        long t0 = System.nanoTime();
        ProgressMonitor progress = new ConsoleProgress(spec.commandLine().getErr());
        if ((features == null) == (submission == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either --features or --submission");
        }
        if (trainFeatures != null && trainImages != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --train-features or --train, not both");
        }
        if (heldOutImages != null && heldOutFeatures != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --held-out or --held-out-features, not both");
        }
        if (k < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "-k must be at least 1, got " + k);
        }
        double epsilon = epsilon();
        if (neighboursOut != null) {
            OutputFile.check(neighboursOut, features, submission, trainImages, trainFeatures, trainStats);
        }
        if (trainFeatures == null && trainImages == null) {
            throw new InvalidInputException(trainStats == null ? "--train-features" : trainStats.toString(),
                    "the memorization distance needs the training features: give --train-features TRAIN.npy"
                            + " or --train DIR|ZIP");
        }
        // loading libtorch to choose the device takes about 0.45 s: the feature files are read meanwhile
        CompletableFuture<ComputeDevice.Choice> choosing = CompletableFuture.supplyAsync(this::chooseDevice);
        ComputeDevice.Choice chosen;
        ModelSpec extractor = null;
        FeatureMatrix generated;
        FeatureMatrix train;
        if (submission != null || trainImages != null) {
            ExtractorRegistry registry = ExtractorRegistry.standard();
            extractor = registry.spec(model);
            chosen = chosen(choosing);
            Device dev = chosen.device();
            // training features are reused across submissions, a submission's are not worth keeping
            generated = submission == null ? load(features) : new DatasetFeatures(registry, null)
                    .extract(submission, ValidationProfile.fromId(profile), model, dev, FeaturePipeline.DEFAULT_BATCH,
                            progress).features();
            train = trainImages == null ? load(trainFeatures) : new DatasetFeatures(registry, FeatureCache.standard())
                    .extract(trainImages, ValidationProfile.LENIENT, model, dev, FeaturePipeline.DEFAULT_BATCH,
                            progress).features();
        } else {
            generated = load(features);
            train = load(trainFeatures);
            chosen = chosen(choosing);
        }
        String genSource = submission != null ? submission.toString() : features.toString();
        String trainSource = trainImages != null ? trainImages.toString() : trainFeatures.toString();
        FeatureChecks.requireSameDimension(train.cols(), trainSource, generated.cols(), genSource);
        // an index and a distance per neighbour and generated image
        AllocationLimit.require("-k " + k, (long) generated.rows() * k, Integer.BYTES + Float.BYTES,
                "neighbours (" + k + " for each of " + generated.rows() + " generated images)");
        GaussianStatistics stats = trainStats == null ? null : StatisticsFile.read(trainStats);
        if (stats != null) {
            FeatureChecks.requireSameDimension(generated.cols(), genSource, stats.dim(), trainStats.toString());
        }
        long loaded = System.nanoTime();
        MifidScorer.Result r = MifidScorer.builder()
                .epsilon(epsilon)
                .offset(offsetValue())
                .k(k)
                .device(chosen.device())
                .build()
                .score(generated, train, stats, progress);
        if (neighboursOut != null) {
            NeighboursFile.write(neighboursOut, r.neighbours());
        }
        long measuresStart = System.nanoTime();
        MeasureValues measures = measures(generated, train, r.neighbours(), progress);
        long measuresMillis = (System.nanoTime() - measuresStart) / 1_000_000;
        long total = (System.nanoTime() - t0) / 1_000_000;
        print(r, measures, extractor, chosen, (loaded - t0) / 1_000_000, measuresMillis, total);
        return 0;
    }

    /** Both spaces' measures; the pixel space when the generated and training images were given. */
    private MeasureValues measures(FeatureMatrix generated, FeatureMatrix train, Neighbours neighbours,
                                   ProgressMonitor progress) {
        if (copyThreshold != null && !(copyThreshold >= 0 && copyThreshold <= 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--copy-threshold must be in [0, 1], got " + copyThreshold);
        }
        Device dev = ComputeDevice.resolve(device);
        FeatureMatrix heldOut = null;
        if (heldOutFeatures != null) {
            heldOut = load(heldOutFeatures);
            FeatureChecks.requireSameDimension(train.cols(), "the training features", heldOut.cols(),
                    heldOutFeatures.toString());
        } else if (heldOutImages != null) {
            heldOut = new DatasetFeatures(ExtractorRegistry.standard(), FeatureCache.standard())
                    .extract(heldOutImages, ValidationProfile.LENIENT, model, dev, FeaturePipeline.DEFAULT_BATCH,
                            progress).features();
            FeatureChecks.requireSameDimension(train.cols(), "the training features", heldOut.cols(),
                    heldOutImages.toString());
        }
        CopyEvidence.PixelSpace pixels = null;
        if (submission != null && trainImages != null) {
            pixels = new CopyEvidence.PixelSpace(
                    CopyEvidence.pixelDescriptors(submission, ValidationProfile.fromId(profile), progress),
                    CopyEvidence.pixelTraining(trainImages, progress),
                    heldOutImages == null ? null
                            : CopyEvidence.pixelDescriptors(heldOutImages, ValidationProfile.LENIENT, progress));
        }
        return new CopyEvidence(dev).measure(new CopyEvidence.Space(generated, train, heldOut, neighbours), pixels,
                copyThreshold, progress);
    }

    private static FeatureMatrix load(Path file) {
        FeatureMatrix m = NpyFile.read(file);
        FeatureChecks.requireFinite(m, file.toString());
        return m;
    }

    private double epsilon() {
        try {
            return eps != null ? LeaderboardPreset.requireEpsilon(eps) : LeaderboardPreset.parse(leaderboard).epsilon();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private double offsetValue() {
        return switch (offset.toLowerCase(Locale.ROOT)) {
            case "kaggle" -> MifidScore.KAGGLE_OFFSET;
            case "notebook" -> MifidScore.NOTEBOOK_OFFSET;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--offset must be kaggle or notebook, got " + offset);
        };
    }

    /** The device chosen in the background, its failure (say --device gpu without one) thrown as it was. */
    private static ComputeDevice.Choice chosen(CompletableFuture<ComputeDevice.Choice> choosing) {
        try {
            return choosing.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The device for this run; for --device auto, one line on standard error says which and why. */
    private ComputeDevice.Choice chooseDevice() {
        ComputeDevice.Choice chosen = ComputeDevice.choose(device);
        chosen.autoLine().ifPresent(line -> {
            PrintWriter err = spec.commandLine().getErr();
            err.println(line);
            err.flush();
        });
        return chosen;
    }

    private void print(MifidScorer.Result r, MeasureValues measures, ModelSpec extractor, ComputeDevice.Choice chosen,
                       long loadMillis, long measuresMillis, long totalMillis) {
        MifidScore s = r.score();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode o = mapper.createObjectNode();
            o.put("fid", s.fid());
            o.put("distance", s.distance());
            o.put("distance_thresholded", s.distanceThresholded());
            o.put("mifid", s.mifid());
            o.put("epsilon", s.epsilon());
            o.put("penalised", MifidScore.penalised(s.distance(), s.epsilon()));
            o.put("n_generated", s.nGenerated());
            o.put("n_train", s.nTrain());
            o.put("dim", s.dim());
            o.put("rank_deficient", s.rankDeficient());
            o.put("k", r.neighbours().k());
            o.put("device", chosen.kind());
            o.put("device_reason", chosen.reason());
            if (neighboursOut != null) {
                o.put("neighbours_file", neighboursOut.toString());
            }
            if (extractor != null) {
                o.put("model", extractor.id());
                o.put("comparable_with_kaggle", extractor.comparableWithKaggle());
            }
            o.set("measures", MeasuresJson.of(measures));
            ObjectNode t = o.putObject("timings_ms");
            t.put(extractor != null ? "load_and_extract" : "load", loadMillis);
            t.put("statistics_and_fid", r.statisticsMillis());
            t.put("memorization_search", r.searchMillis());
            t.put("measures", measuresMillis);
            t.put("total", totalMillis);
            out.println(o.toString());
        } else {
            out.printf(Locale.ROOT, "FID                  %.6f%s%n", s.fid(),
                    s.rankDeficient() ? "  (rank-deficient covariance: fewer images than dimensions)" : "");
            out.printf(Locale.ROOT, "memorization dist.   %.6f  (%s threshold %.4g)%n", s.distance(),
                    MifidScore.penalised(s.distance(), s.epsilon()) ? "below the" : "not below the", s.epsilon());
            out.printf(Locale.ROOT, "thresholded dist.    %.6f%n", s.distanceThresholded());
            out.printf(Locale.ROOT, "MiFID                %.6f%n", s.mifid());
            MeasuresJson.printText(out, measures);
            out.printf(Locale.ROOT, "%d generated x %d training images, %d features; %d ms%n", s.nGenerated(),
                    s.nTrain(), s.dim(), totalMillis);
            if (extractor != null && !extractor.comparableWithKaggle()) {
                out.println("features from " + extractor.id() + ": NOT comparable with Kaggle's scores");
            }
        }
        out.flush();
    }
}
