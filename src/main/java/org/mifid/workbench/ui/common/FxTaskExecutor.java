package org.mifid.workbench.ui.common;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks on a small pool of daemon threads, workspace writes on one writer thread in submission order, and
 * the callbacks of both on the FX thread.
 */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);

    private final ExecutorService pool;
    private final ExecutorService writer;

    public FxTaskExecutor(int threads) {
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, runnable -> daemon(runnable,
                "workbench-task-" + count.incrementAndGet()));
        this.writer = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "workbench-writer"));
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        return submit(pool, task);
    }

    @Override
    public <T> TaskHandle write(BackgroundTask<T> task) {
        return submit(writer, task);
    }

    private static <T> TaskHandle submit(ExecutorService threads, BackgroundTask<T> task) {
        SimpleTaskHandle handle = new SimpleTaskHandle(Platform::runLater);
        threads.execute(() -> {
            try {
                T result = task.work().run(handle);
                Platform.runLater(() -> {
                    handle.finished();
                    task.succeeded(result);
                });
            } catch (CancellationException e) {
                Platform.runLater(() -> {
                    handle.finished();
                    task.cancelled();
                });
            } catch (Throwable e) {
                if (handle.isCancelled()) {
                    Platform.runLater(() -> {
                        handle.finished();
                        task.cancelled();
                    });
                    return;
                }
                LOG.warn("background task failed", e);
                Platform.runLater(() -> {
                    handle.finished();
                    task.failed(e);
                });
            }
        });
        return handle;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        // queued writes are the organizer's decisions: let them finish (each is one short transaction)
        writer.shutdown();
    }
}
