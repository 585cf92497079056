package org.mifid.workbench.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.util.ClassLoaderUtils;
import ai.djl.util.cuda.CudaUtils;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mifid.workbench.core.InvalidInputException;

/**
 * Where tensor work runs, chosen by the {@code --device} switch (auto, cpu, gpu) of every command, the Scoring
 * page and any batch executor: {@link #choose} says what was chosen and why, {@link #resolve} is its device.
 *
 * <p>"auto" takes the first GPU when libtorch sees one, else the CPU. The gpu build carries the CUDA and the CPU
 * libtorch of one version, and DJL loads the CUDA one only where a CUDA driver is found, so the same build runs
 * everywhere. DJL is kept offline: without a loadable libtorch in the build it would otherwise try to download
 * one, which an organizer's server may not reach and which would change the build's numbers unannounced.
 */
public final class ComputeDevice {
    private static final String ENGINE = "PyTorch";
    private static final Pattern NATIVE_JAR = Pattern.compile("pytorch-native-([a-z0-9]+)-([0-9.]+)-(.+)\\.jar");

    static {
        // never download native libraries or models: everything DJL needs ships in this build's jars
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    private ComputeDevice() {
    }

    /**
     * A device and why it was taken.
     *
     * @param device the device tensors go to
     * @param requested the switch as given (auto, cpu or gpu)
     * @param reason one line: the switch, the GPU count and the libtorch build that saw it
     */
    public record Choice(Device device, String requested, String reason) {
        /** "cpu" or "gpu"; a GPU's index is in {@link #device()}. */
        public String kind() {
            return device.isGpu() ? "gpu" : "cpu";
        }

        /** The stderr line the CLI prints for --device auto. */
        public String describe() {
            return "device: " + kind() + (device.isGpu() ? " " + device.getDeviceId() : "") + " (" + reason + ")";
        }

        /**
         * The line every command that runs tensors prints on standard error when it chose the device itself
         * ({@code --device auto}); empty when the user named it.
         */
        public Optional<String> autoLine() {
            return requested.equals("auto") ? Optional.of(describe()) : Optional.empty();
        }
    }

    public static Device resolve(String choice) {
        return choose(choice).device();
    }

    /** The device for the switch {@code auto}, {@code cpu} or {@code gpu}; a GPU asked for and not usable is bad input. */
    public static Choice choose(String choice) {
        String c = choice == null ? "auto" : choice.trim().toLowerCase(Locale.ROOT);
        switch (c) {
            case "cpu":
                return new Choice(Device.cpu(), c, "asked for");
            case "gpu":
            case "auto":
                break;
            default:
                throw new InvalidInputException("--device " + choice, "expected auto, cpu or gpu");
        }
        Engine engine = engine();
        int gpus = engine.getGpuCount();
        String build = "libtorch " + engine.getVersion();
        if (gpus > 0) {
            return new Choice(Device.gpu(), c, (c.equals("auto") ? "auto: " : "asked for: ") + gpus + " GPU"
                    + (gpus == 1 ? "" : "s") + " visible to " + build);
        }
        if (c.equals("gpu")) {
            throw new InvalidInputException("--device gpu", "no usable GPU: " + build + " sees none"
                    + (carriesCuda() ? " (no CUDA driver or device found); use --device cpu or auto"
                    : " (this build carries only the CPU libtorch; build with -Pgpu for CUDA)"));
        }
        return new Choice(Device.cpu(), c, "auto: no GPU visible to " + build
                + (carriesCuda() ? "" : ", a CPU-only build"));
    }

    /**
     * The PyTorch engine, its native library loaded; a build without a loadable libtorch for this machine is
     * one {@link NativeEngineException} naming the platform looked for and the builds this jar set carries.
     */
    public static Engine engine() {
        try {
            return Engine.getEngine(ENGINE);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            throw new NativeEngineException("none for " + platform() + " " + lookedFor() + " in this build, which"
                    + " carries " + carried() + " (" + rootMessage(e) + "); use the build for this machine: the"
                    + " default build (CPU) or the -Pgpu build (CUDA 12 and CPU), both for linux-x86_64", e);
        }
    }

    /** The platform in DJL's terms, as its native jars name it: os-arch. */
    static String platform() {
        String os = System.getProperty("os.name", "?");
        String prefix = os.startsWith("Linux") ? "linux" : os.startsWith("Mac") ? "osx"
                : os.startsWith("Win") ? "win" : os.toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "?");
        return prefix + "-" + ("amd64".equals(arch) ? "x86_64" : arch);
    }

    /** The flavor DJL looks for here: a CUDA build where a driver and GPU are found, else the CPU one. */
    private static String lookedFor() {
        try {
            return CudaUtils.getGpuCount() > 0 ? "(CUDA " + CudaUtils.getCudaVersionString() + ", or CPU)"
                    : "(CPU: no CUDA driver or GPU found)";
        } catch (RuntimeException | LinkageError e) {
            return "(CPU)";
        }
    }

    /**
     * The libtorch builds on the class path as flavor-classifier version ("cpu-linux-x86_64 2.7.1"), read from
     * the names of the jars that hold DJL's native/lib/pytorch.properties (pytorch-native-FLAVOR-VERSION-OS-ARCH).
     */
    public static List<String> carriedBuilds() {
        List<String> builds = new ArrayList<>();
        try {
            for (URL url : Collections.list(ClassLoaderUtils.getContextClassLoader()
                    .getResources("native/lib/pytorch.properties"))) {
                String jar = url.toString().replaceFirst("!/native/lib/pytorch\\.properties$", "");
                Matcher m = NATIVE_JAR.matcher(jar.substring(jar.lastIndexOf('/') + 1));
                builds.add(m.matches() ? m.group(1) + "-" + m.group(3) + " " + m.group(2) : jar);
            }
        } catch (Exception e) {
            builds.add("unknown builds (" + e.getMessage() + ")");
        }
        return builds;
    }

    private static String carried() {
        List<String> builds = carriedBuilds();
        return builds.isEmpty() ? "no libtorch" : String.join(" and ", builds);
    }

    private static boolean carriesCuda() {
        return carriedBuilds().stream().anyMatch(b -> b.startsWith("cu"));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
