package org.mifid.workbench.ui.histogram;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.mifid.workbench.core.Measure;
import org.mifid.workbench.core.MeasureValues;
import org.mifid.workbench.review.Histogram;
import org.mifid.workbench.review.MeasureSeparation;
import org.mifid.workbench.store.LeaderboardRow;
import org.mifid.workbench.ui.common.WorkbenchModel;

/**
 * Under the distance histogram, any copying measure of the same submissions, binned by {@link Histogram}, with the
 * measure's flag level ({@link MeasureSeparation#flagLevel}) as the dashed line. It only shows: the MiFID threshold
 * stays on the mean distance above, and the penalty with it.
 */
final class MeasureHistogram extends VBox {
    private static final int BINS = 30;

    private final WorkbenchModel model;
    private final ComboBox<Measure> measure = new ComboBox<>();
    private final HistogramChart chart = new HistogramChart();
    private final Label caption = new Label();

    MeasureHistogram(WorkbenchModel model) {
        this.model = model;
        setId("measure-histogram");
        setSpacing(4);
        measure.setId("measure-choice");
        measure.getItems().setAll(Measure.values());
        measure.setValue(Measure.COPY_SHARE);
        measure.setConverter(new StringConverter<>() {
            @Override
            public String toString(Measure m) {
                return m == null ? "" : m.label();
            }

            @Override
            public Measure fromString(String text) {
                return null;
            }
        });
        chart.setId("measure-chart");
        chart.showsThresholdProperty().set(false);
        chart.setPrefHeight(180);
        chart.setMinHeight(140);
        caption.setId("measure-caption");
        caption.setWrapText(true);
        HBox bar = new HBox(8, new Label("Copying evidence"), measure, caption);
        bar.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(bar, chart);
        measure.valueProperty().addListener(o -> rebin());
    }

    /** Bins the chosen measure over the rows the page shows (the model's last load: no reading here). */
    void rebin() {
        Measure m = measure.getValue();
        List<LeaderboardRow> rows = model.rows(model.leaderboard());
        double[] values = rows.stream().mapToDouble(r -> {
            MeasureValues v = model.measures(model.leaderboard(), r.submission().id());
            Double value = v == null ? null : v.value(m);
            return value == null ? Double.NaN : value;
        }).toArray();
        OptionalDouble level = MeasureSeparation.flagLevel(m);
        Histogram h = Histogram.ofScores(values, BINS, level.orElse(Double.NaN));
        chart.axisLabelProperty().set(m.label() + (m.higherIsSuspicious() ? " (higher: more suspicious)"
                : " (lower: more suspicious)"));
        chart.appliedProperty().set(level.orElse(Double.NaN));
        chart.appliedLabelProperty().set(level.isPresent()
                ? String.format(Locale.ROOT, "flag level %s", level.getAsDouble()) : "");
        chart.histogramProperty().set(h);
        int with = values.length - h.notFinite();
        caption.setText(with == 0 ? "no submission on this board has this measure (imported, or scored before"
                + " the measures were stored)" : with + " of " + values.length + " submissions have it");
    }

    HistogramChart chart() {
        return chart;
    }

    ComboBox<Measure> choice() {
        return measure;
    }
}
