package org.mifid.workbench.ui.scoring;

/** The time left, extrapolated linearly from the time taken so far. */
final class Eta {
    private Eta() {
    }

    static String format(long startNanos, long nowNanos, double fraction) {
        if (fraction <= 0.01 || fraction >= 1) {
            return "";
        }
        double elapsed = (nowNanos - startNanos) / 1e9;
        long left = Math.round(elapsed * (1 - fraction) / fraction);
        return left >= 60 ? String.format("about %d min %02d s left", left / 60, left % 60)
                : String.format("about %d s left", left);
    }
}
