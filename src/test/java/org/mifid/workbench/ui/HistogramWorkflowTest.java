package org.mifid.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.Measure;
import org.mifid.workbench.core.MeasureValues;
import org.mifid.workbench.review.Histogram;
import java.util.Map;
import org.mifid.workbench.review.ThresholdSuggestions;
import org.mifid.workbench.store.LeaderboardRow;
import org.mifid.workbench.store.ThresholdChange;
import org.mifid.workbench.ui.histogram.HistogramChart;
import org.mifid.workbench.ui.leaderboard.RankedEntry;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The threshold workflow: drag or key the line, watch the counts and the ranking, apply and find it in the DB. */
@ExtendWith(ApplicationExtension.class)
class HistogramWorkflowTest {
    @TempDir
    static Path dir;
    private WorkbenchFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        fixture = new WorkbenchFixture(stage, dir.resolve("ws-" + System.nanoTime()), 60, 0);
        fixture.view.showPage(WorkbenchView.Page.HISTOGRAM);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private long flaggedInDatabase(double threshold) {
        return fixture.workspace.leaderboardRows(LeaderboardPreset.PUBLIC).stream()
                .filter(r -> r.score().distance() < threshold).count();
    }

    @Test
    void aCopyingMeasureIsShownUnderTheDistanceWithItsFlagLevelAndTheThresholdStaysOnTheDistance(FxRobot robot) {
        HistogramChart measure = fixture.view.histogramPage().measureChart();
        Map<Long, MeasureValues> stored = fixture.workspace.measures(LeaderboardPreset.PUBLIC);
        Histogram drawn = measure.histogramProperty().get();
        int total = 0;
        for (int b = 0; b < drawn.bins(); b++) {
            total += drawn.total(b);
        }
        assertEquals(stored.size(), total, "every submission with a copy share is in one bar");
        assertTrue(total > 0);
        assertEquals(0.10, measure.appliedProperty().get(), "copy share's flag level is the dashed line");
        double live = fixture.model.liveThresholdProperty().get();

        robot.interact(() -> fixture.view.histogramPage().showMeasure(Measure.CT));
        assertEquals(0, measure.histogramProperty().get().tallest(), "C_T has no value without a held-out set");
        assertTrue(text(robot, "#measure-caption").startsWith("no submission on this board has this measure"));
        assertEquals(live, fixture.model.liveThresholdProperty().get(), "the MiFID threshold did not move");
    }

    @Test
    void draggingTheLineUpdatesCountsAndRerankesAndApplyWritesHistory(FxRobot robot) {
        assertEquals("Flagged: " + flaggedInDatabase(0.1) + " submissions", text(robot, "#flagged-count"));
        HistogramChart chart = robot.lookup("#histogram-chart").queryAs(HistogramChart.class);
        Point2D from = chart.localToScreen(chart.xOf(0.1), chart.getHeight() / 2);
        Point2D to = chart.localToScreen(chart.xOf(0.25), chart.getHeight() / 2);
        robot.moveTo(from).press(MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        double live = fixture.model.liveThresholdProperty().get();
        assertEquals(0.25, live, 0.01, "the line follows the mouse");
        assertEquals("Flagged: " + flaggedInDatabase(live) + " submissions", text(robot, "#flagged-count"));
        assertNotEquals(flaggedInDatabase(0.1), flaggedInDatabase(live));
        assertTrue(text(robot, "#threshold-label").contains("percentile"));
        assertTrue(text(robot, "#auc-label").startsWith("AUC of distance vs labels: "), text(robot, "#auc-label"));

        // the leaderboard re-ranked at the live threshold
        TableView<RankedEntry> table = robot.lookup("#leaderboard-table").queryTableView();
        List<RankedEntry> shown = table.getItems();
        for (RankedEntry entry : shown) {
            assertEquals(entry.row().score().mifidAt(live), entry.mifid(), 1e-9);
            assertEquals(entry.row().score().distance() < live, entry.penalised());
        }

        // the histogram page shows the head of the live ranking
        List<RankedEntry> top = robot.lookup("#live-top").<RankedEntry>queryListView().getItems();
        assertEquals(10, top.size());
        assertEquals(shown.stream().filter(e -> e.rank() <= 10).map(RankedEntry::submissionId).sorted().toList(),
                top.stream().map(RankedEntry::submissionId).sorted().toList());

        // arrow keys move it in small steps
        robot.clickOn(chart);
        double beforeKey = fixture.model.liveThresholdProperty().get();
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fixture.model.liveThresholdProperty().get() > beforeKey);
        double applied = fixture.model.liveThresholdProperty().get();

        // nothing saved until Apply
        assertEquals(0, fixture.workspace.thresholdHistory(LeaderboardPreset.PUBLIC).size());
        robot.clickOn("#threshold-note").write("first look");
        robot.clickOn("#apply-threshold");
        WaitForAsyncUtils.waitForFxEvents();
        List<ThresholdChange> history = fixture.workspace.thresholdHistory(LeaderboardPreset.PUBLIC);
        assertEquals(1, history.size());
        assertEquals(applied, history.get(0).epsilon(), 1e-12);
        assertEquals("tester", history.get(0).changedBy());
        assertEquals("first look", history.get(0).note());
        assertEquals(applied, fixture.workspace.threshold(LeaderboardPreset.PUBLIC), 1e-12);
        assertEquals(1, robot.lookup("#threshold-history").queryListView().getItems().size());
        assertTrue(text(robot, "#applied-threshold").contains(String.format("%.4f", applied)));
    }

    @Test
    void labelledCleanSubmissionsBelowTheThresholdAreCounted(FxRobot robot) {
        robot.interact(() -> fixture.model.liveThresholdProperty().set(0.2));
        List<LeaderboardRow> rows = fixture.workspace.leaderboardRows(LeaderboardPreset.PUBLIC);
        long clean = rows.stream().filter(r -> r.submission().labelledClean()).count();
        long flaggedClean = rows.stream()
                .filter(r -> r.submission().labelledClean() && r.score().distance() < 0.2).count();
        assertEquals("Flagged but labelled legitimate: " + flaggedClean + " of " + clean,
                text(robot, "#flagged-clean-count"));
    }

    @Test
    void snappingToASuggestionPreviewsItAndApplyingRecordsTheRule(FxRobot robot) {
        List<LeaderboardRow> rows = fixture.workspace.leaderboardRows(LeaderboardPreset.PUBLIC);
        ThresholdSuggestions.Suggestion first = ThresholdSuggestions.suggest(rows, 10).get(0);
        assertEquals("first-legitimate", first.rule());
        assertTrue(text(robot, "#suggestion-first-legitimate").contains(String.format("%.4f", first.threshold())));
        assertTrue(text(robot, "#suggestion-first-legitimate").contains("flags " + first.flagged() + " ("));
        assertEquals(3, robot.lookup("#histogram-chart").queryAs(HistogramChart.class)
                .suggestionsProperty().get().size(), "each rule is a marker on the axis");

        robot.interact(() -> robot.lookup("#snap-first-legitimate").queryButton().fire());
        assertEquals(first.threshold(), fixture.model.liveThresholdProperty().get(), 0);
        assertTrue(text(robot, "#leaderboard-threshold").startsWith("Preview at "),
                "the leaderboard says its ranking is a preview: " + text(robot, "#leaderboard-threshold"));

        robot.clickOn("#apply-threshold");
        WaitForAsyncUtils.waitForFxEvents();
        List<ThresholdChange> history = fixture.workspace.thresholdHistory(LeaderboardPreset.PUBLIC);
        assertEquals(1, history.size());
        assertEquals(first.threshold(), history.get(0).epsilon(), 0);
        assertEquals("first-legitimate", history.get(0).rule());
        assertEquals(String.format("Threshold %.4f in force", first.threshold()),
                text(robot, "#leaderboard-threshold"));

        // moved by hand after snapping, the line is no longer the rule's
        robot.interact(() -> robot.lookup("#snap-min-cost").queryButton().fire());
        robot.interact(() -> fixture.model.liveThresholdProperty().set(first.threshold() / 2));
        robot.clickOn("#apply-threshold");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, fixture.workspace.thresholdHistory(LeaderboardPreset.PUBLIC).get(1).rule());
    }

    @Test
    void theInspectionQueueOpensTheNearestUnjudgedInOrder(FxRobot robot) throws Exception {
        List<LeaderboardRow> rows = fixture.workspace.leaderboardRows(LeaderboardPreset.PUBLIC);
        ThresholdSuggestions.Suggestion first = ThresholdSuggestions.suggest(rows, 10).get(0);
        List<Long> queue = ThresholdSuggestions.inspectionQueue(rows, first.threshold(), 20).stream()
                .map(r -> r.submission().id()).toList();
        assertTrue(queue.size() >= 2, "the fixture has unjudged submissions");

        robot.interact(() -> robot.lookup("#inspect-first-legitimate").queryButton().fire());
        assertEquals(WorkbenchView.Page.INSPECTOR, fixture.view.currentPage());
        assertEquals(queue.get(0), fixture.model.focusedSubmissionProperty().get());

        // a verdict on the one in focus moves to the next in the queue
        robot.type(KeyCode.L);
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> fixture.model.focusedSubmissionProperty().get() == queue.get(1));
        assertEquals(org.mifid.workbench.core.Verdict.LEGIT,
                fixture.workspace.currentVerdict(queue.get(0)).orElseThrow().verdict());
    }
}
