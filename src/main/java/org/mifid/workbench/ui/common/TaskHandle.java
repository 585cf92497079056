package org.mifid.workbench.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/** A running {@link BackgroundTask}: its progress (0..1, or -1 when unknown) and message, and a way to stop it. */
public interface TaskHandle {

    ReadOnlyDoubleProperty progressProperty();

    ReadOnlyStringProperty messageProperty();

    ReadOnlyBooleanProperty runningProperty();

    /** Asks the work to stop; it stops at its next {@code checkCancelled()}. */
    void cancel();
}
