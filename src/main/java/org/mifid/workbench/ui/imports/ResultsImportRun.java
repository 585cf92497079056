package org.mifid.workbench.ui.imports;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.mifid.workbench.core.PrintableText;
import org.mifid.workbench.importing.ImportReport;
import org.mifid.workbench.importing.ResultsImport;
import org.mifid.workbench.store.Workspace;
import org.mifid.workbench.ui.common.BackgroundTask;
import org.mifid.workbench.ui.common.ErrorDialogs;
import org.mifid.workbench.ui.common.TaskHandle;
import org.mifid.workbench.ui.common.WorkbenchModel;
import org.mifid.workbench.ui.common.WorkspaceHold;

/**
 * File > Import results…, second step: the command line's importer ({@link ResultsImport}) into the open
 * workspace on the writer, with a progress window and Cancel (nothing stored until the whole file is read), then
 * a summary of what was imported and which rows were refused and why, or the one-line error of a bad file.
 */
public final class ResultsImportRun {
    /** Skipped rows and score mismatches listed in the summary (each); the counts are always complete. */
    static final int LISTED = 1000;
    static final String ADVICE = "Nothing was imported. Fix the file at the line named above, or choose another"
            + " format or column map; ticking \"Import the good rows\" imports the others and lists the bad ones.";

    private ResultsImportRun() {
    }

    public static TaskHandle start(WorkbenchModel model, Window owner, Path file, ImportOptionsDialog.Choice choice) {
        Workspace workspace = model.workspace();
        String name = PrintableText.of(file.getFileName().toString());
        Label message = new Label("Reading " + name + "\u2026");
        message.setId("import-progress-message");
        ProgressBar bar = new ProgressBar(-1);
        bar.setPrefWidth(360);
        Button cancel = new Button("Cancel");
        cancel.setId("import-cancel");
        VBox box = new VBox(10, message, bar, cancel);
        box.setId("import-progress");
        box.setPadding(new Insets(14));
        Stage progress = new Stage();
        if (owner != null) {
            progress.initOwner(owner);
        }
        progress.setTitle("Importing " + name);
        progress.setScene(new Scene(box));
        // held until the import ends: opening another workspace meanwhile closes this one only afterwards
        WorkspaceHold hold = model.hold();
        TaskHandle handle = model.executor().write(BackgroundTask.of(monitor -> {
            try (hold) {
                return new ResultsImport(workspace).importFile(file, choice.mapping(), choice.skipBadRows(), monitor);
            }
        }).onSuccess(report -> {
            progress.close();
            if (model.workspace() == workspace) {
                model.reload();
            }
            model.statusProperty().set(headline(report, name));
            summary(owner, report, name);
        }).onCancelled(() -> {
            progress.close();
            model.statusProperty().set("Import of " + name + " cancelled; nothing was imported");
        }).onFailure(error -> {
            progress.close();
            model.statusProperty().set("Import of " + name + " failed: " + ErrorDialogs.summary(error));
            ErrorDialogs.show(owner, "Import failed", error, ADVICE);
        }));
        message.textProperty().bind(handle.messageProperty().map(m -> m.isBlank() ? "Reading " + name + "\u2026" : m));
        cancel.setOnAction(e -> {
            handle.cancel();
            cancel.setDisable(true);
        });
        if (handle.runningProperty().get()) {
            progress.show();
        }
        return handle;
    }

    private static String headline(ImportReport report, String name) {
        return "Imported " + report.imported() + " of " + report.rows() + " rows from " + name;
    }

    private static void summary(Window owner, ImportReport report, String name) {
        List<String> details = report.details(LISTED);
        TextArea list = new TextArea(String.join("\n", details));
        list.setId("import-details");
        list.setEditable(false);
        list.setPrefRowCount(Math.min(14, details.size() + 1));
        list.setPrefColumnCount(80);
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle("Import results");
        alert.setHeaderText(headline(report, name) + " (" + report.format() + " format)");
        alert.getDialogPane().setId("import-summary");
        alert.getDialogPane().setContent(list);
        alert.setResizable(true);
        alert.show();
    }
}
