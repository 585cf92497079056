package org.mifid.workbench.ui.common;

import java.util.concurrent.CancellationException;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.stage.Window;
import org.mifid.workbench.core.ErrorKind;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.features.ExtractorRegistry;
import org.mifid.workbench.store.DuplicateSubmissionException;

/** Error dialogs that say what went wrong in one line and what the organizer can do about it. */
public final class ErrorDialogs {
    private ErrorDialogs() {
    }

    /** The advice shown under the error; public so tests and the status bar use the same words. */
    public static String advice(Throwable error) {
        if (error instanceof DuplicateSubmissionException) {
            return "This archive is already scored in this workspace; open it from the leaderboard instead.";
        }
        ErrorKind kind = ErrorKind.of(error);
        if (kind != null) {
            return switch (kind) {
                case BAD_INPUT -> "Check the file named above: a submission must be a zip or folder of PNG/JPEG images"
                        + " with safe entry names. Fix or replace it, then run again.";
                case MISSING_WEIGHTS -> "This network's weights are not installed. Put the file where the message"
                        + " above says (models/README.md shows how to export it), or choose an installed extractor"
                        + " such as " + ExtractorRegistry.DEFAULT_ID + ". Nothing was saved.";
                case UNKNOWN_EXTRACTOR -> "No extractor has that name. Pick one from the Extractor list (the command"
                        + " `models` lists them with what is installed).";
                case STORAGE -> "The workspace file could not be read or written: close other programs using it, free"
                        + " disk space or check that the file and its folder are writable, then try again. What was"
                        + " saved before is intact.";
            };
        }
        Throwable root = rootCause(error);
        if (root instanceof UnsupportedOperationException) {
            return "This part of the workbench is not available in this build.";
        }
        if (root instanceof CancellationException) {
            return "The work was cancelled; nothing was saved.";
        }
        return "Nothing was saved. Details are in the log; try again, or report it with the log attached.";
    }

    public static String summary(Throwable error) {
        Throwable shown = error instanceof InvalidInputException ? error : rootCause(error);
        String message = shown.getMessage();
        return message == null || message.isBlank() ? shown.getClass().getSimpleName() : message;
    }

    public static Alert show(Window owner, String title, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(title);
        alert.setHeaderText(summary(error));
        Label advice = new Label(advice(error));
        advice.setWrapText(true);
        advice.setId("error-advice");
        alert.getDialogPane().setContent(advice);
        alert.show();
        return alert;
    }

    private static Throwable rootCause(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t && !(t instanceof InvalidInputException)) {
            t = t.getCause();
        }
        return t;
    }
}
