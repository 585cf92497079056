package org.mifid.workbench.prompts;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The host's sample prompts and embeddings in ../shared: on CI their absence is a failure, elsewhere a skip. */
public final class GoldenData {
    private GoldenData() {
    }

    public static Path file(String name) {
        Path file = Path.of(System.getProperty("mifid.shared.dir", "../shared"), "reference", "image-to-prompt", name);
        if (!Files.isRegularFile(file)) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("golden data missing under CI: " + file);
            }
            assumeTrue(false, "no golden data at " + file);
        }
        return file;
    }
}
