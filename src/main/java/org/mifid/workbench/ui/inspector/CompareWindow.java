package org.mifid.workbench.ui.inspector;

import java.io.ByteArrayInputStream;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.mifid.workbench.ui.common.BackgroundTask;
import org.mifid.workbench.ui.common.ErrorDialogs;
import org.mifid.workbench.ui.common.PageKey;
import org.mifid.workbench.ui.common.TaskExecutor;

/**
 * The compare window: a generated image and one of its neighbours at full size, nearest-neighbour scaled, with
 * Previous / Next (buttons, ←/→, Page Up/Down) walking the inspector's list as it is filtered, at the same
 * neighbour rank; the list's selection follows. One window, reused while open.
 */
final class CompareWindow {
    private static final int SIZE = 320;

    private final InspectorPage page;
    private final TaskExecutor executor;
    private final ImageView generated = new ImageView();
    private final ImageView reference = new ImageView();
    private final Label generatedName = new Label();
    private final Label referenceName = new Label();
    private final Label distance = new Label();
    private final Label position = new Label();
    private final Button previous = new Button("\u25C0 Previous");
    private final Button next = new Button("Next \u25B6");
    private Stage stage;
    private int index;
    private int rank;
    /** Bumped per request: images of an image already left behind are dropped. */
    private long shown;

    CompareWindow(InspectorPage page, TaskExecutor executor) {
        this.page = page;
        this.executor = executor;
        generatedName.setId("compare-generated");
        distance.setId("compare-distance");
        distance.getStyleClass().add("title-4");
        position.setId("compare-position");
        previous.setId("compare-previous");
        next.setId("compare-next");
        previous.setOnAction(e -> step(-1));
        next.setOnAction(e -> step(1));
    }

    /** Shows the image at {@code index} of the filtered list with its neighbour of rank {@code rank}. */
    void show(int index, int rank) {
        List<InspectorItem> items = page.inspector().filtered();
        if (index < 0 || index >= items.size()) {
            return;
        }
        this.index = index;
        this.rank = rank;
        InspectorItem item = items.get(index);
        String neighbour = rank < item.neighbourNames().length ? item.neighbourNames()[rank] : null;
        ThumbnailLoader.Bytes generatedBytes = page.generatedSource(item.name());
        ThumbnailLoader.Bytes referenceBytes = neighbour == null ? null : page.referenceSource(neighbour);
        long request = ++shown;
        page.select(index);
        executor.execute(BackgroundTask.of(monitor -> new Image[] {
            decode(generatedBytes), referenceBytes == null ? null : decode(referenceBytes)})
                .onSuccess(pair -> {
                    if (request == shown) {
                        fill(item, neighbour, pair);
                    }
                })
                .onFailure(error -> ErrorDialogs.show(page.getScene().getWindow(), "Cannot show images", error)));
    }

    private static Image decode(ThumbnailLoader.Bytes bytes) throws Exception {
        return new Image(new ByteArrayInputStream(bytes.read()), SIZE, SIZE, false, false);
    }

    private void step(int by) {
        show(Math.max(0, Math.min(page.inspector().filtered().size() - 1, index + by)), rank);
    }

    private void fill(InspectorItem item, String neighbour, Image[] pair) {
        int count = page.inspector().filtered().size();
        generated.setImage(pair[0]);
        reference.setImage(pair[1]);
        generatedName.setText("generated: " + item.name());
        referenceName.setText(neighbour == null ? "no neighbour" : "training #" + (rank + 1) + ": " + neighbour);
        distance.setText(neighbour == null ? "" : String.format("cosine distance %.4f",
                item.neighbourDistances()[rank]));
        position.setText((index + 1) + " of " + count);
        previous.setDisable(index == 0);
        next.setDisable(index >= count - 1);
        if (stage == null) {
            open(page.getScene().getWindow());
        }
        stage.setTitle("Compare \u2014 " + item.name());
    }

    private void open(Window owner) {
        HBox images = new HBox(16, new VBox(4, generated, generatedName), new VBox(4, reference, referenceName));
        Label heading = new Label("generated | nearest training image");
        heading.getStyleClass().add("text-small");
        HBox navigation = new HBox(8, previous, position, next);
        navigation.setAlignment(Pos.CENTER_LEFT);
        VBox root = new VBox(10, distance, heading, images, navigation);
        root.setId("compare-view");
        root.setPadding(new Insets(12));
        stage = new Stage();
        stage.initOwner(owner);
        Scene scene = new Scene(root);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (PageKey.CLOSE_WINDOW.matches(e)) {
                stage.close();
            } else if (PageKey.COMPARE_NEXT.matches(e)) {
                step(1);
            } else if (PageKey.COMPARE_PREVIOUS.matches(e)) {
                step(-1);
            } else {
                return;
            }
            e.consume();
        });
        stage.setOnHidden(e -> stage = null);
        stage.setScene(scene);
        stage.show();
        stage.requestFocus();
    }
}
