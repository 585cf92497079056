package org.mifid.workbench.ui.common;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.mifid.workbench.core.ProgressMonitor;

/**
 * The handle both executors hand out. Progress reported from the worker is published to the properties
 * through {@code publisher} (Platform.runLater in the app, direct in tests), coalesced so a monitor called
 * thousands of times a second does not flood the FX queue.
 */
final class SimpleTaskHandle implements TaskHandle, ProgressMonitor {
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(true);
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean publishPending = new AtomicBoolean();
    private final java.util.function.Consumer<Runnable> publisher;
    private volatile double latestProgress = -1;
    private volatile String latestMessage = "";

    SimpleTaskHandle(java.util.function.Consumer<Runnable> publisher) {
        this.publisher = publisher;
    }

    @Override
    public void update(long done, long total, String text) {
        latestProgress = total <= 0 ? -1 : Math.min(1.0, (double) done / total);
        latestMessage = text == null ? "" : text;
        if (publishPending.compareAndSet(false, true)) {
            publisher.accept(() -> {
                publishPending.set(false);
                progress.set(latestProgress);
                message.set(latestMessage);
            });
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }

    @Override
    public void cancel() {
        cancelled.set(true);
    }

    void finished() {
        running.set(false);
    }

    @Override
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
