package org.mifid.workbench.core;

/** A progress monitor for tests: counts its updates and, if asked, reports cancellation after so many. */
public final class CountingProgress implements ProgressMonitor {
    private final int cancelAfter;
    private int updates;

    private CountingProgress(int cancelAfter) {
        this.cancelAfter = cancelAfter;
    }

    /** Counts and never cancels. */
    public static CountingProgress counting() {
        return new CountingProgress(Integer.MAX_VALUE);
    }

    /** Cancelled once {@code n} updates have come. */
    public static CountingProgress cancelAfter(int n) {
        return new CountingProgress(n);
    }

    public int updates() {
        return updates;
    }

    @Override
    public void update(long done, long total, String message) {
        updates++;
    }

    @Override
    public boolean isCancelled() {
        return updates >= cancelAfter;
    }
}
