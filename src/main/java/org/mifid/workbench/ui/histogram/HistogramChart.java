package org.mifid.workbench.ui.histogram;

import java.util.List;
import org.mifid.workbench.review.Histogram;
import org.mifid.workbench.review.ThresholdSuggestions.Suggestion;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.mifid.workbench.ui.common.PageKey;

/**
 * A histogram ({@link Histogram}'s bins) drawn on a canvas, with the threshold being tried as a line that the mouse
 * drags and the arrow keys move (a tenth of a bin; Shift a whole bin), the threshold in force (or a kind's baseline)
 * as a dashed line and the threshold suggestions as dotted markers with their counts. The distance histogram of
 * the MiFID page; a kind's board scores and one submission's item figures on the kind's page.
 */
public final class HistogramChart extends Region {
    /** Bar colours per category, chosen to read on both the light and the dark theme. */
    static final Color[] COLOURS = {
        Color.web("#8c959f"), Color.web("#2da44e"), Color.web("#cf222e"), Color.web("#d4a72c")};
    private static final double LEFT = 52;
    private static final double RIGHT = 16;
    private static final double TOP = 18;
    private static final double BOTTOM = 34;

    private final Canvas canvas = new Canvas();
    private final ObjectProperty<Histogram> histogram = new SimpleObjectProperty<>();
    private final DoubleProperty threshold = new SimpleDoubleProperty();
    private final DoubleProperty applied = new SimpleDoubleProperty(Double.NaN);
    private final ObjectProperty<List<Suggestion>> suggestions = new SimpleObjectProperty<>(List.of());
    private final javafx.beans.property.StringProperty axisLabel = new javafx.beans.property.SimpleStringProperty(
            "memorization distance (mean cosine distance to the nearest training image)");
    private final javafx.beans.property.StringProperty appliedLabel = new javafx.beans.property.SimpleStringProperty("");
    private final javafx.beans.property.BooleanProperty showsThreshold =
            new javafx.beans.property.SimpleBooleanProperty(true);

    public HistogramChart() {
        setId("histogram-chart");
        getStyleClass().add("histogram-chart");
        getChildren().add(canvas);
        setFocusTraversable(true);
        setMinSize(300, 200);
        setPrefSize(800, 420);
        histogram.addListener(o -> draw());
        threshold.addListener(o -> draw());
        applied.addListener(o -> draw());
        suggestions.addListener(o -> draw());
        axisLabel.addListener(o -> draw());
        showsThreshold.addListener(o -> draw());
        appliedLabel.addListener(o -> draw());
        focusedProperty().addListener(o -> draw());
        // consumed so that the enclosing TabPane does not take the focus back from the chart
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            requestFocus();
            moveTo(e.getX());
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            moveTo(e.getX());
            e.consume();
        });
        setOnKeyPressed(e -> {
            int steps = PageKey.THRESHOLD_UP.matches(e) ? 1 : PageKey.THRESHOLD_DOWN.matches(e) ? -1
                    : PageKey.THRESHOLD_UP_BIN.matches(e) ? 10 : PageKey.THRESHOLD_DOWN_BIN.matches(e) ? -10 : 0;
            if (steps != 0) {
                step(steps);
                e.consume();
            }
        });
    }

    /** Moves the threshold by {@code steps} arrow-key steps. */
    public void step(int steps) {
        Histogram h = histogram.get();
        if (h == null) {
            return;
        }
        // a tenth of a bin: ten presses cross one bar, Shift (ten steps) a whole bar, at any bin count
        double step = (h.max() - h.min()) / h.bins() / 10;
        threshold.set(clamp(threshold.get() + steps * step, h));
    }

    private void moveTo(double x) {
        Histogram h = histogram.get();
        if (h != null) {
            threshold.set(clamp(valueAt(x), h));
        }
    }

    /** The distance under the x coordinate (in this region's coordinates). */
    public double valueAt(double x) {
        Histogram h = histogram.get();
        double plot = Math.max(1, getWidth() - LEFT - RIGHT);
        return h.min() + (x - LEFT) / plot * (h.max() - h.min());
    }

    /** The x coordinate of a distance. */
    public double xOf(double value) {
        Histogram h = histogram.get();
        double plot = Math.max(1, getWidth() - LEFT - RIGHT);
        return LEFT + (value - h.min()) / (h.max() - h.min()) * plot;
    }

    private static double clamp(double value, Histogram h) {
        return Math.max(h.min(), Math.min(h.max(), value));
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double hgt = canvas.getHeight();
        g.clearRect(0, 0, w, hgt);
        Histogram h = histogram.get();
        if (h == null || w <= LEFT + RIGHT || hgt <= TOP + BOTTOM) {
            return;
        }
        double plotW = w - LEFT - RIGHT;
        double plotH = hgt - TOP - BOTTOM;
        double tallest = Math.max(1, h.tallest());
        Color axis = Color.web("#8c959f");
        g.setFont(Font.font(11));
        g.setFill(axis);
        g.setStroke(axis);
        g.setLineWidth(1);
        g.strokeLine(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH);
        g.strokeLine(LEFT, TOP, LEFT, TOP + plotH);
        g.setTextAlign(TextAlignment.CENTER);
        for (int i = 0; i <= 5; i++) {
            double v = h.min() + i * (h.max() - h.min()) / 5;
            double x = LEFT + i * plotW / 5;
            g.strokeLine(x, TOP + plotH, x, TOP + plotH + 4);
            g.fillText(String.format("%.3f", v), x, TOP + plotH + 16);
        }
        g.fillText(axisLabel.get(), LEFT + plotW / 2, hgt - 4);
        g.setTextAlign(TextAlignment.RIGHT);
        // counts are whole submissions: ticks at whole steps, about four of them
        long step = Math.max(1, (long) Math.ceil(tallest / 4.0));
        for (long count = 0; count <= tallest; count += step) {
            double y = TOP + plotH - count * plotH / tallest;
            g.fillText(String.valueOf(count), LEFT - 6, y + 4);
        }

        double barW = plotW / h.bins();
        for (int b = 0; b < h.bins(); b++) {
            double y = TOP + plotH;
            int[] counts = h.counts()[b];
            for (int c = 0; c < counts.length; c++) {
                if (counts[c] == 0) {
                    continue;
                }
                double barH = counts[c] / tallest * plotH;
                y -= barH;
                g.setFill(COLOURS[c % COLOURS.length]);
                g.fillRect(LEFT + b * barW + 0.5, y, Math.max(1, barW - 1), barH);
            }
        }

        if (Double.isFinite(applied.get())) {
            double x = xOf(applied.get());
            // darker than the grey bars, so the line reads where it crosses one
            Color line = Color.web("#57606a");
            g.setStroke(line);
            g.setLineDashes(5, 4);
            g.setLineWidth(1.5);
            g.strokeLine(x, TOP, x, TOP + plotH);
            g.setLineDashes();
            if (!appliedLabel.get().isEmpty()) {
                g.setFill(line);
                g.setTextAlign(x > LEFT + plotW * 0.8 ? TextAlignment.RIGHT : TextAlignment.LEFT);
                g.fillText(" " + appliedLabel.get() + " ", x, TOP + 10);
            }
        }
        drawSuggestions(g, plotH);
        if (!showsThreshold.get()) {
            return;
        }
        double x = xOf(threshold.get());
        g.setStroke(Color.web("#0969da"));
        g.setLineWidth(isFocused() ? 3 : 2);
        g.strokeLine(x, TOP - 4, x, TOP + plotH);
        g.setFill(Color.web("#0969da"));
        g.fillPolygon(new double[] {x - 6, x + 6, x}, new double[] {TOP - 10, TOP - 10, TOP - 2}, 3);
        g.setTextAlign(x > LEFT + plotW * 0.8 ? TextAlignment.RIGHT : TextAlignment.LEFT);
        g.fillText(String.format(" %.4f ", threshold.get()), x, TOP + 10);
    }

    /** Each applicable suggestion as a dotted line with its rule and flagged count, staggered so labels do not meet. */
    private void drawSuggestions(GraphicsContext g, double plotH) {
        Histogram h = histogram.get();
        Color marker = Color.web("#8250df");
        int row = 0;
        for (Suggestion s : suggestions.get()) {
            if (!s.applicable() || s.threshold() < h.min() || s.threshold() > h.max()) {
                continue;
            }
            double x = xOf(s.threshold());
            g.setStroke(marker);
            g.setLineWidth(1.5);
            g.setLineDashes(2, 3);
            g.strokeLine(x, TOP + 14, x, TOP + plotH);
            g.setLineDashes();
            g.setFill(marker);
            g.setTextAlign(x > getWidth() * 0.7 ? TextAlignment.RIGHT : TextAlignment.LEFT);
            g.fillText(String.format(" %s: %d flagged ", s.rule(), s.flagged()), x, TOP + 28 + 14 * row++);
        }
    }

    public ObjectProperty<Histogram> histogramProperty() {
        return histogram;
    }

    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    /** The threshold suggestions drawn as markers on the axis. */
    public ObjectProperty<List<Suggestion>> suggestionsProperty() {
        return suggestions;
    }

    public DoubleProperty appliedProperty() {
        return applied;
    }

    /** What the horizontal axis measures, written under it. */
    public javafx.beans.property.StringProperty axisLabelProperty() {
        return axisLabel;
    }

    /** Text written beside the dashed line (a kind's "baseline 0.5757"); empty for none. */
    public javafx.beans.property.StringProperty appliedLabelProperty() {
        return appliedLabel;
    }

    /** Whether the draggable threshold line is drawn (a board of scores without a threshold has none). */
    public javafx.beans.property.BooleanProperty showsThresholdProperty() {
        return showsThreshold;
    }
}
