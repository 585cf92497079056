package org.mifid.workbench.ui.inspector;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The filtered images laid out in lines of {@link #columns()} images each. The images stay one list (the compare
 * window, the filter and the counts walk it); only the lines are rebuilt, on a change of the images or of the
 * column count, which costs one sublist view per line even for 16,000 images.
 */
final class InspectorRows {
    private final ObservableList<InspectorItem> source;
    private final ObservableList<InspectorRow> rows = FXCollections.observableArrayList();
    private final IntegerProperty columns = new SimpleIntegerProperty(1);

    InspectorRows(ObservableList<InspectorItem> source) {
        this.source = source;
        source.addListener((ListChangeListener<InspectorItem>) c -> rebuild());
        columns.addListener((obs, old, now) -> rebuild());
        rebuild();
    }

    ObservableList<InspectorRow> rows() {
        return rows;
    }

    IntegerProperty columns() {
        return columns;
    }

    /** The line that holds the image at this index of the filtered list. */
    int rowOf(int index) {
        return index / columns.get();
    }

    private void rebuild() {
        int per = Math.max(1, columns.get());
        List<InspectorItem> items = List.copyOf(source);
        List<InspectorRow> lines = new ArrayList<>(items.size() / per + 1);
        for (int first = 0; first < items.size(); first += per) {
            lines.add(new InspectorRow(first, items.subList(first, Math.min(items.size(), first + per))));
        }
        rows.setAll(lines);
    }
}
