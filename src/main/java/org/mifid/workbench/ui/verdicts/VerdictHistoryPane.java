package org.mifid.workbench.ui.verdicts;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.layout.VBox;
import javafx.scene.layout.Priority;
import org.mifid.workbench.core.VerdictEntry;
import org.mifid.workbench.ui.common.WorkbenchModel;

/** The verdict history of the submission in focus, newest first, refreshed whenever a verdict is saved. */
public final class VerdictHistoryPane extends VBox {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final TableView<VerdictEntry> table = new TableView<>();
    private final Label title = new Label("Verdict history");
    private final VerdictRecorder recorder;
    private final WorkbenchModel model;

    public VerdictHistoryPane(WorkbenchModel model, VerdictRecorder recorder) {
        this.model = model;
        this.recorder = recorder;
        setId("verdict-history");
        setSpacing(4);
        setPadding(new javafx.geometry.Insets(6, 8, 6, 8));
        title.getStyleClass().add("title-4");
        table.setId("verdict-history-table");
        table.setPlaceholder(new Label("No verdicts yet"));
        table.getColumns().add(column("When", e -> TIME.format(e.decidedAt())));
        table.getColumns().add(column("Verdict", e -> e.verdict().label()));
        table.getColumns().add(column("Reviewer", VerdictEntry::reviewer));
        table.getColumns().add(column("Board", e -> e.leaderboard() == null ? "" : e.leaderboard().id()));
        table.getColumns().add(column("Threshold", e -> String.format("%.4f", e.threshold())));
        table.getColumns().add(column("Note", e -> e.note() == null ? "" : e.note()));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(title, table);
        model.focusedSubmissionProperty().addListener((obs, old, now) -> refresh());
        model.onVerdictsRecorded(latest -> {
            if (latest.containsKey(model.focusedSubmissionProperty().get())) {
                refresh();
            }
        });
    }

    public void refresh() {
        long id = model.focusedSubmissionProperty().get();
        recorder.history(id, entries -> {
            if (id == model.focusedSubmissionProperty().get()) {
                show(entries);
            }
        });
    }

    private void show(List<VerdictEntry> entries) {
        List<VerdictEntry> newestFirst = new java.util.ArrayList<>(entries);
        java.util.Collections.reverse(newestFirst);
        table.setItems(FXCollections.observableArrayList(newestFirst));
    }

    private static TableColumn<VerdictEntry, String> column(String name,
            java.util.function.Function<VerdictEntry, String> value) {
        TableColumn<VerdictEntry, String> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }
}
