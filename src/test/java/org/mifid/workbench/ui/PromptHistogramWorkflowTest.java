package org.mifid.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.core.Board;
import org.mifid.workbench.core.ItemEvidence;
import org.mifid.workbench.kind.BankExposure;
import org.mifid.workbench.kind.CompetitionKind;
import org.mifid.workbench.review.Histogram;
import org.mifid.workbench.review.KindBoard;
import org.mifid.workbench.ui.common.FxTaskExecutor;
import org.mifid.workbench.ui.histogram.HistogramChart;
import org.mifid.workbench.ui.histogram.KindHistogramPage;
import org.mifid.workbench.ui.leaderboard.RankedEntry;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The histogram page of a real image-to-prompt workspace, read on the application's own executor: the board scores
 * of every submission with the kind's baseline, then the focused submission's per-image cosines with the line at
 * the near-exact level, moved by the keyboard and the mouse while the count follows.
 */
@ExtendWith(ApplicationExtension.class)
class PromptHistogramWorkflowTest {
    @TempDir
    static Path dir;
    private WorkbenchFixture fixture;
    private FxTaskExecutor executor;

    @Start
    void start(Stage stage) throws Exception {
        Path here = dir.resolve("ws-" + System.nanoTime());
        executor = new FxTaskExecutor(2);
        fixture = new WorkbenchFixture(stage, here, PromptWorkspaces.create(here), executor);
    }

    @AfterEach
    void close() {
        fixture.close();
        executor.close();
    }

    private static void settle(java.util.function.BooleanSupplier done) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return done.getAsBoolean();
        });
    }

    @Test
    void showsTheBoardScoresWithTheBaselineAndOneSubmissionsCosinesAtTheNearExactLevel(FxRobot robot)
            throws Exception {
        TableView<RankedEntry> table = robot.lookup("#leaderboard-table").queryTableView();
        settle(() -> table.getItems().size() == 3);
        robot.interact(() -> fixture.view.showPage(WorkbenchView.Page.HISTOGRAM));
        KindHistogramPage page = fixture.view.kindHistogramPage();
        HistogramChart boardChart = page.boardChart();
        settle(() -> boardChart.histogramProperty().get() != null);
        assertTrue(robot.lookup("#kind-histogram-page").tryQuery().isPresent(), "the kind's page is in the tab");

        CompetitionKind kind = CompetitionKind.of(fixture.workspace);
        KindBoard board = KindBoard.of(fixture.workspace, kind, Board.PUBLIC);
        Histogram drawn = boardChart.histogramProperty().get();
        int total = 0;
        for (int b = 0; b < drawn.bins(); b++) {
            total += drawn.total(b);
        }
        assertEquals(3, total, "every submission is in one bar");
        assertEquals(board.baseline().getAsDouble(), boardChart.appliedProperty().get(), "the baseline is marked");
        assertTrue(drawn.min() <= board.baseline().getAsDouble() && board.baseline().getAsDouble() <= drawn.max());
        assertTrue(robot.lookup("#kind-board-caption").queryAs(Label.class).getText()
                .contains(board.baselineText().orElseThrow()));

        int half = table.getItems().stream().map(RankedEntry::team).toList().indexOf("Half");
        long id = table.getItems().get(half).submissionId();
        robot.interact(() -> table.getSelectionModel().clearAndSelect(half));
        HistogramChart items = page.itemChart();
        settle(() -> items.histogramProperty().get() != null);
        List<Double> cosines = kind.evidence(fixture.workspace, id, Board.PUBLIC).stream()
                .map(ItemEvidence::value).toList();
        assertEquals(0.95, items.thresholdProperty().get(), "the line starts at the near-exact level");
        Label counts = robot.lookup("#kind-item-counts").queryAs(Label.class);
        assertEquals(countLine(cosines, 0.95), counts.getText());

        // at that level the count is the board's NearExact column, stored with the score
        double nearExact = board.rows().stream().filter(r -> r.row().submission().id() == id).findFirst()
                .orElseThrow().row().score().figure("near_exact");
        assertEquals(nearExact, cosines.stream().filter(v -> v >= 0.95).count() / (double) cosines.size(), 1e-12);

        // the arrow keys' step (Shift: a whole bar) moves the line and the count follows, as on the MiFID page
        robot.clickOn(items);
        for (int i = 0; i < 5; i++) {
            robot.interact(() -> items.step(-10));
        }
        double moved = items.thresholdProperty().get();
        assertTrue(moved < 0.95, "moved: " + moved);
        assertEquals(countLine(cosines, moved), counts.getText());
        // the mouse drags it as well
        robot.drag(items).moveBy(-200, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double dragged = items.thresholdProperty().get();
        assertTrue(dragged != moved, "dragged");
        assertEquals(countLine(cosines, dragged), counts.getText());
    }

    @Test
    void theChecksListTheHiddenPromptsMostExposedByTheBankAsAnalyzePrintsThem(FxRobot robot) throws Exception {
        robot.interact(() -> fixture.view.showPage(WorkbenchView.Page.HISTOGRAM));
        KindHistogramPage page = fixture.view.kindHistogramPage();
        settle(() -> !page.exposedPrompts().isEmpty());
        List<BankExposure> listed = page.exposedPrompts();
        assertEquals(CompetitionKind.of(fixture.workspace).exposedItems(fixture.workspace), listed);
        assertEquals(PromptWorkspaces.IMAGES, listed.size(), "every hidden prompt, public and private");
        for (int i = 1; i < listed.size(); i++) {
            assertTrue(listed.get(i - 1).cosine() >= listed.get(i).cosine(), "most exposed first");
        }
        // the command line lists the same prompts with the same cosines
        java.io.StringWriter out = new java.io.StringWriter();
        int exit = org.mifid.workbench.cli.MifidCommand.commandLine(out, new java.io.StringWriter()).execute("analyze",
                "--db", fixture.workspace.file().toString(), "--leaderboard", "public", "--exposed", "3", "--json");
        assertEquals(0, exit);
        com.fasterxml.jackson.databind.JsonNode printed = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.toString()).get("exposed");
        assertEquals(3, printed.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(listed.get(i).item(), printed.get(i).get("item").asText());
            assertEquals(listed.get(i).cosine(), printed.get(i).get("cosine").asDouble());
            assertEquals(listed.get(i).nearestBankPrompt(), printed.get(i).get("nearest_bank_prompt").asText());
        }
    }

    private static String countLine(List<Double> cosines, double level) {
        long at = cosines.stream().filter(v -> v >= level).count();
        return String.format(Locale.ROOT, "%d of %d images at a cosine >= %.4f (the near-exact level is 0.95)", at,
                cosines.size(), level);
    }
}
