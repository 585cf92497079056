package org.mifid.workbench.ui.leaderboard;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.Measure;
import org.mifid.workbench.core.MeasureValues;
import org.mifid.workbench.store.LeaderboardRow;
import org.mifid.workbench.core.Verdict;
import org.mifid.workbench.kind.ScoreColumn;
import org.mifid.workbench.ui.common.PageKey;
import org.mifid.workbench.ui.common.WorkbenchModel;
import org.mifid.workbench.ui.verdicts.ReviewController;
import org.mifid.workbench.ui.verdicts.VerdictHistoryPane;

/**
 * The leaderboard page: public or private at the live threshold, sortable, filtered by verdict, label and team,
 * with the selected submission's verdict history below. Hotkeys judge the selected rows.
 */
public final class LeaderboardPage extends BorderPane {
    /** Where the score columns go: after rank, change, team, id and file; in the beside table after rank, team. */
    private static final int SCORE_COLUMNS_AT = 5;
    private static final int BESIDE_SCORE_COLUMNS_AT = 2;
    private final WorkbenchModel model;
    private final LeaderboardModel leaderboard;
    private final TableView<RankedEntry> table = new TableView<>();
    private final Label count = new Label();
    private final Label threshold = new Label();
    private final Label emptyState = new Label();
    private final TableView<RankedEntry> beside = new TableView<>();
    /** Both tables' rows have this height, so a team's two lines stay level side by side. */
    private static final double ROW_HEIGHT = 30;
    private final Label tableCaption = caption("table-caption");
    private final Label besideCaption = caption("beside-caption");
    private final VBox tablePane = pane(tableCaption, table);
    private final VBox besidePane = pane(besideCaption, beside);
    private final SplitPane tables = new SplitPane(tablePane);
    private final ToggleButton sideBySide = new ToggleButton("Side by side");
    private final TextField search = new TextField();
    private boolean restoring;
    private Set<Long> selectedIds = Set.of();
    /** Where the single selected row stood: when a verdict takes it out of the filter, the next one follows. */
    private int selectedIndex = -1;
    private Runnable openInInspector = () -> { };

    public LeaderboardPage(WorkbenchModel model, LeaderboardModel leaderboard, LeaderboardModel besideModel,
                           ReviewController review, VerdictHistoryPane history) {
        this.model = model;
        this.leaderboard = leaderboard;
        setId("leaderboard-page");
        getStylesheets().add(LeaderboardPage.class.getResource("leaderboard.css").toExternalForm());

        buildTable();
        SortedList<RankedEntry> sorted = new SortedList<>(leaderboard.filtered());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);

        buildBeside(besideModel);
        SplitPane split = new SplitPane(tables, history);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.75);
        setTop(toolbar(review));
        setCenter(split);

        // keep the selection across re-ranks: the list is replaced, the selected submissions stay selected
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RankedEntry>) change -> {
            if (restoring || leaderboard.replacingProperty().get()) {
                return;
            }
            Set<Long> ids = new HashSet<>();
            table.getSelectionModel().getSelectedItems().forEach(e -> ids.add(e.submissionId()));
            selectedIds = ids;
            selectedIndex = ids.size() == 1 ? table.getSelectionModel().getSelectedIndex() : -1;
        });
        // Enter or a double click opens the selected submission in the inspector
        table.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (PageKey.OPEN_IN_INSPECTOR.matches(e) && table.getSelectionModel().getSelectedItem() != null) {
                openInInspector.run();
                e.consume();
            }
        });
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && table.getSelectionModel().getSelectedItem() != null) {
                openInInspector.run();
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, focused) -> {
            if (focused != null) {
                model.focusedSubmissionProperty().set(focused.submissionId());
            }
        });
        leaderboard.replacingProperty().addListener((obs, was, now) -> {
            if (!now) {
                restoreSelection();
            }
        });
        leaderboard.filtered().addListener((ListChangeListener<RankedEntry>) change -> updateCount());
        updateCount();
        model.liveThresholdProperty().addListener(o -> updateThreshold());
        model.appliedThresholdProperty().addListener(o -> updateThreshold());
        model.leaderboardProperty().addListener(o -> updateThreshold());
        leaderboard.baselineProperty().addListener(o -> updateThreshold());
        updateThreshold();
    }

    private HBox toolbar(ReviewController review) {
        ToggleGroup boards = new ToggleGroup();
        HBox boardButtons = new HBox();
        boardButtons.getStyleClass().add("segmented");
        for (LeaderboardPreset preset : LeaderboardPreset.values()) {
            ToggleButton button = new ToggleButton(capitalize(preset.id()));
            button.setId("board-" + preset.id());
            button.setToggleGroup(boards);
            button.setUserData(preset);
            button.setSelected(preset == model.leaderboard());
            button.getStyleClass().add(preset == LeaderboardPreset.PUBLIC ? "left-pill" : "right-pill");
            boardButtons.getChildren().add(button);
        }
        boards.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                model.leaderboardProperty().set((LeaderboardPreset) now.getUserData());
            }
        });
        model.leaderboardProperty().addListener((obs, old, now) -> boards.getToggles().forEach(
                t -> t.setSelected(t.getUserData() == now)));

        ComboBox<LeaderboardModel.VerdictFilter> verdicts = new ComboBox<>();
        verdicts.setId("verdict-filter");
        verdicts.getItems().setAll(LeaderboardModel.VerdictFilter.values());
        verdicts.valueProperty().bindBidirectional(leaderboard.verdictFilterProperty());
        ComboBox<LeaderboardModel.LabelFilter> labels = new ComboBox<>();
        labels.setId("label-filter");
        labels.getItems().setAll(LeaderboardModel.LabelFilter.values());
        labels.valueProperty().bindBidirectional(leaderboard.labelFilterProperty());
        search.setId("team-search");
        search.setPromptText("Search team, submission id or file");
        search.textProperty().bindBidirectional(leaderboard.searchProperty());

        MenuButton bulk = new MenuButton("Mark");
        bulk.setId("bulk-menu");
        for (Verdict verdict : List.of(Verdict.LEGIT, Verdict.CHEATER, Verdict.NEEDS_REVIEW, Verdict.NONE)) {
            MenuItem item = new MenuItem();
            item.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                    () -> "Selected (" + table.getSelectionModel().getSelectedItems().size() + ") as "
                            + verdict.label(), table.getSelectionModel().getSelectedItems()));
            item.setOnAction(e -> {
                List<LeaderboardRow> rows = selectedRows();
                review.recorder().mark(rows, verdict, rows.size() + " selected submissions");
            });
            bulk.getItems().add(item);
        }
        bulk.getItems().add(new SeparatorMenuItem());
        for (Verdict verdict : List.of(Verdict.LEGIT, Verdict.CHEATER, Verdict.NEEDS_REVIEW)) {
            MenuItem item = new MenuItem();
            item.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                    () -> "All " + leaderboard.filtered().size() + " in the current filter as " + verdict.label(),
                    leaderboard.filtered()));
            item.setOnAction(e -> markFiltered(review, verdict));
            bulk.getItems().add(item);
        }

        sideBySide.setId("side-by-side");
        sideBySide.selectedProperty().addListener((obs, old, on) -> {
            tableCaption.setVisible(on);
            tableCaption.setManaged(on);
            if (on) {
                tables.getItems().add(besidePane);
                tables.setDividerPositions(0.62);
                followFocus();
            } else {
                tables.getItems().remove(besidePane);
            }
        });
        count.setId("leaderboard-count");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        threshold.setId("leaderboard-threshold");
        // the buttons keep their words; the threshold (or baseline) sentence gives way, with "..." and a tooltip
        boardButtons.getChildren().forEach(b -> ((Region) b).setMinWidth(Region.USE_PREF_SIZE));
        for (Region control : new Region[] {sideBySide, bulk, count}) {
            control.setMinWidth(Region.USE_PREF_SIZE);
        }
        threshold.setMinWidth(0);
        threshold.tooltipProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> threshold.getText() == null || threshold.getText().isEmpty() ? null
                        : new javafx.scene.control.Tooltip(threshold.getText()), threshold.textProperty()));
        HBox bar = new HBox(8, boardButtons, sideBySide, verdicts, labels, search, bulk, grow, threshold, count);
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return bar;
    }

    /** View > Find: the search box, its text selected so that typing replaces it. */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private void markFiltered(ReviewController review, Verdict verdict) {
        List<LeaderboardRow> rows = leaderboard.filtered().stream().map(RankedEntry::row).toList();
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "Mark all " + rows.size() + " submissions in the current filter as " + verdict.label()
                        + "? Undo (Ctrl+Z) restores their previous verdicts.", ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(getScene().getWindow());
        confirm.setHeaderText("Bulk verdict: " + rows.size() + " submissions");
        confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok ->
                review.recorder().mark(rows, verdict, "all " + rows.size() + " filtered"));
    }

    private void buildTable() {
        table.setId("leaderboard-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        emptyState.setId("leaderboard-empty");
        emptyState.setWrapText(true);
        table.setPlaceholder(emptyState);
        table.setFixedCellSize(ROW_HEIGHT);
        tableCaption.setVisible(false);
        tableCaption.setManaged(false);
        TableColumn<RankedEntry, Integer> rank = column("Rank", RankedEntry::rank, 70);
        rank.setId("col-rank");
        TableColumn<RankedEntry, Integer> change = column("\u0394 vs other", RankedEntry::rankChange, 100);
        change.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Integer value, boolean empty) {
                super.updateItem(value, empty);
                getStyleClass().removeAll("rank-up", "rank-down");
                if (empty || value == null) {
                    setText(null);
                    return;
                }
                setText(value > 0 ? "\u25B2" + value : value < 0 ? "\u25BC" + (-value) : "=");
                getStyleClass().add(value > 0 ? "rank-up" : value < 0 ? "rank-down" : "rank-same");
            }
        });
        change.setComparator(java.util.Comparator.nullsLast(Integer::compare));
        TableColumn<RankedEntry, String> team = column("Team", RankedEntry::team, 200);
        team.setId("col-team");
        TableColumn<RankedEntry, String> id = column("Submission id", LeaderboardPage::submissionId, 120);
        id.setId("col-submission-id");
        TableColumn<RankedEntry, String> file = column("File", e -> e.row().submission().fileName(), 160);
        file.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty ? null : value);
                RankedEntry entry = empty || getTableRow() == null ? null : getTableRow().getItem();
                String path = entry == null ? null : entry.row().submission().path();
                setTooltip(path == null ? null : new Tooltip(path));
            }
        });
        TableColumn<RankedEntry, Verdict> verdict = column("Verdict", RankedEntry::verdict, 120);
        verdict.setId("col-verdict");
        verdict.setCellFactory(c -> new VerdictBadgeCell());
        TableColumn<RankedEntry, String> label = column("Label",
                e -> e.row().submission().label() == null ? "" : e.row().submission().label(), 90);
        table.getColumns().addAll(List.of(rank, change, team, id, file, verdict, label));
        table.getSortOrder().add(rank);
        showScoreColumns(table, SCORE_COLUMNS_AT, true);
        model.kindProperty().addListener(o -> showScoreColumns(table, SCORE_COLUMNS_AT, true));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    /**
     * The other leaderboard beside this one, at its threshold in force, unfiltered; it follows the submission in
     * focus so the two ranks of a team can be read on one line.
     */
    private void buildBeside(LeaderboardModel besideModel) {
        beside.setId("beside-table");
        beside.setItems(besideModel.entries());
        Label nothing = new Label("Nothing scored on the other leaderboard");
        nothing.setWrapText(true);
        beside.setPlaceholder(nothing);
        beside.setFixedCellSize(ROW_HEIGHT);
        // never narrower than "Private rank" in the header with its sort mark
        TableColumn<RankedEntry, Integer> rank = column("Rank", RankedEntry::rank, 120);
        rank.setMinWidth(120);
        TableColumn<RankedEntry, String> team = column("Team", RankedEntry::team, 170);
        TableColumn<RankedEntry, Verdict> verdict = column("Verdict", RankedEntry::verdict, 110);
        verdict.setCellFactory(c -> new VerdictBadgeCell());
        beside.getColumns().addAll(List.of(rank, team, verdict));
        showScoreColumns(beside, BESIDE_SCORE_COLUMNS_AT, false);
        model.kindProperty().addListener(o -> showScoreColumns(beside, BESIDE_SCORE_COLUMNS_AT, false));
        beside.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        beside.setFocusTraversable(false);
        model.focusedSubmissionProperty().addListener(o -> followFocus());
        besideModel.replacingProperty().addListener((obs, was, now) -> {
            if (!now) {
                followFocus();
            }
        });
        model.leaderboardProperty().addListener(o -> updateBesideTitle());
        updateBesideTitle();
    }

    /**
     * Puts the score columns of the open competition's kind into a table at {@code at}, replacing the previous
     * kind's: MiFID's (FID, distance, MiFID at the live threshold, penalised) or the kind's own columns, read from
     * the figures {@link org.mifid.workbench.review.KindBoard} ranked by. The beside table shows only the score.
     */
    private void showScoreColumns(TableView<RankedEntry> target, int at, boolean all) {
        List<TableColumn<RankedEntry, ?>> columns = new java.util.ArrayList<>();
        if (model.tunesThreshold()) {
            if (all) {
                columns.add(number("FID", e -> e.row().score() == null ? null : e.row().score().fid(), "%.2f"));
                columns.add(number("Distance",
                        e -> e.row().score() == null ? null : e.row().score().distance(), "%.4f"));
            }
            columns.add(number("MiFID", RankedEntry::mifid, "%.2f"));
            columns.add(column("Penalised", LeaderboardPage::flags, all ? 130 : 110));
            if (all) {
                columns.add(measureColumn(Measure.COPY_SHARE, "Copy share"));
                columns.add(measureColumn(Measure.PIXEL_COPY_SHARE, "Pixel copy share"));
            }
        } else {
            List<ScoreColumn> kindColumns = model.kindProperty().get().columns();
            for (ScoreColumn c : all ? kindColumns : kindColumns.subList(0, 1)) {
                TableColumn<RankedEntry, Double> column = number(c.header(), // a line ranked before the kind changed has no figures: blank until the re-rank replaces it
                        e -> e.figures() == null ? Double.NaN : e.figures().figure(c.figure()),
                        c::format);
                column.setId("col-" + c.figure());
                columns.add(column);
            }
            columns.add(column("Disqualified", e -> e.disqualified() ? "disqualified" : "", all ? 130 : 110));
        }
        target.getColumns().remove(at, target.getColumns().size() - (target == table ? 2 : 1));
        target.getColumns().addAll(at, columns);
        if (target == beside) {
            // the narrow table scrolls sideways rather than cutting its headings to "..."
            target.getColumns().forEach(c -> c.setMinWidth(c.getPrefWidth()));
        }
        updateThreshold();
    }

    private void updateBesideTitle() {
        LeaderboardPreset shown = model.leaderboard();
        LeaderboardPreset other = shown == LeaderboardPreset.PUBLIC ? LeaderboardPreset.PRIVATE : LeaderboardPreset.PUBLIC;
        beside.getColumns().get(0).setText(capitalize(other.id()) + " rank");
        tableCaption.setText(capitalize(shown.id()) + " leaderboard, filtered and searched as above");
        besideCaption.setText(capitalize(other.id()) + " leaderboard, every submission; follows the selected one");
    }

    private static Label caption(String id) {
        Label caption = new Label();
        caption.setId(id);
        caption.getStyleClass().add("text-bold");
        caption.setPadding(new Insets(4, 6, 4, 6));
        caption.setMinHeight(Region.USE_PREF_SIZE);
        return caption;
    }

    private static VBox pane(Label caption, TableView<RankedEntry> table) {
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(caption, table);
    }

    private void followFocus() {
        if (!sideBySide.isSelected()) {
            return;
        }
        long id = model.focusedSubmissionProperty().get();
        List<RankedEntry> items = beside.getItems();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).submissionId() == id) {
                beside.getSelectionModel().clearAndSelect(i);
                beside.scrollTo(Math.max(0, i - 3));
                return;
            }
        }
        beside.getSelectionModel().clearSelection();
    }

    private void restoreSelection() {
        if (selectedIds.isEmpty()) {
            return;
        }
        restoring = true;
        try {
            table.getSelectionModel().clearSelection();
            List<RankedEntry> items = table.getItems();
            for (int i = 0; i < items.size(); i++) {
                if (selectedIds.contains(items.get(i).submissionId())) {
                    table.getSelectionModel().select(i);
                }
            }
            if (table.getSelectionModel().isEmpty() && selectedIndex >= 0 && !items.isEmpty()) {
                // the one selected submission left the filter (a verdict in a review queue): the next one follows
                int next = Math.min(selectedIndex, items.size() - 1);
                table.getSelectionModel().select(next);
                table.scrollTo(Math.max(0, next - 3));
                selectedIds = Set.of(items.get(next).submissionId());
            }
        } finally {
            restoring = false;
        }
    }

    private void updateCount() {
        count.setText(leaderboard.filtered().size() + " of " + leaderboard.entries().size() + " submissions");
        emptyState.setText(leaderboard.entries().isEmpty()
                ? "No submissions on this leaderboard: score one on the Scoring page, import results or open"
                        + " a workspace"
                : "No submission matches the filters and search (" + leaderboard.entries().size() + " hidden)");
    }

    /** The threshold in force, or, while the histogram's line is elsewhere, that the ranking is a preview. */
    private void updateThreshold() {
        if (!model.tunesThreshold()) {
            String baseline = leaderboard.baselineProperty().get();
            threshold.setText("Ranked by " + model.kindProperty().get().columns().get(0).header().toLowerCase(
                    java.util.Locale.ROOT) + (model.kindProperty().get().higherIsBetter() ? ", higher first"
                    : ", lower first") + (baseline.isEmpty() ? "" : "; " + baseline));
            threshold.getStyleClass().remove("warning");
            return;
        }
        double live = model.liveThresholdProperty().get();
        double applied = model.appliedThresholdProperty().get();
        boolean preview = Math.abs(live - applied) > 1e-12;
        threshold.setText(preview
                ? String.format("Preview at %.4f (not applied; %.4f in force)", live, applied)
                : String.format("Threshold %.4f in force", applied));
        threshold.getStyleClass().remove("warning");
        if (preview) {
            threshold.getStyleClass().add("warning");
        }
    }

    /** What Enter (or a double click) on a row does: the workbench opens the submission in the inspector. */
    public void setOnOpen(Runnable action) {
        openInInspector = action;
    }

    /** The rows the review hotkeys act on: the selection. */
    public ReviewController.Targets targets() {
        return ReviewController.Targets.of(selectedRows(), "selected");
    }

    private List<LeaderboardRow> selectedRows() {
        return table.getSelectionModel().getSelectedItems().stream().map(RankedEntry::row).toList();
    }

    public void setSideBySide(boolean on) {
        sideBySide.setSelected(on);
    }

    public TableView<RankedEntry> table() {
        return table;
    }

    /** The competition's id of a submission, or the workspace's own ("#12") when it has none. */
    private static String submissionId(RankedEntry e) {
        String external = e.row().submission().externalId();
        return external != null && !external.isBlank() ? external : "#" + e.submissionId();
    }

    /** Penalised by the threshold, and disqualified by a cheater verdict (score 999999, ranked last). */
    private static String flags(RankedEntry e) {
        return e.disqualified() ? (e.penalised() ? "yes, disqualified" : "disqualified") : e.penalised() ? "yes" : "";
    }

    /**
     * A copying measure of the board in view, as scoring stored it (blank for imported figures); the exports and
     * analyze carry the other measures.
     */
    private TableColumn<RankedEntry, Double> measureColumn(Measure measure, String header) {
        TableColumn<RankedEntry, Double> column = number(header, e -> {
            MeasureValues values = model.measures(model.leaderboard(), e.submissionId());
            return values == null ? null : values.value(measure);
        }, "%.3f");
        column.setId("col-" + measure.id().replace('_', '-'));
        return column;
    }

    private static <T> TableColumn<RankedEntry, T> column(String name, Function<RankedEntry, T> value, double width) {
        TableColumn<RankedEntry, T> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private static TableColumn<RankedEntry, Double> number(String name, Function<RankedEntry, Double> value,
                                                           String format) {
        return number(name, value, v -> String.format(format, v));
    }

    private static TableColumn<RankedEntry, Double> number(String name, Function<RankedEntry, Double> value,
                                                           java.util.function.DoubleFunction<String> format) {
        TableColumn<RankedEntry, Double> column = column(name, value, 100);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : format.apply(v));
            }
        });
        column.getStyleClass().add("number-column");
        // a figure cut to "0.96..." is unreadable: the table scrolls sideways before a number column shrinks that far
        column.setMinWidth(84);
        return column;
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
