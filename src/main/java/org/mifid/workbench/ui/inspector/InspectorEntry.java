package org.mifid.workbench.ui.inspector;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * One image of the inspector: the generated image, then its nearest training images with their cosine
 * distances. Reused as the list scrolls; an image that arrives after its tile moved on is dropped.
 */
final class InspectorEntry extends HBox {
    static final int THUMB = 96;
    private static final int GAP = 10;
    /** Width of one entry: its tiles, the gaps and separator between them, and its own padding. */
    static final double WIDTH_PER_NEIGHBOUR = THUMB + GAP;

    private final InspectorPage page;
    private final Tile generated = new Tile();
    private final Tile[] neighbours;

    InspectorEntry(InspectorPage page, int k) {
        super(GAP);
        this.page = page;
        getStyleClass().add("inspector-entry");
        setPadding(new Insets(0, 6, 0, 6));
        neighbours = new Tile[k];
        getChildren().addAll(generated, new Separator(Orientation.VERTICAL));
        for (int r = 0; r < k; r++) {
            neighbours[r] = new Tile();
            getChildren().add(neighbours[r]);
        }
        setAlignment(Pos.CENTER_LEFT);
        // a fixed width keeps the columns of a wide window under their headings
        setPrefWidth(width(k));
        setMaxWidth(width(k));
    }

    /** The width an entry of {@code k} neighbours takes, so the page knows how many fit side by side. */
    static double width(int k) {
        return (k + 1) * WIDTH_PER_NEIGHBOUR + 2 * GAP + 12;
    }

    void show(InspectorItem item, int index, boolean selected) {
        pseudoClassStateChanged(InspectorPage.SELECTED_ENTRY, selected);
        setOnMouseClicked(e -> page.selectItem(index));
        // counted as a copy by the copy share: nearer than the training set's own 5th percentile (or the
        // organizer's threshold), the same comparison the share made
        boolean copy = item.nearest() <= page.copyThreshold();
        pseudoClassStateChanged(InspectorPage.BELOW_COPY_THRESHOLD, copy);
        generated.show(page.generatedKey(item.name()), item.name(),
                Float.isNaN(item.nearest()) ? "dropped (zero features)"
                        : String.format("nearest %.4f", item.nearest()) + (copy ? "  copy?" : ""),
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
    }

    void clear() {
        generated.clear();
        for (Tile tile : neighbours) {
            tile.clear();
        }
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
