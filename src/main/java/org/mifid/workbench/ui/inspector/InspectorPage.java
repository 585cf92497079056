package org.mifid.workbench.ui.inspector;

import java.io.ByteArrayInputStream;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.mifid.workbench.core.Submission;
import org.mifid.workbench.scoring.ImageLookup;
import org.mifid.workbench.store.ReferenceSet;
import org.mifid.workbench.store.LeaderboardRow;
import org.mifid.workbench.ui.common.BackgroundTask;
import org.mifid.workbench.ui.common.ErrorDialogs;
import org.mifid.workbench.ui.common.PageKey;
import org.mifid.workbench.ui.common.WorkbenchModel;
import org.mifid.workbench.ui.verdicts.ReviewController;

/**
 * The inspector page: every image of the submission in focus beside its nearest training images, most suspicious
 * first, in a virtualized list (only visible rows exist as nodes; images decode lazily into a bounded cache).
 * Clicking an image compares it with a training image at full size; verdict hotkeys judge this submission.
 */
public final class InspectorPage extends BorderPane {
    /** Neighbours shown per image; more are stored than fit on a row. */
    static final int SHOWN_NEIGHBOURS = 5;
    private static final int COMPARE_SIZE = 320;

    private final WorkbenchModel model;
    private final InspectorModel inspector;
    private final ImageLookup images;
    private final ThumbnailLoader loader;
    private final ListView<InspectorItem> list = new ListView<>();
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
        list.setItems(inspector.filtered());
        list.setCellFactory(l -> new InspectorRowCell(this, SHOWN_NEIGHBOURS));
        list.setFixedCellSize(InspectorRowCell.THUMB + 34);
        list.setPlaceholder(new Label("Select a submission on the leaderboard to see its images"));
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
        setTop(range);
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

    /** Opens a window with the generated image and one of its neighbours at full size, nearest-neighbour scaled. */
    void compare(InspectorItem item, int rank) {
        String neighbour = item.neighbourNames()[rank];
        ThumbnailLoader.Bytes generated = generatedSource(item.name());
        ThumbnailLoader.Bytes reference = neighbour == null ? null : referenceSource(neighbour);
        model.executor().execute(BackgroundTask.of(monitor -> new Image[] {
            new Image(new ByteArrayInputStream(generated.read()), COMPARE_SIZE, COMPARE_SIZE, false, false),
            reference == null ? null : new Image(new ByteArrayInputStream(reference.read()),
                    COMPARE_SIZE, COMPARE_SIZE, false, false)})
                .onSuccess(pair -> showCompare(item, rank, pair))
                .onFailure(error -> ErrorDialogs.show(getScene().getWindow(), "Cannot show images", error)));
    }

    private void showCompare(InspectorItem item, int rank, Image[] pair) {
        VBox left = new VBox(4, new ImageView(pair[0]), new Label("generated: " + item.name()));
        VBox right = new VBox(4, new ImageView(pair[1]), new Label("training #" + (rank + 1) + ": "
                + item.neighbourNames()[rank]));
        Label distance = new Label(String.format("cosine distance %.4f", item.neighbourDistances()[rank]));
        distance.setId("compare-distance");
        distance.getStyleClass().add("title-4");
        HBox images = new HBox(16, left, right);
        VBox root = new VBox(10, distance, images);
        root.setId("compare-view");
        root.setPadding(new Insets(12));
        Stage stage = new Stage();
        stage.initOwner(getScene().getWindow());
        stage.setTitle("Compare \u2014 " + item.name());
        Scene scene = new Scene(root);
        scene.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (PageKey.CLOSE_WINDOW.matches(e)) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.show();
        stage.requestFocus();
    }

    public ListView<InspectorItem> list() {
        return list;
    }
}
