package org.mifid.workbench.ui.inspector;

import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * One row of the inspector: the generated image, then its nearest training images with their cosine distances.
 * The cell is reused as the list scrolls; an image that arrives after its tile moved on is dropped.
 */
final class InspectorRowCell extends ListCell<InspectorItem> {
    static final int THUMB = 96;

    private final InspectorPage page;
    private final HBox content = new HBox(10);
    private final Tile generated = new Tile();
    private final Tile[] neighbours;

    InspectorRowCell(InspectorPage page, int k) {
        this.page = page;
        getStyleClass().add("inspector-row");
        neighbours = new Tile[k];
        content.getChildren().addAll(generated, new Separator(Orientation.VERTICAL));
        for (int r = 0; r < k; r++) {
            neighbours[r] = new Tile();
            content.getChildren().add(neighbours[r]);
        }
        content.setAlignment(Pos.CENTER_LEFT);
    }

    @Override
    protected void updateItem(InspectorItem item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            generated.clear();
            for (Tile tile : neighbours) {
                tile.clear();
            }
            setGraphic(null);
            return;
        }
        generated.show(page.generatedKey(item.name()), item.name(),
                Float.isNaN(item.nearest()) ? "dropped (zero features)" : String.format("nearest %.4f", item.nearest()),
                page.generatedSource(item.name()));
        generated.image.setOnMouseClicked(e -> page.compare(item, 0));
        for (int r = 0; r < neighbours.length; r++) {
            Tile tile = neighbours[r];
            String name = r < item.neighbourNames().length ? item.neighbourNames()[r] : null;
            if (name == null) {
                tile.clear();
                tile.setVisible(false);
                continue;
            }
            int rank = r;
            tile.setVisible(true);
            tile.show(page.referenceKey(name), name, String.format("#%d  %.4f", r + 1, item.neighbourDistances()[r]),
                    page.referenceSource(name));
            tile.image.setOnMouseClicked(e -> page.compare(item, rank));
        }
        setGraphic(content);
    }

    /** An image with its caption, loaded lazily. */
    private final class Tile extends VBox {
        final ImageView image = new ImageView();
        final Label caption = new Label();
        private volatile String key;

        Tile() {
            super(2);
            image.setFitWidth(THUMB);
            image.setFitHeight(THUMB);
            image.getStyleClass().add("thumbnail");
            caption.getStyleClass().add("text-small");
            setAlignment(Pos.CENTER);
            getChildren().addAll(image, caption);
        }

        void show(String imageKey, String name, String text, ThumbnailLoader.Bytes bytes) {
            key = imageKey;
            caption.setText(text);
            Tooltip.install(image, new Tooltip(name));
            image.setImage(null);
            page.loader().load(imageKey, THUMB, bytes, () -> imageKey.equals(key), loaded -> {
                if (imageKey.equals(key)) {
                    image.setImage(loaded);
                }
            });
        }

        void clear() {
            key = null;
            image.setImage(null);
        }
    }
}
