package org.mifid.workbench.ui.common;

/** Runs {@link BackgroundTask}s: on a worker pool in the app, on the calling thread in tests. */
public interface TaskExecutor {

    <T> TaskHandle execute(BackgroundTask<T> task);
}
