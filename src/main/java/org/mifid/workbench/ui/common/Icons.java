package org.mifid.workbench.ui.common;

import java.io.InputStream;
import java.util.Optional;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;

/**
 * Toolbar icons from the classpath ({@code /icons/toolbar/NAME-SIZE.png} or {@code /icons/toolbar/NAME.png}).
 * They are drawn and packaged separately; until they are on the classpath every control keeps its text, so a
 * missing icon never breaks the UI.
 */
public final class Icons {
    private Icons() {
    }

    public static Optional<Image> load(String name, int size) {
        for (String path : new String[] {
            "/icons/toolbar/" + name + "-" + size + ".png",
            "/icons/toolbar/" + size + "/" + name + ".png",
            "/icons/toolbar/" + name + ".png"}) {
            try (InputStream in = Icons.class.getResourceAsStream(path)) {
                if (in != null) {
                    Image image = new Image(in, size, size, true, true);
                    if (!image.isError()) {
                        return Optional.of(image);
                    }
                }
            } catch (Exception e) {
                // a broken icon file is treated as a missing one: the text stays
            }
        }
        return Optional.empty();
    }

    /** Puts the icon on a toolbar button, keeping its text as a tooltip; leaves the text if there is no icon. */
    public static <B extends ButtonBase> B decorate(B button, String name) {
        String text = button.getText();
        load(name, 16).ifPresent(image -> {
            button.setGraphic(new ImageView(image));
            button.setTooltip(new Tooltip(text));
        });
        return button;
    }

    public static void decorate(Labeled labeled, String name) {
        load(name, 16).ifPresent(image -> labeled.setGraphic(new ImageView(image)));
    }

    public static MenuItem decorate(MenuItem item, String name) {
        load(name, 16).ifPresent(image -> item.setGraphic(new ImageView(image)));
        return item;
    }
}
