package org.mifid.workbench.ui.comparison;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.ui.common.BackgroundTask;
import org.mifid.workbench.ui.common.WorkbenchModel;

/**
 * Public against private: the rank agreement of the two leaderboards' FIDs, a scatter of public against private
 * FID (each on its own log axis, every submission scored on both) and the public top 30 with the place each takes privately.
 * Pairing and the agreement figures (Kendall tau-b is the slow one at 37,000 submissions) are computed off the
 * FX thread whenever the workspace's rows change; the canvases draw every point without a node per point.
 */
public final class ComparisonPage extends BorderPane {
    private static final int SLOPE_TEAMS = 30;
    private final WorkbenchModel model;
    private final Label figures = new Label("No submissions scored on both leaderboards yet");
    private final Canvas scatter = new Canvas(560, 440);
    private final Canvas slope = new Canvas(460, 440);

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
        refresh();
    }

    private void refresh() {
        var publicRows = model.rows(LeaderboardPreset.PUBLIC);
        var privateRows = model.rows(LeaderboardPreset.PRIVATE);
        model.executor().execute(BackgroundTask.of(monitor -> Comparison.of(publicRows, privateRows))
                .onSuccess(this::show));
    }

    private void show(Comparison c) {
        if (c.agreement() == null) {
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
        g.setStroke(Color.GRAY);
        g.strokeLine(left, bottom, right, bottom);
        g.strokeLine(left, bottom, left, top);
        g.setFill(Color.gray(0.35));
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("public FID (log scale)", (left + right) / 2, h - 8);
        g.fillText(String.format(Locale.ROOT, "%.3g", Math.pow(10, xs[0])), left, bottom + 16);
        g.fillText(String.format(Locale.ROOT, "%.3g", Math.pow(10, xs[1])), right - 10, bottom + 16);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(String.format(Locale.ROOT, "%.3g", Math.pow(10, ys[1])), left - 4, top + 8);
        g.fillText(String.format(Locale.ROOT, "%.3g", Math.pow(10, ys[0])), left - 4, bottom);
        g.fillText("private", left - 4, (top + bottom) / 2);
        g.setFill(Color.web("#1f6feb", 0.55));
        for (int i = 0; i < c.size(); i++) {
            if (c.fidPublic()[i] <= 0 || c.fidPrivate()[i] <= 0) {
                continue;
            }
            double x = left + (Math.log10(c.fidPublic()[i]) - xs[0]) / (xs[1] - xs[0]) * (right - left);
            double y = bottom - (Math.log10(c.fidPrivate()[i]) - ys[0]) / (ys[1] - ys[0]) * (bottom - top);
            g.fillOval(x - 2.5, y - 2.5, 5, 5);
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

    /** The public top 30 by FID, each joined to its private rank: crossing lines are reorderings. */
    private void drawSlope(Comparison c) {
        GraphicsContext g = slope.getGraphicsContext2D();
        clear(slope);
        int shown = Math.min(SLOPE_TEAMS, c.size());
        int maxRank = 1;
        for (int i = 0; i < c.size(); i++) {
            if (c.publicRank()[i] <= shown) {
                maxRank = Math.max(maxRank, c.privateRank()[i]);
            }
        }
        maxRank = Math.max(maxRank, shown);
        double top = 24;
        double bottom = slope.getHeight() - 12;
        double x0 = 150;
        double x1 = slope.getWidth() - 150;
        g.setFill(Color.gray(0.35));
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("public rank", x0, 14);
        g.fillText("private rank", x1, 14);
        for (int i = 0; i < c.size(); i++) {
            int pr = c.publicRank()[i];
            if (pr > shown) {
                continue;
            }
            int qr = c.privateRank()[i];
            double y0 = top + (pr - 1) * (bottom - top) / Math.max(1, maxRank - 1);
            double y1 = top + (qr - 1) * (bottom - top) / Math.max(1, maxRank - 1);
            g.setStroke(qr < pr ? Color.web("#2da44e") : qr > pr ? Color.web("#cf222e") : Color.GRAY);
            g.strokeLine(x0, y0, x1, y1);
            g.setFill(Color.gray(0.25));
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(pr + "  " + shorten(c.teams().get(i)), x0 - 6, y0 + 4);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(qr + "  " + shorten(c.teams().get(i)), x1 + 6, y1 + 4);
        }
    }

    private static String shorten(String team) {
        return team.length() <= 16 ? team : team.substring(0, 15) + "\u2026";
    }
}
