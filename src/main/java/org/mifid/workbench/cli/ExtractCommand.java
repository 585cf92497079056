package org.mifid.workbench.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mifid.workbench.engine.ComputeDevice;
import org.mifid.workbench.io.NpyFile;
import org.mifid.workbench.io.OutputFile;
import org.mifid.workbench.core.AllocationLimit;
import org.mifid.workbench.features.DatasetFeatures;
import org.mifid.workbench.features.ExtractorRegistry;
import org.mifid.workbench.features.FeatureCache;
import org.mifid.workbench.features.FeaturePipeline;
import org.mifid.workbench.imaging.ValidationProfile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code extract}: a zip or folder of images to a .npy feature matrix, one row per image in name order. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Validates a zip or folder of images and writes their features as float32 .npy (rows in entry-name order).")
public final class ExtractCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--images", required = true, paramLabel = "ZIP|DIR", description = "Submission or training set.")
    Path images;

    @Option(names = "--model", defaultValue = ExtractorRegistry.DEFAULT_ID, paramLabel = "ID",
            description = "Extractor id (see `models`). Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--out", required = true, paramLabel = "FEATURES.npy")
    Path out;

    @Option(names = "--profile", defaultValue = "kaggle-dogs", paramLabel = "kaggle-dogs|lenient",
            description = "Validation rules. Default: ${DEFAULT-VALUE}.")
    String profile;

    @Option(names = "--device", defaultValue = "auto", paramLabel = "auto|cpu|gpu", description = "Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--batch", defaultValue = "" + FeaturePipeline.DEFAULT_BATCH, paramLabel = "N",
            description = "Images per forward pass. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--no-cache", description = "Always compute, neither reading nor filling the feature cache.")
    boolean noCache;

    @Override
    public Integer call() {
        if (batch < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--batch must be at least 1");
        }
        OutputFile.check(out, images);
        // a batch is one float32 tensor of N x 3 x size x size: checked before any image is read
        int size = ExtractorRegistry.standard().spec(model).inputSize();
        AllocationLimit.require("--batch " + batch, batch, 3L * size * size * Float.BYTES,
                "images of " + size + " x " + size + " in one batch");
        ComputeDevice.Choice chosen = ComputeDevice.choose(device);
        chosen.autoLine().ifPresent(line -> {
            spec.commandLine().getErr().println(line);
            spec.commandLine().getErr().flush();
        });
        DatasetFeatures extraction = new DatasetFeatures(ExtractorRegistry.standard(),
                noCache ? null : FeatureCache.standard());
        DatasetFeatures.Result r = extraction.extract(images, ValidationProfile.fromId(profile), model,
                chosen.device(), batch, new ConsoleProgress(spec.commandLine().getErr()));
        NpyFile.write(out, r.features());
        spec.commandLine().getOut().printf(Locale.ROOT, "%s: %d x %d features with %s%s, %s in %.1f s -> %s%n",
                r.source(), r.features().rows(), r.features().cols(), r.model().id(),
                r.model().comparableWithKaggle() ? "" : " (NOT comparable with Kaggle's scores)",
                r.fromCache() ? "from the cache" : "computed", r.seconds(), out);
        return 0;
    }
}
