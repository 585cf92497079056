package org.mifid.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mifid.workbench.engine.ComputeDevice;

/**
 * {@code bench gpu} on small shapes: on a machine without a GPU it runs the CPU half and says in one line that no
 * GPU was found, exit 0; with one, it compares the GPU's search and features with the CPU's.
 */
class BenchGpuTest {
    @Test
    void runsTheCpuHalfAndSaysWhetherAGpuWasFound() {
        CliRun r = CliRun.of("bench", "gpu", "--generated", "300", "--train", "500", "--dim", "64", "--images", "4",
                "--batch", "2", "--models", "nsfwjs-mobilenet-v2");
        assertEquals(0, r.exit(), r.out() + r.err());
        ComputeDevice.Choice auto = ComputeDevice.choose("auto");
        assertEquals(List.of(auto.describe()), r.err().lines().filter(l -> l.startsWith("device: ")).toList(),
                r.err());
        assertTrue(r.out().contains("libtorch "), r.out());
        assertTrue(r.out().contains("memorization search 300 x 500 x 64 on cpu()"), r.out());
        assertTrue(r.out().contains("nsfwjs-mobilenet-v2    on cpu(): "), r.out());
        if (auto.device().isGpu()) {
            assertTrue(r.out().contains("GPU results equal the CPU's: yes"), r.out());
            assertTrue(r.out().contains("nsfwjs-mobilenet-v2    fp16 on gpu(0): "), r.out());
        } else {
            List<String> said = r.out().lines().filter(l -> l.startsWith("no GPU found: ")).toList();
            assertEquals(1, said.size(), r.out());
            assertTrue(said.get(0).contains(auto.reason()), said.get(0));
            assertTrue(r.out().contains("mixed precision (fp16, bf16) is timed on GPUs only"), r.out());
        }
    }
}
