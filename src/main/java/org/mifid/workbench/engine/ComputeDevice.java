package org.mifid.workbench.engine;

import org.mifid.workbench.core.InvalidInputException;
import ai.djl.Device;
import ai.djl.engine.Engine;

/** Where tensor work runs: "auto" takes the first GPU when the engine sees one, else the CPU. */
public final class ComputeDevice {
    private ComputeDevice() {
    }

    public static Device resolve(String choice) {
        String c = choice == null ? "auto" : choice.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (c) {
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (Engine.getInstance().getGpuCount() == 0) {
                    throw new InvalidInputException("--device gpu", "no GPU is visible to the PyTorch engine"
                            + " (build with -Pgpu and check the CUDA driver)");
                }
                yield Device.gpu();
            }
            case "auto" -> Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
            default -> throw new InvalidInputException("--device " + choice, "expected auto, cpu or gpu");
        };
    }
}
