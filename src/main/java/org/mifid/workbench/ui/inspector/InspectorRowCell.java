package org.mifid.workbench.ui.inspector;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.control.ListCell;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;

/**
 * One line of the inspector: one image with its neighbours per column. Entries are made once per cell and
 * reused as the list scrolls or the column count changes.
 */
final class InspectorRowCell extends ListCell<InspectorRow> {
    private final InspectorPage page;
    private final int k;
    private final HBox content = new HBox(InspectorPage.COLUMN_GAP);
    private final List<InspectorEntry> entries = new ArrayList<>();
    private final List<Separator> separators = new ArrayList<>();

    InspectorRowCell(InspectorPage page, int k) {
        this.page = page;
        this.k = k;
        getStyleClass().add("inspector-row");
    }

    @Override
    protected void updateItem(InspectorRow row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            entries.forEach(InspectorEntry::clear);
            setGraphic(null);
            return;
        }
        while (entries.size() < row.items().size()) {
            entries.add(new InspectorEntry(page, k));
            separators.add(new Separator(Orientation.VERTICAL));
        }
        content.getChildren().clear();
        for (int i = 0; i < entries.size(); i++) {
            InspectorEntry entry = entries.get(i);
            if (i >= row.items().size()) {
                entry.clear();
                continue;
            }
            if (i > 0) {
                content.getChildren().add(separators.get(i));
            }
            int index = row.first() + i;
            entry.show(row.items().get(i), index, index == page.selectedItem());
            content.getChildren().add(entry);
        }
        setGraphic(content);
    }
}
