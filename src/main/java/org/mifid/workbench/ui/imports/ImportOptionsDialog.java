package org.mifid.workbench.ui.imports;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.mifid.workbench.core.PrintableText;
import org.mifid.workbench.importing.ColumnMapping;

/**
 * File > Import results…, first step: the format, the column map of a generic file and whether malformed rows are
 * skipped, as {@code import-results} takes them ({@code --format}, {@code --map}, {@code --skip-bad-rows}). A map
 * the importer refuses is shown in the dialog, which stays open.
 */
public final class ImportOptionsDialog {
    /** What to import with: the mapping the importer will use and whether bad rows are skipped. */
    public record Choice(ColumnMapping mapping, boolean skipBadRows) {
    }

    private static final ButtonType IMPORT = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);

    private ImportOptionsDialog() {
    }

    public static Optional<Choice> ask(Window owner, Path file) {
        ComboBox<String> format = new ComboBox<>();
        format.setId("import-format");
        format.getItems().setAll(ColumnMapping.FORMATS);
        format.setValue(ColumnMapping.FORMATS.get(0));
        TextField map = new TextField();
        map.setId("import-map");
        map.setPromptText("column=field, \u2026 e.g. name=team, fid=fid_public, dist=distance_public");
        map.setPrefColumnCount(36);
        map.disableProperty().bind(format.valueProperty().isNotEqualTo("generic"));
        CheckBox skip = new CheckBox("Import the good rows of a file with malformed ones (listed afterwards)");
        skip.setId("import-skip");
        Label problem = new Label();
        problem.setId("import-problem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Format"), format);
        form.addRow(1, new Label("Column map"), map);
        form.add(skip, 1, 2);
        form.add(problem, 0, 3, 2, 1);

        Dialog<Choice> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("Import results");
        dialog.setHeaderText("Import " + PrintableText.of(file.getFileName().toString())
                + " into the open workspace");
        dialog.getDialogPane().setId("import-options");
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().addAll(IMPORT, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(IMPORT).setId("import-start");
        Choice[] chosen = new Choice[1];
        dialog.getDialogPane().lookupButton(IMPORT).addEventFilter(ActionEvent.ACTION, e -> {
            try {
                chosen[0] = new Choice(ColumnMapping.of(format.getValue(), columnMap(map.getText())),
                        skip.isSelected());
            } catch (IllegalArgumentException refused) {
                problem.setText(PrintableText.of(refused.getMessage()));
                e.consume();
            }
        });
        dialog.setResultConverter(button -> button == IMPORT ? chosen[0] : null);
        return dialog.showAndWait();
    }

    /** "a=team, b=fid_public": the pairs --map takes, separated by commas or line breaks. */
    static Map<String, String> columnMap(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : text.split("[,\\n]")) {
            if (pair.isBlank()) {
                continue;
            }
            int at = pair.indexOf('=');
            if (at <= 0 || at == pair.length() - 1) {
                throw new IllegalArgumentException("'" + pair.strip() + "' is not column=field");
            }
            map.put(pair.substring(0, at).strip(), pair.substring(at + 1).strip());
        }
        return map;
    }
}
