package org.mifid.workbench.core;

import java.util.concurrent.CancellationException;

/**
 * How long work reports progress and learns it should stop. The engine knows only this interface: the CLI
 * prints it, the UI forwards it to a JavaFX Task, tests count it.
 */
public interface ProgressMonitor {

    /** A monitor that ignores progress and is never cancelled. */
    ProgressMonitor NONE = new ProgressMonitor() {
        @Override
        public void update(long done, long total, String message) {
            // nothing to report to
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** {@code done} of {@code total} units finished; {@code message} says what is being done. */
    void update(long done, long total, String message);

    boolean isCancelled();

    /** Throws if the work was cancelled; long loops call this between blocks. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancellationException("cancelled");
        }
    }
}
