package org.mifid.workbench;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a test needs from the machine (a browser, the shared test data). On a developer's machine a missing
 * prerequisite skips the test; under CI=true it fails it, because a skipped check proves nothing.
 */
public final class Prerequisites {
    private Prerequisites() {
    }

    public static void require(boolean present, String what) {
        if (present) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true and " + what + ": this check cannot run");
        }
        assumeTrue(false, what);
    }
}
