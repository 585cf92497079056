package org.mifid.workbench.ui.common;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * Schedules recomputations of one kind (mzmine's update-task shape): a burst of requests within {@code delay}
 * is merged into one, the computation runs off the FX thread, and only the result of the latest request
 * reaches the view; results of superseded requests are dropped.
 *
 * <p>Call from the FX thread. With a zero delay every request starts at once (tests).
 */
public final class LatestOnlyUpdater<T> {
    private final TaskExecutor executor;
    private final Duration delay;
    private final AtomicLong generation = new AtomicLong();
    private PauseTransition pending;

    public LatestOnlyUpdater(TaskExecutor executor, Duration delay) {
        this.executor = executor;
        this.delay = delay;
    }

    /** Requests a recomputation; {@code apply} runs on the FX thread only if no later request was made. */
    public void request(Supplier<T> compute, Consumer<T> apply) {
        long mine = generation.incrementAndGet();
        Runnable start = () -> executor.execute(BackgroundTask.of(monitor -> {
            if (generation.get() != mine) {
                return null;
            }
            return compute.get();
        }).onSuccess(result -> {
            if (generation.get() == mine && result != null) {
                apply.accept(result);
            }
        }));
        if (delay.toMillis() <= 0) {
            start.run();
            return;
        }
        if (pending != null) {
            pending.stop();
        }
        pending = new PauseTransition(delay);
        pending.setOnFinished(e -> start.run());
        pending.playFromStart();
    }

    /** How many requests were made; the latest one is the only one that can still update the view. */
    public long requests() {
        return generation.get();
    }
}
