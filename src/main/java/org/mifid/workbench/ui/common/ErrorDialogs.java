package org.mifid.workbench.ui.common;

import java.util.Optional;
import java.util.concurrent.CancellationException;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.mifid.workbench.core.ErrorKind;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.features.ExtractorRegistry;
import org.mifid.workbench.imaging.ImageSetRejectedException;
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
        return show(owner, title, error, advice(error));
    }

    /** The error in one line, with advice that the caller knows better than the error's kind (an import's). */
    public static Alert show(Window owner, String title, Throwable error, String advice) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(title);
        alert.setHeaderText(summary(error));
        Label shown = new Label(advice);
        shown.setWrapText(true);
        shown.setId("error-advice");
        alert.getDialogPane().setContent(shown);
        rejection(error).filter(r -> r.problems().size() > 1).ifPresent(rejected -> {
            // the header names the first entry and a count; the whole list is one click away
            Button all = new Button("Show all " + rejected.problems().size() + " refused entries\u2026");
            all.setId("error-entries");
            all.setOnAction(e -> EntryListDialog.show(alert.getDialogPane().getScene().getWindow(), rejected.source(),
                    rejected.problems()));
            alert.getDialogPane().setContent(new VBox(8, shown, all));
        });
        alert.show();
        return alert;
    }

    private static Optional<ImageSetRejectedException> rejection(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ImageSetRejectedException rejected) {
                return Optional.of(rejected);
            }
        }
        return Optional.empty();
    }

    private static Throwable rootCause(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t && !(t instanceof InvalidInputException)) {
            t = t.getCause();
        }
        return t;
    }
}
