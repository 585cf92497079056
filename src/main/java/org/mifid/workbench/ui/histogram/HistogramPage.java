package org.mifid.workbench.ui.histogram;

import org.mifid.workbench.review.ColourBy;
import org.mifid.workbench.review.Histogram;
import org.mifid.workbench.review.ThresholdSuggestions;
import org.mifid.workbench.review.ThresholdSuggestions.Suggestion;
import java.util.function.Consumer;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.store.LeaderboardRow;
import org.mifid.workbench.store.ThresholdChange;
import org.mifid.workbench.store.Workspace;
import org.mifid.workbench.ui.common.BackgroundTask;
import org.mifid.workbench.ui.common.ErrorDialogs;
import org.mifid.workbench.ui.common.Icons;
import org.mifid.workbench.ui.common.WorkbenchModel;
import org.mifid.workbench.ui.leaderboard.RankedEntry;

/**
 * The histogram page: distances of every submission on the current leaderboard, the threshold line to drag, live
 * counts of what it flags, the threshold suggestions (markers, counts, "Snap to", the inspection queue of each), and
 * "Apply threshold", which saves it to the leaderboard's threshold history with the rule it was snapped to; under
 * the distances, any copying measure of the same submissions ({@link MeasureHistogram}).
 */
public final class HistogramPage extends BorderPane {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final WorkbenchModel model;
    private final HistogramChart chart = new HistogramChart();
    private final MeasureHistogram measures;
    private final Spinner<Integer> bins = new Spinner<>(5, 400, 60, 5);
    private final ComboBox<ColourBy> colourBy = new ComboBox<>();
    private final FlowPane legend = new FlowPane(12, 4);
    private final Spinner<Double> costRatio = new Spinner<>(0.1, 1000, ThresholdSuggestions.DEFAULT_COST_RATIO, 1);
    private final VBox suggestionRows = new VBox(4);
    /** The suggestion the line was last snapped to; recorded with the threshold if applied unmoved. */
    private Suggestion snapped;
    private Consumer<List<Long>> inspect = ids -> { };
    private final Label thresholdLabel = new Label();
    private final Label flaggedLabel = new Label();
    private final Label flaggedCleanLabel = new Label();
    private final Label aucLabel = new Label();
    private final Label appliedLabel = new Label();
    private final TextField note = new TextField();
    private final Button apply = new Button("Apply threshold");
    private final ListView<ThresholdChange> history = new ListView<>();
    private ThresholdCounts.Index index = new ThresholdCounts.Index(List.of());

    /** The copying measure's histogram under the distance histogram. */
    public HistogramChart measureChart() {
        return measures.chart();
    }

    /** Chooses the copying measure shown under the distance histogram. */
    public void showMeasure(org.mifid.workbench.core.Measure measure) {
        measures.choice().setValue(measure);
    }

    public HistogramPage(WorkbenchModel model, javafx.collections.ObservableList<RankedEntry> ranked) {
        this.model = model;
        this.measures = new MeasureHistogram(model);
        setId("histogram-page");
        bins.setId("histogram-bins");
        bins.setEditable(true);
        bins.setPrefWidth(90);
        colourBy.setId("histogram-colour");
        colourBy.getItems().setAll(ColourBy.values());
        colourBy.setValue(ColourBy.VERDICT);
        thresholdLabel.setId("threshold-label");
        flaggedLabel.setId("flagged-count");
        flaggedCleanLabel.setId("flagged-clean-count");
        aucLabel.setId("auc-label");
        appliedLabel.setId("applied-threshold");
        note.setId("threshold-note");
        note.setPromptText("Why (saved with the threshold)");
        apply.setId("apply-threshold");
        Icons.decorate(apply, "histogram");
        apply.getStyleClass().add("accent");
        for (Label label : new Label[] {thresholdLabel, flaggedLabel, flaggedCleanLabel, aucLabel, appliedLabel}) {
            label.setWrapText(true);
            label.setMinHeight(Region.USE_PREF_SIZE);
        }
        history.setId("threshold-history");
        Label none = new Label("No threshold applied yet: the preset's is in force");
        none.setWrapText(true);
        history.setPlaceholder(none);
        history.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ThresholdChange change, boolean empty) {
                super.updateItem(change, empty);
                setText(empty || change == null ? null : String.format("%.4f  %s  %s%s", change.epsilon(),
                        TIME.format(change.changedAt()), change.changedBy(),
                        change.note() == null || change.note().isBlank() ? "" : "  \u2014 " + change.note())
                        + (change.rule() == null ? "" : "  [" + change.rule() + "]"));
                setWrapText(true);
                setPrefWidth(0);
            }
        });

        chart.thresholdProperty().bindBidirectional(model.liveThresholdProperty());
        chart.appliedProperty().bind(model.appliedThresholdProperty());
        model.liveThresholdProperty().addListener(o -> updateCounts());
        model.appliedThresholdProperty().addListener(o -> updateCounts());
        model.dataVersionProperty().addListener(o -> reload());
        model.onVerdictsRecorded(latest -> rebin());
        bins.valueProperty().addListener(o -> rebin());
        colourBy.valueProperty().addListener(o -> rebin());
        costRatio.setId("cost-ratio");
        costRatio.setEditable(true);
        costRatio.setPrefWidth(90);
        costRatio.valueProperty().addListener(o -> suggest());
        suggestionRows.setId("threshold-suggestions");
        apply.setOnAction(e -> applyThreshold());

        Label hint = new Label("Drag the line or use \u2190 \u2192: a tenth of a bin (Shift: a bin). Counts are"
                + " submissions.");
        hint.getStyleClass().add("text-muted");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label("Bins"), bins, colourBy, grow, hint);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));

        VBox center = new VBox(6, chart, legend, measures);
        VBox.setVgrow(chart, Priority.ALWAYS);
        center.setPadding(new Insets(8));

        Label countsTitle = new Label("At this threshold");
        countsTitle.getStyleClass().add("title-4");
        Label topTitle = new Label("Top 10 at this threshold");
        topTitle.getStyleClass().add("title-4");
        ListView<RankedEntry> top = new ListView<>();
        top.setId("live-top");
        top.setPrefHeight(10 * 26 + 4);
        top.setMinHeight(10 * 26 + 4);
        top.setFocusTraversable(false);
        top.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        top.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(RankedEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null : String.format("%2d. %s  %.2f%s", entry.rank(), entry.team(),
                        entry.mifid(), entry.penalised() ? "  (penalised)" : ""));
            }
        });
        // the leaderboard re-ranks as the line moves; its first rows are shown here while dragging
        javafx.collections.ListChangeListener<RankedEntry> follow = change ->
                top.getItems().setAll(ranked.subList(0, Math.min(10, ranked.size())));
        ranked.addListener(follow);
        top.getItems().setAll(ranked.subList(0, Math.min(10, ranked.size())));
        Label historyTitle = new Label("Threshold history");
        historyTitle.getStyleClass().add("title-4");
        Label suggestTitle = new Label("Suggested thresholds");
        suggestTitle.getStyleClass().add("title-4");
        HBox cost = new HBox(6, new Label("Cost of flagging a legitimate one"), costRatio);
        cost.setAlignment(Pos.CENTER_LEFT);
        VBox side = new VBox(8, countsTitle, thresholdLabel, flaggedLabel, flaggedCleanLabel, aucLabel,
                appliedLabel, note, apply, suggestTitle, cost, suggestionRows, topTitle, top, historyTitle, history);
        history.setMinHeight(140);
        history.setPrefHeight(200);
        side.setPadding(new Insets(8));
        // the side panel scrolls rather than clipping the history on a short window
        ScrollPane sideScroll = new ScrollPane(side);
        sideScroll.setId("histogram-side");
        sideScroll.setFitToWidth(true);
        sideScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        sideScroll.setPrefWidth(360);
        setTop(bar);
        setCenter(center);
        setRight(sideScroll);
        reload();
    }

    private void reload() {
        List<LeaderboardRow> rows = model.rows(model.leaderboard());
        index = new ThresholdCounts.Index(rows);
        rebin();
        measures.rebin();
        updateCounts();
        loadHistory();
    }

    private void rebin() {
        Integer binCount = bins.getValue();
        chart.histogramProperty().set(Histogram.of(model.rows(model.leaderboard()), binCount == null ? 60 : binCount,
                colourBy.getValue(), Math.max(model.appliedThresholdProperty().get(), model.leaderboard().epsilon())));
        suggest();
        String[] categories = colourBy.getValue().categories();
        legend.getChildren().clear();
        for (int c = 0; c < categories.length; c++) {
            Rectangle swatch = new Rectangle(12, 12, HistogramChart.COLOURS[c]);
            Label entry = new Label(categories[c], swatch);
            legend.getChildren().add(entry);
        }
    }

    /** Recomputes the suggestions from the rows (their verdicts and labels) and shows each with its counts. */
    private void suggest() {
        List<LeaderboardRow> rows = model.rows(model.leaderboard());
        Double ratio = costRatio.getValue();
        List<Suggestion> suggestions = ThresholdSuggestions.suggest(rows,
                ratio == null || !(ratio > 0) ? ThresholdSuggestions.DEFAULT_COST_RATIO : ratio);
        chart.suggestionsProperty().set(suggestions);
        suggestionRows.getChildren().clear();
        for (Suggestion s : suggestions) {
            Label text = new Label(describe(s));
            text.setId("suggestion-" + s.rule());
            text.setWrapText(true);
            text.setMinHeight(Region.USE_PREF_SIZE);
            Button snap = new Button("Snap to");
            snap.setId("snap-" + s.rule());
            snap.setDisable(!s.applicable());
            snap.setOnAction(e -> {
                model.liveThresholdProperty().set(s.threshold());
                snapped = s;
                updateCounts();
            });
            Button queue = new Button("Inspect nearest unjudged");
            queue.setId("inspect-" + s.rule());
            List<Long> ids = s.applicable() ? ThresholdSuggestions.inspectionQueue(rows, s.threshold(), 20).stream()
                    .map(r -> r.submission().id()).toList() : List.of();
            queue.setDisable(ids.isEmpty());
            queue.setOnAction(e -> inspect.accept(ids));
            HBox actions = new HBox(6, snap, queue);
            suggestionRows.getChildren().add(new VBox(2, text, actions));
        }
    }

    static String describe(Suggestion s) {
        if (!s.applicable()) {
            return s.rule() + ": " + s.reason();
        }
        return String.format("%s%s %.4f%s: flags %d (%d memorizers, %d legitimate, %d unjudged)", s.rule(),
                s.parameters().isEmpty() ? "" : " (" + s.parameters() + ")", s.threshold(),
                s.guess() ? ", a guess" : "",
                s.flagged(), s.flaggedMemorizers(), s.flaggedLegitimate(), s.flaggedUnjudged());
    }

    /** What "Inspect nearest unjudged" does with a suggestion's inspection queue, nearest first. */
    public void setOnInspect(Consumer<List<Long>> action) {
        this.inspect = action;
    }

    private void updateCounts() {
        double t = model.liveThresholdProperty().get();
        if (snapped != null && Math.abs(snapped.threshold() - t) > 1e-12) {
            snapped = null;
        }
        ThresholdCounts counts = index.at(t);
        thresholdLabel.setText(String.format("Threshold %.4f (percentile %.1f%% of %d submissions)",
                t, counts.percentile(), counts.counts().submissions()));
        flaggedLabel.setText(String.format("Flagged: %d submissions", counts.counts().flagged()));
        flaggedCleanLabel.setText(String.format("Flagged but labelled legitimate: %d of %d",
                counts.counts().flaggedClean(), counts.counts().labelledClean()));
        aucLabel.setText(Double.isNaN(counts.auc()) ? "AUC: needs labelled memorizers and clean submissions"
                : String.format("AUC of distance vs labels: %.3f", counts.auc()));
        double applied = model.appliedThresholdProperty().get();
        appliedLabel.setText(String.format("In force on %s: %.4f%s", model.leaderboard().id(), applied,
                Math.abs(applied - t) < 1e-12 ? "" : " (not applied yet)"));
        apply.setDisable(model.workspace() == null || Math.abs(applied - t) < 1e-12);
    }

    private void loadHistory() {
        Workspace workspace = model.workspace();
        LeaderboardPreset preset = model.leaderboard();
        if (workspace == null) {
            history.getItems().clear();
            return;
        }
        model.executor().execute(BackgroundTask.of(monitor -> workspace.thresholdHistory(preset)).onSuccess(list -> {
            List<ThresholdChange> newestFirst = new java.util.ArrayList<>(list);
            java.util.Collections.reverse(newestFirst);
            history.setItems(FXCollections.observableArrayList(newestFirst));
        }));
    }

    private void applyThreshold() {
        Workspace workspace = model.workspace();
        LeaderboardPreset preset = model.leaderboard();
        double t = model.liveThresholdProperty().get();
        ThresholdChange change = new ThresholdChange(preset, t, model.settings().reviewer(), Instant.now(),
                note.getText() == null || note.getText().isBlank() ? null : note.getText().strip(),
                snapped == null ? null : snapped.ruleWithParameters());
        apply.setDisable(true);
        model.executor().write(BackgroundTask.of(monitor -> {
            workspace.applyThreshold(change);
            return change;
        }).onSuccess(saved -> {
            note.clear();
            model.thresholdApplied(preset, saved.epsilon());
            model.statusProperty().set(String.format("Threshold %.4f applied to the %s leaderboard",
                    saved.epsilon(), preset.id()));
        }).onFailure(error -> {
            updateCounts();
            ErrorDialogs.show(getScene().getWindow(), "Threshold not applied", error);
        }));
    }

    public HistogramChart chart() {
        return chart;
    }
}
