package org.mifid.workbench.ui.histogram;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.mifid.workbench.core.Board;
import org.mifid.workbench.core.ItemEvidence;
import org.mifid.workbench.core.PrintableText;
import org.mifid.workbench.kind.BankExposure;
import org.mifid.workbench.kind.CompetitionKind;
import org.mifid.workbench.review.Histogram;
import org.mifid.workbench.review.KindBoard;
import org.mifid.workbench.store.Workspace;
import org.mifid.workbench.ui.common.BackgroundTask;
import org.mifid.workbench.ui.common.ErrorDialogs;
import org.mifid.workbench.ui.common.WorkbenchModel;

/**
 * The histogram page of a kind without a tuned threshold (image-to-prompt): the board scores of all submissions
 * with the kind's baseline as the dashed line, and below it the figures of the submission in focus, one per item,
 * with a threshold line at the kind's item level (the near-exact cosine) that the mouse drags and the arrow keys
 * move while the count of items at or above it follows. Both are read off the FX thread and binned by
 * {@link Histogram}, the binning of every histogram the workbench draws. Under them, the competition checks: the
 * hidden prompts the public bank exposes most ({@link CompetitionKind#exposedItems}, what {@code analyze --exposed}
 * prints).
 */
public final class KindHistogramPage extends VBox {
    private static final int BOARD_BINS = 30;
    private static final int ITEM_BINS = 40;

    private final WorkbenchModel model;
    private final HistogramChart boardChart = new HistogramChart();
    private final HistogramChart itemChart = new HistogramChart();
    private final Label boardCaption = new Label();
    private final Label itemHeading = new Label("Select a submission on the leaderboard to see its items");
    private final Label itemCounts = new Label();
    private final Label checksHeading = new Label("Competition checks: the hidden prompts nearest to the public bank,"
            + " most exposed first");
    private final javafx.scene.control.ListView<BankExposure> exposed = new javafx.scene.control.ListView<>();
    /** The workspace whose exposed prompts are shown: they depend on its truth and bank only, read once. */
    private Workspace checked;
    private double[] itemValues = new double[0];
    private boolean active;
    private long request;

    public KindHistogramPage(WorkbenchModel model) {
        this.model = model;
        setId("kind-histogram-page");
        setSpacing(6);
        setPadding(new Insets(8));
        boardChart.setId("kind-board-chart");
        boardChart.showsThresholdProperty().set(false);
        boardChart.setPrefHeight(260);
        itemChart.setId("kind-item-chart");
        itemChart.setPrefHeight(260);
        boardCaption.setId("kind-board-caption");
        boardCaption.setWrapText(true);
        itemHeading.setId("kind-item-heading");
        itemHeading.getStyleClass().add("title-4");
        itemCounts.setId("kind-item-counts");
        VBox.setVgrow(boardChart, Priority.ALWAYS);
        VBox.setVgrow(itemChart, Priority.ALWAYS);
        checksHeading.getStyleClass().add("title-4");
        exposed.setId("exposed-prompts");
        exposed.setPrefHeight(150);
        exposed.setMinHeight(100);
        exposed.setPlaceholder(new Label("No public bank stored with this competition (create-competition --bank)"));
        exposed.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(BankExposure e, boolean empty) {
                super.updateItem(e, empty);
                // competitors never wrote these, but the bank is outside text: shown escaped all the same
                setText(empty || e == null ? null : String.format(Locale.ROOT, "%.4f  %s (%s)  true: %s  \u2014  bank: %s",
                        e.cosine(), PrintableText.escape(e.item()), e.board().id(),
                        e.truth() == null ? "(no prompt text)" : PrintableText.escape(e.truth()),
                        PrintableText.escape(e.nearestBankPrompt())));
            }
        });
        getChildren().addAll(boardCaption, boardChart, itemHeading, itemChart, itemCounts, checksHeading, exposed);
        itemChart.thresholdProperty().addListener(o -> showCounts());
        model.dataVersionProperty().addListener(o -> reload());
        model.leaderboardProperty().addListener(o -> reload());
        model.focusedSubmissionProperty().addListener(o -> reload());
    }

    /** Reads and draws while the page is shown; a hidden page does not read on every selection elsewhere. */
    public void setActive(boolean active) {
        this.active = active;
        reload();
    }

    private record Loaded(Histogram board, OptionalDouble baseline, String baselineText, String submission,
                          double[] items, Histogram itemHistogram, OptionalDouble level, String figure) {
    }

    private void reload() {
        Workspace workspace = model.workspace();
        CompetitionKind kind = model.kindProperty().get();
        if (!active || workspace == null || kind == null || kind.tunesThreshold()) {
            return;
        }
        if (workspace != checked) {
            checked = workspace;
            exposed.getItems().clear();
            // every hidden prompt against the whole bank: once per workspace, off the FX thread
            model.executor().execute(BackgroundTask.of(monitor -> kind.exposedItems(workspace)).onSuccess(list -> {
                if (checked == workspace) {
                    exposed.getItems().setAll(list);
                }
            }).onFailure(error -> checksHeading.setText("Could not check the bank: " + ErrorDialogs.summary(error))));
        }
        Board board = model.leaderboard().board();
        long focused = model.focusedSubmissionProperty().get();
        long mine = ++request;
        model.executor().execute(BackgroundTask.of(monitor -> {
            KindBoard ranked = KindBoard.of(workspace, kind, board);
            double[] scores = ranked.rows().stream().mapToDouble(r -> r.row().score().value()).toArray();
            OptionalDouble baseline = ranked.baseline();
            double[] items = focused <= 0 ? new double[0]
                    : kind.evidence(workspace, focused, board).stream().mapToDouble(ItemEvidence::value).toArray();
            String team = focused <= 0 ? null : workspace.submission(focused).map(s -> s.team()).orElse(null);
            return new Loaded(Histogram.ofScores(scores, BOARD_BINS, baseline.orElse(Double.NaN)), baseline,
                    ranked.baselineText().orElse("No baseline for this board."), team, items,
                    Histogram.ofScores(items, ITEM_BINS, kind.itemLevel().orElse(Double.NaN)), kind.itemLevel(),
                    kind.columns().get(0).header());
        }).onSuccess(loaded -> {
            if (mine != request) {
                return;
            }
            show(loaded);
        }).onFailure(error -> boardCaption.setText("Could not read the board: " + ErrorDialogs.summary(error))));
    }

    private void show(Loaded loaded) {
        boardChart.axisLabelProperty().set("board score: " + loaded.figure());
        boardChart.appliedProperty().set(loaded.baseline().orElse(Double.NaN));
        boardChart.appliedLabelProperty().set(loaded.baseline().isPresent()
                ? String.format(Locale.ROOT, "baseline %.4f", loaded.baseline().getAsDouble()) : "");
        boardChart.histogramProperty().set(loaded.board());
        boardCaption.setText("All submissions on the " + model.leaderboard().id() + " board; the dashed line is the"
                + " mean-vector baseline. " + loaded.baselineText());
        itemValues = loaded.items();
        if (loaded.submission() == null) {
            itemHeading.setText("Select a submission on the leaderboard to see its items");
            itemChart.histogramProperty().set(null);
            itemCounts.setText("");
            return;
        }
        itemHeading.setText(PrintableText.of(loaded.submission()) + ": the cosine of each of its "
                + itemValues.length + " images");
        itemChart.axisLabelProperty().set("cosine of the predicted and the true prompt embedding, per image");
        itemChart.histogramProperty().set(loaded.itemHistogram());
        itemChart.thresholdProperty().set(loaded.level().orElse(loaded.itemHistogram().max()));
        showCounts();
    }

    /** How many of the submission's items lie at or above the line, and the level the line started at. */
    private void showCounts() {
        if (itemChart.histogramProperty().get() == null) {
            return;
        }
        double level = itemChart.thresholdProperty().get();
        long at = java.util.Arrays.stream(itemValues).filter(v -> v >= level).count();
        OptionalDouble near = model.kindProperty().get() == null ? OptionalDouble.empty()
                : model.kindProperty().get().itemLevel();
        itemCounts.setText(String.format(Locale.ROOT, "%d of %d images at a cosine >= %.4f%s", at, itemValues.length,
                level, near.isPresent() ? String.format(Locale.ROOT, " (the near-exact level is %.2f)",
                        near.getAsDouble()) : ""));
    }

    /** The competition checks as listed, most exposed first. */
    public List<BankExposure> exposedPrompts() {
        return List.copyOf(exposed.getItems());
    }

    public HistogramChart boardChart() {
        return boardChart;
    }

    public HistogramChart itemChart() {
        return itemChart;
    }
}
