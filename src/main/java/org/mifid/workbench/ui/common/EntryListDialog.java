package org.mifid.workbench.ui.common;

import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.mifid.workbench.core.PrintableText;
import org.mifid.workbench.imaging.EntryProblem;

/**
 * Every refused entry of a rejected archive, where the error's one line says "(and 599 more refused entries)":
 * read-only, selectable and copyable, each entry's name and reason escaped (an entry name is the competitor's).
 */
public final class EntryListDialog {
    private EntryListDialog() {
    }

    /** One line per entry, as shown and as copied. */
    public static String text(List<EntryProblem> problems) {
        return problems.stream().map(p -> PrintableText.of(p.toString())).collect(Collectors.joining("\n"));
    }

    public static Alert show(Window owner, String source, List<EntryProblem> problems) {
        TextArea list = new TextArea(text(problems));
        list.setId("entries-text");
        list.setEditable(false);
        list.setPrefColumnCount(90);
        list.setPrefRowCount(20);
        Button copy = new Button("Copy all");
        copy.setId("entries-copy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(list.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle("Refused entries");
        alert.setHeaderText(problems.size() + " refused entries of " + PrintableText.of(source));
        alert.getDialogPane().setId("entries-dialog");
        alert.getDialogPane().setContent(new VBox(8, list, copy));
        alert.setResizable(true);
        alert.show();
        return alert;
    }
}
