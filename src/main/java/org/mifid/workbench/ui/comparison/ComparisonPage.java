package org.mifid.workbench.ui.comparison;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.PrintableText;
import org.mifid.workbench.ui.common.BackgroundTask;
import org.mifid.workbench.ui.common.WorkbenchModel;

/**
 * Public against private: the rank agreement of the two leaderboards' FIDs, a scatter of public against private
 * FID (each on its own log axis, every submission scored on both; hover a point for its team and figures) and the
 * public top 30 with the place each takes privately.
 * Pairing and the agreement figures (Kendall tau-b is the slow one at 37,000 submissions) are computed off the
 * FX thread whenever the workspace's rows change; the canvases draw every point without a node per point.
 */
public final class ComparisonPage extends BorderPane {
    private static final int SLOPE_TEAMS = 30;
    private final WorkbenchModel model;
    private final Label figures = new Label("No submissions scored on both leaderboards yet");
    private final Canvas scatter = new Canvas(560, 440);
    private final Canvas slope = new Canvas(460, 440);
    private final Tooltip pointTip = new Tooltip();
    private Comparison shown;
    /** Screen position of each pair's point, NaN where it is not drawn (a non-positive FID has no log). */
    private double[] pointX = new double[0];
    private double[] pointY = new double[0];
    /** Where the right-hand (private rank) labels of the slope chart were drawn, top to bottom. */
    private double[] privateLabelY = new double[0];

    public ComparisonPage(WorkbenchModel model) {
        this.model = model;
        setId("comparison-page");
        figures.setId("comparison-figures");
        figures.setWrapText(true);
        Label title = new Label("Public against private leaderboard (FID)");
        title.getStyleClass().add("title-3");
        VBox top = new VBox(6, title, figures);
        top.setPadding(new Insets(10));
        setTop(top);
        HBox charts = new HBox(16, scatter, slope);
        charts.setPadding(new Insets(10));
        setCenter(charts);
        model.dataVersionProperty().addListener((obs, old, now) -> refresh());
        // the canvases draw in the theme's text colour: a theme switch restyles the label, and they follow it
        figures.textFillProperty().addListener((obs, old, now) -> redraw());
        scatter.setOnMouseMoved(e -> showPointTip(e.getX(), e.getY(), e.getScreenX(), e.getScreenY()));
        scatter.setOnMouseExited(e -> pointTip.hide());
        refresh();
    }

    /** The tooltip of the point nearest (x, y) within 6 pixels: team, both FIDs and both ranks. */
    private void showPointTip(double x, double y, double screenX, double screenY) {
        String text = pointText(x, y);
        if (text == null) {
            pointTip.hide();
            return;
        }
        pointTip.setText(text);
        if (!pointTip.isShowing()) {
            pointTip.show(scatter, screenX + 12, screenY + 12);
        } else {
            pointTip.setAnchorX(screenX + 12);
            pointTip.setAnchorY(screenY + 12);
        }
    }

    /** What the scatter's tooltip says at (x, y) in the canvas, or null where no point is within 6 pixels. */
    String pointText(double x, double y) {
        int best = -1;
        double bestD2 = 36;
        for (int i = 0; i < pointX.length; i++) {
            double dx = pointX[i] - x;
            double dy = pointY[i] - y;
            double d2 = dx * dx + dy * dy;
            if (d2 <= bestD2) {
                bestD2 = d2;
                best = i;
            }
        }
        if (best < 0) {
            return null;
        }
        return String.format(Locale.ROOT, "%s%npublic FID %.4g (rank %d)%nprivate FID %.4g (rank %d)",
                PrintableText.of(shown.teams().get(best)), shown.fidPublic()[best], shown.publicRank()[best],
                shown.fidPrivate()[best], shown.privateRank()[best]);
    }

    /** Screen position of pair {@code i}'s point (tests hover there). */
    double[] pointPosition(int i) {
        return new double[] {pointX[i], pointY[i]};
    }

    double[] privateLabelPositions() {
        return privateLabelY.clone();
    }

    /** The colour the canvases write text in: the theme's own text colour, so dark and light read alike. */
    Color textColour() {
        return figures.getTextFill() instanceof Color c ? c : Color.gray(0.2);
    }

    private void redraw() {
        if (shown != null && shown.agreement() != null) {
            drawScatter(shown);
            drawSlope(shown);
        }
    }

    private void refresh() {
        var publicRows = model.rows(LeaderboardPreset.PUBLIC);
        var privateRows = model.rows(LeaderboardPreset.PRIVATE);
        model.executor().execute(BackgroundTask.of(monitor -> Comparison.of(publicRows, privateRows))
                .onSuccess(this::show));
    }

    private void show(Comparison c) {
        shown = c;
        if (c.agreement() == null) {
            pointX = new double[0];
            pointY = new double[0];
            privateLabelY = new double[0];
            figures.setText("No submissions scored on both leaderboards yet");
            clear(scatter);
            clear(slope);
            return;
        }
        var a = c.agreement();
        figures.setText(String.format(Locale.ROOT, "%d submissions on both boards.  Spearman %.4f   Kendall tau-b %.4f"
                        + "   Pearson %.4f   mean |rank change| %.2f   top-10 overlap %.0f %%", c.size(), a.spearman(),
                a.kendallTauB(), a.pearson(), a.meanAbsRankDifference(), 100 * c.top10Overlap()));
        drawScatter(c);
        drawSlope(c);
    }

    private static void clear(Canvas canvas) {
        canvas.getGraphicsContext2D().clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
    }

    private void drawScatter(Comparison c) {
        GraphicsContext g = scatter.getGraphicsContext2D();
        double w = scatter.getWidth();
        double h = scatter.getHeight();
        double left = 56;
        double bottom = h - 40;
        double top = 20;
        double right = w - 16;
        clear(scatter);
        // each axis on its own log range: the two networks' FIDs live on different scales
        double[] xs = logRange(c.fidPublic());
        double[] ys = logRange(c.fidPrivate());
        Color text = textColour();
        g.setStroke(text.deriveColor(0, 1, 1, 0.6));
        g.strokeLine(left, bottom, right, bottom);
        g.strokeLine(left, bottom, left, top);
        g.setFill(text);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("public FID (log scale)", (left + right) / 2, h - 8);
        g.fillText(String.format(Locale.ROOT, "%.3g", Math.pow(10, xs[0])), left, bottom + 16);
        g.fillText(String.format(Locale.ROOT, "%.3g", Math.pow(10, xs[1])), right - 10, bottom + 16);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(String.format(Locale.ROOT, "%.3g", Math.pow(10, ys[1])), left - 4, top + 8);
        g.fillText(String.format(Locale.ROOT, "%.3g", Math.pow(10, ys[0])), left - 4, bottom);
        g.fillText("private", left - 4, (top + bottom) / 2);
        // at 37,000 submissions single points would merge into a blot: fainter and smaller as they multiply
        double alpha = c.size() > 5_000 ? 0.2 : c.size() > 500 ? 0.4 : 0.65;
        double r = c.size() > 5_000 ? 1.5 : 2.5;
        g.setFill(Color.web(isDark(text) ? "#58a6ff" : "#1f6feb", alpha));
        pointX = new double[c.size()];
        pointY = new double[c.size()];
        for (int i = 0; i < c.size(); i++) {
            if (c.fidPublic()[i] <= 0 || c.fidPrivate()[i] <= 0) {
                pointX[i] = Double.NaN;
                pointY[i] = Double.NaN;
                continue;
            }
            double x = left + (Math.log10(c.fidPublic()[i]) - xs[0]) / (xs[1] - xs[0]) * (right - left);
            double y = bottom - (Math.log10(c.fidPrivate()[i]) - ys[0]) / (ys[1] - ys[0]) * (bottom - top);
            pointX[i] = x;
            pointY[i] = y;
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
        }
    }

    /** log10 of the smallest and largest positive value, at least a decade apart. */
    private static double[] logRange(double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (v > 0) {
                lo = Math.min(lo, Math.log10(v));
                hi = Math.max(hi, Math.log10(v));
            }
        }
        if (lo == Double.POSITIVE_INFINITY) {
            return new double[] {0, 1};
        }
        double pad = Math.max(0.05 * (hi - lo), 0.02);
        return new double[] {lo - pad, Math.max(hi + pad, lo + 0.1)};
    }

    /**
     * The public top 30 by FID, each joined to its private rank. Both sides are spaced by order among these 30 (the
     * label says the real private rank), so no two labels overlap however far down the private board a team falls;
     * crossing lines are the reorderings.
     */
    private void drawSlope(Comparison c) {
        GraphicsContext g = slope.getGraphicsContext2D();
        clear(slope);
        List<Integer> top30 = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            if (c.publicRank()[i] <= SLOPE_TEAMS) {
                top30.add(i);
            }
        }
        List<Integer> byPublic = new ArrayList<>(top30);
        byPublic.sort(Comparator.comparingInt(i -> c.publicRank()[i]));
        List<Integer> byPrivate = new ArrayList<>(top30);
        byPrivate.sort(Comparator.comparingInt(i -> c.privateRank()[i]));
        double top = 30;
        double bottom = slope.getHeight() - 12;
        double step = (bottom - top) / Math.max(1, top30.size() - 1);
        double x0 = 150;
        double x1 = slope.getWidth() - 150;
        Color text = textColour();
        g.setFill(text);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("public rank", x0, 14);
        g.fillText("private rank", x1, 14);
        Color better = Color.web(isDark(text) ? "#3fb950" : "#1a7f37");
        Color worse = Color.web(isDark(text) ? "#f85149" : "#cf222e");
        privateLabelY = new double[top30.size()];
        for (int p = 0; p < byPublic.size(); p++) {
            int i = byPublic.get(p);
            int q = byPrivate.indexOf(i);
            double y0 = top + p * step;
            double y1 = top + q * step;
            privateLabelY[q] = y1;
            int pr = c.publicRank()[i];
            int qr = c.privateRank()[i];
            g.setStroke(qr < pr ? better : qr > pr ? worse : text.deriveColor(0, 1, 1, 0.6));
            g.strokeLine(x0, y0, x1, y1);
            g.setFill(text);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(pr + "  " + shorten(c.teams().get(i)), x0 - 6, y0 + 4);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(qr + "  " + shorten(c.teams().get(i)), x1 + 6, y1 + 4);
        }
    }

    private static boolean isDark(Color text) {
        // light text means a dark background
        return text.getBrightness() > 0.6;
    }

    private static String shorten(String team) {
        String printable = PrintableText.escape(team);
        return printable.length() <= 16 ? printable : printable.substring(0, 15) + "\u2026";
    }
}
