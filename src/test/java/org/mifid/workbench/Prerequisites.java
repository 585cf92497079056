package org.mifid.workbench;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a test needs from the machine (chromium, python3 with NumPy, the ../shared data). On a developer's machine a
 * missing one skips the test; under CI=true it fails it, because a check CI cannot run is a check nobody ran.
 */
public final class Prerequisites {

    private Prerequisites() {
    }

    public static void require(boolean present, String missing) {
        if (present) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true but the check cannot run: " + missing);
        }
        assumeTrue(false, missing);
    }
}
