package org.mifid.workbench.ui.common;

import java.util.Objects;
import java.util.function.Consumer;
import org.mifid.workbench.core.ProgressMonitor;

/**
 * Work to run off the FX thread with what to do on the FX thread when it ends. View models build these and hand
 * them to a {@link TaskExecutor}, so they never touch {@code javafx.concurrent.Task} and tests can run them on
 * the calling thread.
 *
 * @param <T> the result of the work
 */
public final class BackgroundTask<T> {

    /** The work itself; it reports progress and learns of cancellation through the monitor. */
    @FunctionalInterface
    public interface Work<T> {
        T run(ProgressMonitor monitor) throws Exception;
    }

    private final Work<T> work;
    private Consumer<T> onSuccess = result -> { };
    private Consumer<Throwable> onFailure = error -> { };
    private Runnable onCancelled = () -> { };

    private BackgroundTask(Work<T> work) {
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundTask<T> of(Work<T> work) {
        return new BackgroundTask<>(work);
    }

    /** Runs on the FX thread with the result. */
    public BackgroundTask<T> onSuccess(Consumer<T> action) {
        this.onSuccess = action;
        return this;
    }

    /** Runs on the FX thread when the work threw (other than being cancelled). */
    public BackgroundTask<T> onFailure(Consumer<Throwable> action) {
        this.onFailure = action;
        return this;
    }

    /** Runs on the FX thread when the work stopped because it was cancelled. */
    public BackgroundTask<T> onCancelled(Runnable action) {
        this.onCancelled = action;
        return this;
    }

    Work<T> work() {
        return work;
    }

    void succeeded(T result) {
        onSuccess.accept(result);
    }

    void failed(Throwable error) {
        onFailure.accept(error);
    }

    void cancelled() {
        onCancelled.run();
    }
}
