package org.mifid.workbench.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.util.cuda.CudaUtils;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.engine.ComputeDevice;
import org.mifid.workbench.engine.FeatureMatrix;
import org.mifid.workbench.engine.MemorizationSearch;
import org.mifid.workbench.features.ExtractorRegistry;
import org.mifid.workbench.features.FeatureExtractor;
import org.mifid.workbench.features.ModelSpec;
import org.mifid.workbench.features.Precision;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench gpu}: what a GPU machine gives the workbench, checked in minutes on the first one that has a GPU:
 * the device, driver and CUDA versions DJL sees, the float32 matmul rate, the memorization search on the GPU against
 * the CPU (same neighbours, same distance to 1e-6) and each available extractor's images/s on both (same features to
 * 1e-4 relative). Without a GPU it runs the CPU half, says so in one line and exits 0: the same command is the
 * check on every machine. Exit 1 when the GPU's results differ from the CPU's. Mixed precision (the TF.js
 * networks in fp16 and bf16) is timed and its features compared with float32's on the same device: a figure to read,
 * not a pass or fail, since scoring never uses it.
 */
@Command(name = "gpu", mixinStandardHelpOptions = true,
        description = "GPU against CPU: versions, matmul rate, the memorization search (same neighbours) and feature"
                + " extraction (same features). Without a GPU, the CPU half and a line saying no GPU was found.")
public final class GpuBenchCommand implements Callable<Integer> {
    static final String NO_GPU = "no GPU found: ";
    private static final double DISTANCE_TOLERANCE = 1e-6;
    private static final double FEATURE_TOLERANCE = 1e-4;
    private static final Pattern DRIVER = Pattern.compile("Kernel Module\\s+([0-9.]+)");

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--generated", defaultValue = "10000", description = "Default: ${DEFAULT-VALUE}.")
    int generated;

    @Option(names = "--train", defaultValue = "20000", description = "Default: ${DEFAULT-VALUE}.")
    int train;

    @Option(names = "--dim", defaultValue = "2048", description = "Default: ${DEFAULT-VALUE}.")
    int dim;

    @Option(names = "--images", defaultValue = "256", description = "Images per extractor and device."
            + " Default: ${DEFAULT-VALUE}.")
    int images;

    @Option(names = "--batch", defaultValue = "32", description = "Extraction batch. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--models", split = ",", paramLabel = "ID,...",
            description = "Extractors to time. Default: every one whose weights are present.")
    List<String> models;

    @Option(names = "--precision", split = ",", paramLabel = "TYPE,...", defaultValue = "fp16,bf16",
            converter = PrecisionConverter.class,
            description = "Half types to time each TF.js extractor in, beside float32, on every device (their"
                    + " features against float32's on the same device; scoring always uses float32)."
                    + " Default: ${DEFAULT-VALUE}.")
    List<Precision> precisions;

    private boolean allEqual = true;
    /** The float32 runs on a GPU, kept to compare the half types with after every float32 figure is out. */
    private final List<Float32Run> gpuRuns = new ArrayList<>();

    private record Float32Run(ModelSpec spec, Device device, float[] input, int rounds, FeatureMatrix features,
                              double rate) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ComputeDevice.Choice chosen = ComputeDevice.choose("auto");
        chosen.autoLine().ifPresent(spec.commandLine().getErr()::println);
        spec.commandLine().getErr().flush();
        versions(out);
        List<Device> devices = new ArrayList<>();
        devices.add(Device.cpu());
        if (chosen.device().isGpu()) {
            devices.add(chosen.device());
        } else {
            out.println(NO_GPU + chosen.reason() + "; the CPU half below is all this machine can show");
        }
        out.flush();
        for (Device d : devices) {
            int n = d.isGpu() ? 8192 : 2048;
            out.printf(Locale.ROOT, "float32 matmul %s (%d^3): %.1f GFLOP/s%n", d, n,
                    SyntheticFeatures.matmulGflops(d, n));
            out.flush();
        }
        search(out, devices);
        extraction(out, devices);
        if (chosen.device().isGpu()) {
            out.println(allEqual ? "GPU results equal the CPU's: yes" : "GPU results equal the CPU's: NO (see above)");
            out.flush();
            // last, so a libtorch that aborts on a half-type kernel costs only these lines
            gpuRuns.forEach(run -> halfPrecision(out, ExtractorRegistry.standard(), run));
        } else {
            out.println("mixed precision (" + precisionIds() + ") is timed on GPUs only: this CPU libtorch emulates"
                    + " fp16 convolutions (a fifth of float32's speed or less) and aborts the JVM on bf16 ones");
        }
        out.flush();
        return allEqual ? 0 : 1;
    }

    /** What DJL sees: libtorch's version and build, the CUDA runtime, the driver, and each GPU. */
    private static void versions(PrintWriter out) {
        Engine engine = ComputeDevice.engine();
        out.printf(Locale.ROOT, "libtorch %s (builds on the class path: %s), %d cores%n", engine.getVersion(),
                String.join(", ", ComputeDevice.carriedBuilds()), Runtime.getRuntime().availableProcessors());
        String cuda;
        try {
            cuda = CudaUtils.hasCuda() ? CudaUtils.getCudaVersionString() : "none";
        } catch (RuntimeException | LinkageError e) {
            cuda = "none (" + e.getMessage() + ")";
        }
        out.println("CUDA runtime: " + cuda + "; NVIDIA driver: " + driverVersion());
        for (int i = 0; i < engine.getGpuCount(); i++) {
            Device d = Device.gpu(i);
            String memory;
            try {
                MemoryUsage m = CudaUtils.getGpuMemory(d);
                memory = String.format(Locale.ROOT, "%.1f GiB, %.1f GiB in use", m.getMax() / (double) (1L << 30),
                        m.getUsed() / (double) (1L << 30));
            } catch (RuntimeException | LinkageError e) {
                memory = "memory unknown (" + e.getMessage() + ")";
            }
            String capability;
            try {
                capability = CudaUtils.getComputeCapability(i);
            } catch (RuntimeException | LinkageError e) {
                capability = "?";
            }
            out.printf(Locale.ROOT, "%s: compute capability %s, %s%n", d, capability, memory);
        }
    }

    /** The kernel module's version line (Linux), which is what CUDA's compatibility depends on. */
    private static String driverVersion() {
        Path proc = Path.of("/proc/driver/nvidia/version");
        try {
            if (Files.isReadable(proc)) {
                String first = Files.readAllLines(proc).get(0);
                Matcher m = DRIVER.matcher(first);
                return m.find() ? m.group(1) : first.strip();
            }
        } catch (IOException | IndexOutOfBoundsException e) {
            return "unreadable " + proc;
        }
        return "none";
    }

    /** The memorization search on every device, the same rows; the GPU's neighbours and distance against the CPU's. */
    private void search(PrintWriter out, List<Device> devices) {
        FeatureMatrix gen = SyntheticFeatures.correlated(generated, dim, 1);
        FeatureMatrix ref = SyntheticFeatures.correlated(train, dim, 2);
        double gflop = 2.0 * generated * train * dim / 1e9;
        MemorizationSearch.Result cpu = null;
        double cpuSeconds = 0;
        for (Device d : devices) {
            MemorizationSearch search = MemorizationSearch.builder().device(d).build();
            search.search(gen.slice(0, Math.min(generated, 256)), ref, ProgressMonitor.NONE); // warm-up
            long t = System.nanoTime();
            MemorizationSearch.Result r = search.search(gen, ref, ProgressMonitor.NONE);
            double seconds = (System.nanoTime() - t) / 1e9;
            out.printf(Locale.ROOT, "memorization search %d x %d x %d on %s: %.2f s = %.1f GFLOP/s, distance %.8f%n",
                    generated, train, dim, d, seconds, gflop / seconds, r.distance());
            if (cpu == null) {
                cpu = r;
                cpuSeconds = seconds;
            } else {
                int[] a = cpu.neighbours().indices();
                int[] b = r.neighbours().indices();
                int differ = 0;
                for (int i = 0; i < a.length; i++) {
                    differ += a[i] != b[i] ? 1 : 0;
                }
                double delta = Math.abs(cpu.distance() - r.distance());
                boolean same = differ == 0 && delta <= DISTANCE_TOLERANCE;
                allEqual &= same;
                out.printf(Locale.ROOT, "  against the CPU: %.1f x faster; neighbour indices differing %d of %d;"
                        + " distance differs by %.1e (tolerance %.0e): %s%n", cpuSeconds / seconds, differ, a.length,
                        delta, DISTANCE_TOLERANCE, same ? "same" : "DIFFERENT");
            }
            out.flush();
        }
    }

    /** Each available extractor's forward pass on every device, on the same random inputs. */
    private void extraction(PrintWriter out, List<Device> devices) {
        ExtractorRegistry registry = ExtractorRegistry.standard();
        for (ModelSpec m : registry.specs()) {
            if (models == null ? !registry.isAvailable(m) : !models.contains(m.id())) {
                continue;
            }
            int s = m.inputSize();
            float[] x = new float[batch * 3 * s * s];
            Random random = new Random(11);
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextFloat();
            }
            int rounds = Math.max(1, images / batch);
            FeatureMatrix cpu = null;
            double cpuRate = 0;
            for (Device d : devices) {
                try (FeatureExtractor extractor = registry.open(m.id(), d)) {
                    FeatureMatrix f = extractor.extract(x, batch); // warm-up: weights uploaded, kernels chosen
                    long t = System.nanoTime();
                    for (int r = 0; r < rounds; r++) {
                        f = extractor.extract(x, batch);
                    }
                    double rate = rounds * batch / ((System.nanoTime() - t) / 1e9);
                    out.printf(Locale.ROOT, "%-22s on %s: %8.1f images/s (batch %d)%n", m.id(), d, rate, batch);
                    if (cpu == null) {
                        cpu = f;
                        cpuRate = rate;
                    } else {
                        double relative = relativeDifference(cpu, f);
                        boolean same = relative <= FEATURE_TOLERANCE;
                        allEqual &= same;
                        out.printf(Locale.ROOT, "  against the CPU: %.1f x; features differ by %.1e relative"
                                + " (tolerance %.0e): %s%n", rate / cpuRate, relative, FEATURE_TOLERANCE,
                                same ? "same" : "DIFFERENT");
                    }
                    out.flush();
                    if (d.isGpu() && "tfjs-layers".equals(m.format())) {
                        gpuRuns.add(new Float32Run(m, d, x, rounds, f, rate));
                    }
                }
            }
        }
    }

    private String precisionIds() {
        return String.join(", ", precisions.stream().map(Precision::id).toList());
    }

    /** The extractor in each half type on the GPU, against its float32 run there: images/s and features. */
    private void halfPrecision(PrintWriter out, ExtractorRegistry registry, Float32Run run) {
        Device d = run.device();
        for (Precision p : precisions) {
            if (p == Precision.FLOAT32) {
                continue;
            }
            try (FeatureExtractor extractor = registry.open(run.spec().id(), d, p)) {
                FeatureMatrix f = extractor.extract(run.input(), batch);
                long t = System.nanoTime();
                for (int r = 0; r < run.rounds(); r++) {
                    f = extractor.extract(run.input(), batch);
                }
                double rate = run.rounds() * batch / ((System.nanoTime() - t) / 1e9);
                out.printf(Locale.ROOT, "%-22s %s on %s: %8.1f images/s = %.2f x float32; features differ from"
                        + " float32's by %.1e relative (a measure only: scoring extracts in float32)%n",
                        run.spec().id(), p.id(), d, rate, rate / run.rate(), relativeDifference(run.features(), f));
            } catch (RuntimeException e) {
                // libtorch builds differ in which half-type kernels they carry (CPU fp16 convolutions often not)
                String message = String.valueOf(e.getMessage()).strip().lines().findFirst().orElse("");
                out.printf(Locale.ROOT, "%-22s %s on %s: not available in this libtorch (%s)%n", run.spec().id(),
                        p.id(), d,
                        message.length() > 160 ? message.substring(0, 160) + "..." : message);
            }
            out.flush();
        }
    }

    /** fp16 / bf16 / fp32 on the command line. */
    static final class PrecisionConverter implements CommandLine.ITypeConverter<Precision> {
        @Override
        public Precision convert(String value) {
            try {
                return Precision.of(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** The largest difference of any feature, relative to the largest feature of its image. */
    static double relativeDifference(FeatureMatrix expected, FeatureMatrix actual) {
        float[] e = expected.data();
        float[] a = actual.data();
        int cols = expected.cols();
        double worst = 0;
        for (int row = 0; row < expected.rows(); row++) {
            double scale = Double.MIN_NORMAL;
            for (int c = 0; c < cols; c++) {
                scale = Math.max(scale, Math.abs(e[row * cols + c]));
            }
            for (int c = 0; c < cols; c++) {
                worst = Math.max(worst, Math.abs(e[row * cols + c] - a[row * cols + c]) / scale);
            }
        }
        return worst;
    }
}
