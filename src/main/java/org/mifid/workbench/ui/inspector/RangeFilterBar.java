package org.mifid.workbench.ui.inspector;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The heading and the "from ... to ..." filter over one figure of each item, shared by the image inspector
 * (nearest distance) and the text-item inspector (cosine): Enter or Filter applies, the clear button empties
 * both bounds and shows every item.
 */
final class RangeFilterBar extends HBox {
    final TextField min = new TextField();
    final TextField max = new TextField();

    /**
     * @param ids prefix of the controls' ids ({@code range} gives range-min, range-max, range-apply)
     * @param figure what is filtered, as the bar says it ("Nearest distance", "Cosine")
     * @param clearText the clear button's text ("All images")
     */
    RangeFilterBar(Node heading, String ids, String figure, double fieldWidth, String clearText, Runnable apply,
                   Runnable clear) {
        super(8);
        min.setId(ids + "-min");
        max.setId(ids + "-max");
        min.setPromptText("min " + figure.toLowerCase(java.util.Locale.ROOT));
        max.setPromptText("max " + figure.toLowerCase(java.util.Locale.ROOT));
        min.setPrefWidth(fieldWidth);
        max.setPrefWidth(fieldWidth);
        Button filter = new Button("Filter");
        filter.setId(ids + "-apply");
        filter.setOnAction(e -> apply.run());
        min.setOnAction(e -> apply.run());
        max.setOnAction(e -> apply.run());
        Button all = new Button(clearText);
        all.setOnAction(e -> {
            min.clear();
            max.clear();
            clear.run();
        });
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label from = new Label(figure + " from");
        Label to = new Label("to");
        // the controls keep their full text in a narrow window; only the heading gives way, wrapping onto a second line
        for (Region control : new Region[] {from, min, to, max, filter, all}) {
            control.setMinWidth(Region.USE_PREF_SIZE);
        }
        if (heading instanceof Label label) {
            label.setWrapText(true);
            label.setMinWidth(120);
            HBox.setHgrow(label, Priority.SOMETIMES);
        }
        getChildren().addAll(heading, grow, from, min, to, max, filter, all);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 8, 6, 8));
    }

    /** An empty list's message that wraps rather than cuts off in a narrow window. */
    static Label placeholder(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMaxWidth(420);
        label.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        return label;
    }
}
