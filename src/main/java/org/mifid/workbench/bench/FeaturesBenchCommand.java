package org.mifid.workbench.bench;

import ai.djl.Device;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.mifid.workbench.engine.ComputeDevice;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.features.ExtractorRegistry;
import org.mifid.workbench.features.FeatureExtractor;
import org.mifid.workbench.features.FeaturePipeline;
import org.mifid.workbench.features.ModelSpec;
import org.mifid.workbench.features.tfjs.KerasFlops;
import org.mifid.workbench.imaging.ImageSet;
import org.mifid.workbench.imaging.ImageSets;
import org.mifid.workbench.imaging.ValidationProfile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench features}: images/s of each installed extractor through the whole pipeline (PNG decode, resize,
 * forward pass) against the same network's raw forward pass on random tensors, in one run and at the same
 * batch sizes; and the GFLOP/s achieved against the float32 matrix-multiply rate measured in the same run.
 */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Times feature extraction (pipeline vs raw forward pass, GFLOP/s vs matmul rate) in one run.")
public final class FeaturesBenchCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", split = ",", paramLabel = "ID[,ID...]",
            description = "Extractors to time. Default: every installed one.")
    List<String> models;

    @Option(names = "--batch", split = ",", defaultValue = "16,32", paramLabel = "N[,N...]",
            description = "Batch sizes. Default: ${DEFAULT-VALUE}.")
    List<Integer> batches;

    @Option(names = "--repeats", defaultValue = "2", paramLabel = "R",
            description = "Timed batches per measurement, after one warm-up batch. Default: ${DEFAULT-VALUE}.")
    int repeats;

    @Option(names = "--rounds", defaultValue = "3", paramLabel = "K",
            description = "Interleaved raw/pipeline rounds; the best of each is kept. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--device", defaultValue = "auto", paramLabel = "auto|cpu|gpu", description = "Default: ${DEFAULT-VALUE}.")
    String device;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ComputeDevice.Choice choice = ComputeDevice.choose(device);
        choice.autoLine().ifPresent(spec.commandLine().getErr()::println);
        spec.commandLine().getErr().flush();
        Device dev = choice.device();
        ExtractorRegistry registry = ExtractorRegistry.standard();
        List<ModelSpec> chosen = new ArrayList<>();
        for (ModelSpec m : registry.specs()) {
            if (models == null ? registry.isAvailable(m) : models.contains(m.id())) {
                chosen.add(m);
            }
        }
        out.printf(Locale.ROOT, "features benchmark: device %s, %d cores; each figure is the best of %d interleaved"
                + " rounds of matmul (float32 2048^3), raw forward and pipeline%n", dev,
                Runtime.getRuntime().availableProcessors(), rounds);
        int largest = batches.stream().max(Integer::compare).orElse(32);
        try (TempDirectory tmp = TempDirectory.create("mifid-bench-")) {
            Path dir = tmp.path();
            writeImages(dir, largest * repeats);
            long t = System.nanoTime();
            try (ImageSet all = ImageSets.open(dir, ValidationProfile.KAGGLE_DOGS, ProgressMonitor.NONE)) {
                double seconds = (System.nanoTime() - t) / 1e9;
                out.printf(Locale.ROOT, "validating %d 64x64 PNGs (kaggle-dogs profile, full decode): %.0f images/s%n",
                        all.size(), all.size() / seconds);
                for (ModelSpec m : chosen) {
                    bench(out, registry, m, dev, all);
                }
            }
        }
        return 0;
    }

    private void bench(PrintWriter out, ExtractorRegistry registry, ModelSpec m, Device dev, ImageSet all) {
        double gflopPerImage = "tfjs-layers".equals(m.format())
                ? 2.0 * KerasFlops.multiplyAdds(registry.file(m), m.inputSize(), m.outputLayer()) / 1e9 : Double.NaN;
        try (FeatureExtractor extractor = registry.open(m.id(), dev)) {
            for (int batch : batches) {
                int s = m.inputSize();
                float[] x = new float[batch * 3 * s * s];
                Random random = new Random(batch);
                for (int i = 0; i < x.length; i++) {
                    x[i] = random.nextFloat();
                }
                extractor.extract(x, batch); // warm-up: lazy weight upload, allocator
                SubSet images = new SubSet(all, batch * repeats);
                // interleaved rounds, best of each: other processes' load hits both sides alike
                double raw = Double.MAX_VALUE;
                double pipeline = Double.MAX_VALUE;
                double matmul = 0;
                for (int round = 0; round < rounds; round++) {
                    matmul = Math.max(matmul, SyntheticFeatures.matmulGflops(dev, 2048));
                    long t = System.nanoTime();
                    for (int r = 0; r < repeats; r++) {
                        extractor.extract(x, batch);
                    }
                    raw = Math.min(raw, (System.nanoTime() - t) / 1e9);
                    t = System.nanoTime();
                    new FeaturePipeline(extractor, batch).extract(images, ProgressMonitor.NONE);
                    pipeline = Math.min(pipeline, (System.nanoTime() - t) / 1e9);
                }
                double rawRate = batch * repeats / raw;
                double pipeRate = batch * repeats / pipeline;
                out.printf(Locale.ROOT, "%-20s batch %3d: pipeline %7.2f images/s, raw forward %7.2f images/s,"
                        + " overhead %+5.1f %% (target <= 10 %%); matmul %.1f GFLOP/s; %s%n",
                        m.id(), batch, pipeRate, rawRate,
                        100 * (raw > 0 ? pipeline / raw - 1 : 0), matmul,
                        Double.isNaN(gflopPerImage) ? "GFLOP/s n/a" : String.format(Locale.ROOT,
                                "%.1f GFLOP/s = %.0f %% of matmul", rawRate * gflopPerImage,
                                100 * rawRate * gflopPerImage / matmul));
                out.flush();
            }
        }
    }

    /** Random-textured 64x64 RGB PNGs, the size of a Kaggle submission's images. */
    private static void writeImages(Path dir, int count) throws IOException {
        Random random = new Random(7);
        for (int i = 0; i < count; i++) {
            BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 64; x++) {
                    image.setRGB(x, y, random.nextInt(1 << 24));
                }
            }
            ImageIO.write(image, "png", dir.resolve(String.format(Locale.ROOT, "%05d.png", i)).toFile());
        }
    }

    /** The first {@code size} images of a set. */
    private record SubSet(ImageSet set, int size) implements ImageSet {
        @Override
        public String source() {
            return set.source();
        }

        @Override
        public String name(int index) {
            return set.name(index);
        }

        @Override
        public byte[] bytes(int index) {
            return set.bytes(index);
        }

        @Override
        public BufferedImage decode(int index) {
            return set.decode(index);
        }

        @Override
        public void close() {
            // the whole set is closed by its owner
        }
    }
}
