package org.mifid.workbench.ui.imports;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.mifid.workbench.core.PrintableText;
import org.mifid.workbench.importing.ColumnMapping;

/**
 * File > Import results…, first step: the format, the column map of a generic file and whether malformed rows are
 * skipped, as {@code import-results} takes them ({@code --format}, {@code --map}, {@code --skip-bad-rows}), and
 * whether the rows go into the open workspace or a new one (as {@code --db} names a file it creates). A map the
 * importer refuses, or a "new" workspace that exists already, is shown in the dialog, which stays open.
 */
public final class ImportOptionsDialog {
    /**
     * What to import with: the mapping the importer will use, whether bad rows are skipped, and the new workspace
     * to create and import into (null: the open one).
     */
    public record Choice(ColumnMapping mapping, boolean skipBadRows, Path newWorkspace) {
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
        TextField target = new TextField();
        target.setId("import-target");
        target.setPromptText("the open workspace; or a new .db file to create");
        Button choose = new Button("New workspace\u2026");
        choose.setId("import-target-choose");
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Workspaces", "*.db"));
            File picked = chooser.showSaveDialog(choose.getScene().getWindow());
            if (picked != null) {
                target.setText(picked.getPath());
            }
        });
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
        form.addRow(3, new Label("Into"), new HBox(6, target, choose));
        form.add(problem, 0, 4, 2, 1);

        Dialog<Choice> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("Import results");
        dialog.setHeaderText("Import " + PrintableText.of(file.getFileName().toString())
                + " into the open workspace or a new one");
        dialog.getDialogPane().setId("import-options");
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().addAll(IMPORT, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(IMPORT).setId("import-start");
        Choice[] chosen = new Choice[1];
        dialog.getDialogPane().lookupButton(IMPORT).addEventFilter(ActionEvent.ACTION, e -> {
            try {
                chosen[0] = new Choice(ColumnMapping.of(format.getValue(), columnMap(map.getText())),
                        skip.isSelected(), newWorkspace(target.getText()));
            } catch (IllegalArgumentException refused) {
                problem.setText(PrintableText.of(refused.getMessage()));
                e.consume();
            }
        });
        dialog.setResultConverter(button -> button == IMPORT ? chosen[0] : null);
        return dialog.showAndWait();
    }

    /**
     * The workspace file to create, or null for the open one. An existing file is refused: importing into it is
     * opening it first, and a new workspace that silently merged into an old one would mix two competitions.
     */
    static Path newWorkspace(String text) {
        if (text.isBlank()) {
            return null;
        }
        Path path = Path.of(text.strip());
        if (!path.getFileName().toString().contains(".")) {
            path = path.resolveSibling(path.getFileName() + ".db");
        }
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException(path + " already exists: open it (File > Open) and import into it, or"
                    + " name a new file");
        }
        return path.toAbsolutePath();
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
