package org.mifid.workbench.ui.common;

/** Runs {@link BackgroundTask}s: on a worker pool in the app, on the calling thread in tests. */
public interface TaskExecutor {

    <T> TaskHandle execute(BackgroundTask<T> task);

    /**
     * Runs a workspace write: one at a time, in the order submitted, so that what is stored (and which verdict
     * is current) follows the order the organizer acted in, whatever the pool's threads do.
     */
    <T> TaskHandle write(BackgroundTask<T> task);
}
