package org.mifid.workbench.ui.common;

import java.util.concurrent.CancellationException;

/** Runs each task and its callbacks at once on the calling thread: deterministic view-model tests. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        SimpleTaskHandle handle = new SimpleTaskHandle(Runnable::run);
        try {
            T result = task.work().run(handle);
            handle.finished();
            task.succeeded(result);
        } catch (CancellationException e) {
            handle.finished();
            task.cancelled();
        } catch (Exception e) {
            handle.finished();
            task.failed(e);
        }
        return handle;
    }

    @Override
    public <T> TaskHandle write(BackgroundTask<T> task) {
        return execute(task);
    }
}
