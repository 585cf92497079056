package org.mifid.workbench.ui.inspector;

import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.mifid.workbench.core.Submission;
import org.mifid.workbench.scoring.ImageLookup;
import org.mifid.workbench.store.ReferenceSet;
import org.mifid.workbench.store.LeaderboardRow;
import org.mifid.workbench.ui.common.PageKey;
import org.mifid.workbench.ui.common.WorkbenchModel;
import org.mifid.workbench.ui.verdicts.ReviewController;

/**
 * The inspector page: every image of the submission in focus beside its nearest training images, most suspicious
 * first, in a virtualized list (only visible rows exist as nodes; images decode lazily into a bounded cache).
 * A wide window shows as many images side by side as fit, read left to right, then down; the keyboard acts on
 * one selected image (Up/Down by line, Left/Right within it). Clicking an image compares it with a training image
 * at full size; verdict hotkeys judge this submission.
 */
public final class InspectorPage extends BorderPane {
    /** Neighbours shown per image; more are stored than fit on a row. */
    static final int SHOWN_NEIGHBOURS = 5;
    /** More than three images to a line would be too small to judge on any screen this runs on. */
    private static final int MAX_COLUMNS = 3;
    /** Space between the columns of a wide window, either side of their separator, in lines and headings alike. */
    static final int COLUMN_GAP = 8;
    static final PseudoClass SELECTED_ENTRY = PseudoClass.getPseudoClass("selected-entry");
    /** A generated image nearer its nearest training image than the submission's image-level copy threshold. */
    static final PseudoClass BELOW_COPY_THRESHOLD = PseudoClass.getPseudoClass("below-copy-threshold");

    private final WorkbenchModel model;
    private final InspectorModel inspector;
    private final ImageLookup images;
    private final ThumbnailLoader loader;
    private final CompareWindow compareWindow;
    private final InspectorRows rows;
    private final ListView<InspectorRow> list = new ListView<>();
    /** The image the keyboard acts on, and its index in the filtered list (kept with it: cells ask per line). */
    private InspectorItem selected;
    private int selectedItem = -1;
    private final Label heading = new Label("No submission");
    private final Label message = new Label();
    private final RangeFilterBar range;
    private final TextField minField;
    private final TextField maxField;
    private boolean active;
    private long loaded;

    public InspectorPage(WorkbenchModel model, InspectorModel inspector, ImageLookup images, ThumbnailLoader loader) {
        this.model = model;
        this.inspector = inspector;
        this.images = images;
        this.loader = loader;
        setId("inspector-page");
        list.setId("inspector-list");
        getStylesheets().add(InspectorPage.class.getResource("inspector.css").toExternalForm());
        rows = new InspectorRows(inspector.filtered());
        list.setItems(rows.rows());
        list.setCellFactory(l -> new InspectorRowCell(this, SHOWN_NEIGHBOURS));
        list.setFixedCellSize(InspectorEntry.THUMB + 34);
        list.widthProperty().addListener((obs, old, now) -> rows.columns().set(columnsFor(now.doubleValue())));
        rows.rows().addListener((javafx.collections.ListChangeListener<InspectorRow>) c -> keepSelection());
        list.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> followLine(now.intValue()));
        Label empty = RangeFilterBar.placeholder("Select a submission on the leaderboard to see its images");
        empty.setId("inspector-empty");
        list.setPlaceholder(empty);
        // an empty list says why: nothing chosen yet, or a range that every image falls outside
        inspector.filtered().addListener((javafx.collections.ListChangeListener<InspectorItem>) c -> empty.setText(
                inspector.items().isEmpty() ? "Select a submission on the leaderboard to see its images"
                        : "No image within the nearest-distance range (" + inspector.items().size()
                                + " hidden): widen it or press All images"));
        heading.setId("inspector-heading");
        heading.getStyleClass().add("title-4");
        message.setId("inspector-message");
        message.textProperty().bind(inspector.messageProperty());

        range = new RangeFilterBar(heading, "range", "Nearest distance", 110, "All images", this::applyRange,
                inspector::clearRange);
        minField = range.min;
        maxField = range.max;
        HBox foot = new HBox(message);
        foot.setPadding(new Insets(4, 8, 4, 8));
        setTop(new VBox(range, columnHeadings()));
        compareWindow = new CompareWindow(this, model.executor());
        list.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (PageKey.COMPARE_SELECTED.matches(e) && selectedItem >= 0) {
                compare(inspector.filtered().get(selectedItem), 0);
                e.consume();
            }
        });
        // a vertical list leaves Left/Right unbound: within a line of several images they move the selection
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            int by = PageKey.PREVIOUS_IN_LINE.matches(e) ? -1 : PageKey.NEXT_IN_LINE.matches(e) ? 1 : 0;
            if (by != 0 && rows.columns().get() > 1 && selectedItem >= 0) {
                selectItem(Math.max(0, Math.min(inspector.filtered().size() - 1, selectedItem + by)));
                e.consume();
            }
        });
        setCenter(list);
        setBottom(foot);

        inspector.subjectProperty().addListener((obs, old, now) -> updateHeading());
        model.onVerdictsRecorded(latest -> updateHeading());
        model.focusedSubmissionProperty().addListener(o -> loadIfActive());
        model.leaderboardProperty().addListener(o -> {
            loaded = 0;
            loadIfActive();
        });
    }

    /** Headings over each column's two parts, lined up with an entry's generated image and its neighbours. */
    private HBox columnHeadings() {
        HBox headings = new HBox(COLUMN_GAP);
        headings.getStyleClass().add("text-bold");
        headings.setPadding(new Insets(2, 8, 2, 8));
        headings.setMinWidth(0); // a narrow window truncates the headings instead of widening the page
        rows.columns().addListener((obs, old, now) -> fillHeadings(headings, now.intValue()));
        fillHeadings(headings, rows.columns().get());
        return headings;
    }

    private static void fillHeadings(HBox headings, int columns) {
        headings.getChildren().clear();
        for (int c = 0; c < columns; c++) {
            if (c > 0) {
                headings.getChildren().add(new Separator(Orientation.VERTICAL));
            }
            Label generated = new Label("Generated");
            generated.setMinWidth(InspectorEntry.THUMB + 10);
            Label neighbours = new Label("Nearest training images, nearest first (#rank, cosine distance)");
            if (c == 0) {
                generated.setId("inspector-col-generated");
                neighbours.setId("inspector-col-neighbours");
            }
            HBox column = new HBox(10, generated, new Separator(Orientation.VERTICAL), neighbours);
            column.setPrefWidth(InspectorEntry.width(SHOWN_NEIGHBOURS));
            column.setMaxWidth(InspectorEntry.width(SHOWN_NEIGHBOURS));
            headings.getChildren().add(column);
        }
    }

    /** Images per line: as many whole entries as the list's width holds, less its scroll bar. */
    private static int columnsFor(double width) {
        double column = InspectorEntry.width(SHOWN_NEIGHBOURS) + 2 * COLUMN_GAP + 2;
        return Math.max(1, Math.min(MAX_COLUMNS, (int) ((width - 24 + 2 * COLUMN_GAP + 2) / column)));
    }

    /** The keyboard moved the line selection: the selected image moves with it, in the same column. */
    private void followLine(int line) {
        if (line < 0 || line >= rows.rows().size() || rows.rows().get(line).holds(selectedItem)) {
            return;
        }
        InspectorRow row = rows.rows().get(line);
        int column = selectedItem < 0 ? 0 : selectedItem % rows.columns().get();
        selectItem(row.first() + Math.min(column, row.items().size() - 1));
    }

    /** The lines were rebuilt (new images, a filter, another width): the same image stays selected. */
    private void keepSelection() {
        selectedItem = selected == null ? -1 : inspector.filtered().indexOf(selected);
        if (selectedItem >= 0) {
            list.getSelectionModel().select(rows.rowOf(selectedItem));
        }
    }

    /** Selects one image: its line in the list, and the image within the line. */
    void selectItem(int index) {
        selectedItem = index;
        selected = inspector.filtered().get(index);
        list.getSelectionModel().select(rows.rowOf(index));
        list.refresh();
    }

    /** The index in {@link #shownItems()} of the image the keyboard acts on, -1 when none. */
    public int selectedItem() {
        return selectedItem;
    }

    /** The images shown, in order, after the distance filter. */
    public List<InspectorItem> shownItems() {
        return inspector.filtered();
    }

    /** Images side by side on each line at the page's current width. */
    public int columns() {
        return rows.columns().get();
    }

    /** Loads the focused submission when the page is shown, not on every selection change elsewhere. */
    public void setActive(boolean active) {
        this.active = active;
        loadIfActive();
    }

    private void loadIfActive() {
        long id = model.focusedSubmissionProperty().get();
        if (active && id > 0 && id != loaded) {
            loaded = id;
            inspector.load(id);
        }
    }

    private void applyRange() {
        try {
            double min = minField.getText().isBlank() ? 0 : Double.parseDouble(minField.getText().trim());
            double max = maxField.getText().isBlank() ? Double.POSITIVE_INFINITY
                    : Double.parseDouble(maxField.getText().trim());
            inspector.setRange(min, max);
            inspector.messageProperty().set(inspector.filtered().size() + " of " + inspector.items().size()
                    + " images with nearest distance in [" + min + ", " + max + "]");
        } catch (NumberFormatException e) {
            inspector.messageProperty().set("Distances are numbers such as 0.05");
        }
    }

    /**
     * The image-level threshold the inspected submission's copy share was counted at (network space), as scoring
     * stored it; NaN when it has none (imported figures, scores made before the measures were stored).
     */
    double copyThreshold() {
        InspectorModel.Subject subject = inspector.subjectProperty().get();
        if (subject == null) {
            return Double.NaN;
        }
        org.mifid.workbench.core.MeasureValues measures = model.measures(subject.leaderboard(),
                subject.submission().id());
        Double threshold = measures == null ? null : measures.threshold(org.mifid.workbench.core.Measure.COPY_SHARE);
        return threshold == null ? Double.NaN : threshold;
    }

    private void updateHeading() {
        InspectorModel.Subject subject = inspector.subjectProperty().get();
        if (subject == null) {
            heading.setText("No submission");
            return;
        }
        String verdict = targetRow().map(r -> r.currentVerdict().label()).orElse("none");
        heading.setText(subject.submission().team() + " \u2014 " + subject.submission().fileName()
                + " (" + subject.leaderboard().id() + ", verdict: " + verdict + ")");
    }

    private java.util.Optional<LeaderboardRow> targetRow() {
        InspectorModel.Subject subject = inspector.subjectProperty().get();
        if (subject == null) {
            return java.util.Optional.empty();
        }
        long id = subject.submission().id();
        return model.rows(model.leaderboard()).stream().filter(r -> r.submission().id() == id).findFirst();
    }

    /** Hotkeys on this page judge the inspected submission. */
    public ReviewController.Targets targets() {
        return targetRow().map(row -> ReviewController.Targets.of(java.util.List.of(row), "inspected"))
                .orElse(ReviewController.Targets.NONE);
    }

    String generatedKey(String name) {
        InspectorModel.Subject s = inspector.subjectProperty().get();
        return "g:" + (s == null ? 0 : s.submission().id()) + ":" + name;
    }

    String referenceKey(String name) {
        InspectorModel.Subject s = inspector.subjectProperty().get();
        return "r:" + (s == null || s.referenceSet() == null ? 0 : s.referenceSet().id()) + ":" + name;
    }

    /**
     * Where a generated image's bytes come from, fixed now, on the FX thread: by the time a worker reads them the
     * inspector may show another submission whose images have the same names.
     */
    ThumbnailLoader.Bytes generatedSource(String name) {
        Submission submission = inspector.subjectProperty().get().submission();
        return () -> images.submissionImage(submission, name);
    }

    /** Where a training image's bytes come from, fixed now, on the FX thread. */
    ThumbnailLoader.Bytes referenceSource(String name) {
        ReferenceSet set = inspector.subjectProperty().get().referenceSet();
        return () -> {
            if (set == null) {
                throw new IllegalStateException("the reference set of these neighbours is not in the workspace");
            }
            return images.referenceImage(set, name);
        };
    }

    InspectorModel inspector() {
        return inspector;
    }

    ThumbnailLoader loader() {
        return loader;
    }

    /** Opens (or moves) the compare window to this image and its neighbour of this rank. */
    void compare(InspectorItem item, int rank) {
        compareWindow.show(inspector.filtered().indexOf(item), rank);
    }

    /** The compare window walked to another image: the list shows it selected. */
    void select(int index) {
        selectItem(index);
        list.scrollTo(rows.rowOf(index));
    }

}
