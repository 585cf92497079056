package org.mifid.workbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The background-task plumbing: cancellation, failures, and "only the latest recomputation updates the view". */
@ExtendWith(ApplicationExtension.class)
class TaskExecutorTest {

    @Test
    void cancelStopsLongWorkAndReportsCancelled(FxRobot robot) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        AtomicReference<String> outcome = new AtomicReference<>();
        try (FxTaskExecutor executor = new FxTaskExecutor(1)) {
            TaskHandle handle = executor.execute(BackgroundTask.of(monitor -> {
                for (long i = 0; ; i++) {
                    monitor.update(i, Long.MAX_VALUE, "working");
                    started.countDown();
                    monitor.checkCancelled();
                    Thread.sleep(1);
                }
            }).onSuccess(r -> {
                outcome.set("success");
                ended.countDown();
            }).onCancelled(() -> {
                outcome.set("cancelled");
                ended.countDown();
            }));
            assertTrue(started.await(5, TimeUnit.SECONDS));
            handle.cancel();
            assertTrue(ended.await(5, TimeUnit.SECONDS));
            assertEquals("cancelled", outcome.get());
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("working", handle.messageProperty().get());
            assertTrue(!handle.runningProperty().get());
        }
    }

    @Test
    void failuresReachOnFailure() {
        AtomicReference<Throwable> error = new AtomicReference<>();
        new CurrentThreadTaskExecutor().execute(BackgroundTask.of(monitor -> {
            throw new IllegalStateException("boom");
        }).onFailure(error::set));
        assertEquals("boom", error.get().getMessage());
    }

    @Test
    void onlyTheLatestRequestUpdatesTheView(FxRobot robot) throws Exception {
        // an executor that holds tasks until released, so requests overlap as they would while dragging
        List<Runnable> queued = new ArrayList<>();
        TaskExecutor held = new TaskExecutor() {
            @Override
            public <T> TaskHandle execute(BackgroundTask<T> task) {
                queued.add(() -> new CurrentThreadTaskExecutor().execute(task));
                return null;
            }

            @Override
            public <T> TaskHandle write(BackgroundTask<T> task) {
                return execute(task);
            }
        };
        LatestOnlyUpdater<String> updater = new LatestOnlyUpdater<>(held, Duration.ZERO);
        List<String> applied = new ArrayList<>();
        robot.interact(() -> {
            updater.request(() -> "first", applied::add);
            updater.request(() -> "second", applied::add);
            updater.request(() -> "third", applied::add);
            queued.forEach(Runnable::run);
        });
        assertEquals(List.of("third"), applied);
        assertEquals(3, updater.requests());
    }

    @Test
    void burstsWithinTheDelayAreMergedIntoOneComputation(FxRobot robot) throws Exception {
        List<String> computed = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        LatestOnlyUpdater<String> updater = new LatestOnlyUpdater<>(new CurrentThreadTaskExecutor(),
                Duration.millis(50));
        robot.interact(() -> {
            for (int i = 0; i < 20; i++) {
                String value = "v" + i;
                updater.request(() -> {
                    computed.add(value);
                    return value;
                }, v -> done.countDown());
            }
        });
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("v19"), computed);
    }
}
