package org.mifid.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.core.Board;
import org.mifid.workbench.kind.CompetitionKind;
import org.mifid.workbench.review.EvidenceLine;
import org.mifid.workbench.ui.common.FxTaskExecutor;
import org.mifid.workbench.ui.leaderboard.RankedEntry;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The inspector on a real image-to-prompt workspace: the focused submission's per-image cosines worst first, read
 * on the application's own background executor, filtered by cosine, in a virtualized list.
 */
@ExtendWith(ApplicationExtension.class)
class PromptInspectorWorkflowTest {
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

    private static void settle(FxRobot robot, java.util.function.BooleanSupplier done) throws Exception {
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return done.getAsBoolean();
        });
    }

    @Test
    void showsTheFocusedSubmissionsCosinesWorstFirstAndFiltersByCosine(FxRobot robot) throws Exception {
        TableView<RankedEntry> table = robot.lookup("#leaderboard-table").queryTableView();
        settle(robot, () -> table.getItems().size() == 3);
        int half = table.getItems().stream().map(RankedEntry::team).toList().indexOf("Half");
        long id = table.getItems().get(half).submissionId();
        robot.interact(() -> table.getSelectionModel().clearAndSelect(half));
        robot.interact(() -> fixture.view.showPage(WorkbenchView.Page.INSPECTOR));

        ListView<EvidenceLine> list = robot.lookup("#evidence-list").queryListView();
        List<EvidenceLine> expected = EvidenceLine.worstFirst(fixture.workspace,
                CompetitionKind.of(fixture.workspace), id, Board.PUBLIC);
        settle(robot, () -> list.getItems().size() == expected.size());
        assertEquals(5, expected.size(), "half of the 10 images are public");
        assertEquals(expected, List.copyOf(list.getItems()));
        for (int i = 1; i < expected.size(); i++) {
            assertTrue(expected.get(i - 1).value() <= expected.get(i).value(), "worst first");
        }
        assertTrue(robot.lookup("#evidence-heading").queryAs(Label.class).getText().startsWith("Half"));
        assertTrue(robot.lookup(".list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .anyMatch(c -> c.getGraphic() != null && ((javafx.scene.layout.VBox) c.getGraphic()).getChildren()
                        .stream().anyMatch(n -> ((Label) n).getText().startsWith(expected.get(0).item()
                                + "   cosine " + String.format(java.util.Locale.ROOT, "%.4f",
                                expected.get(0).value())))), "the worst item is shown first with its cosine");

        long above = expected.stream().filter(l -> l.value() >= 0.5).count();
        robot.clickOn("#evidence-min").write("0.5").clickOn("#evidence-apply");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(above, list.getItems().size());
        assertTrue(list.getItems().stream().allMatch(l -> l.value() >= 0.5));
        assertEquals(above + " of 5 items with cosine in range, worst first",
                robot.lookup("#evidence-message").queryAs(Label.class).getText());
        // best first: the same filtered items in the opposite order of the one ordering (ties by id both ways)
        robot.clickOn("#evidence-best-first");
        WaitForAsyncUtils.waitForFxEvents();
        List<EvidenceLine> bestFirst = expected.stream().filter(l -> l.value() >= 0.5)
                .sorted(EvidenceLine.order(CompetitionKind.of(fixture.workspace), true)).toList();
        assertEquals(bestFirst, List.copyOf(list.getItems()));
        for (int i = 1; i < bestFirst.size(); i++) {
            assertTrue(bestFirst.get(i - 1).value() >= bestFirst.get(i).value(), "best first");
        }
        assertEquals(above + " of 5 items with cosine in range, best first",
                robot.lookup("#evidence-message").queryAs(Label.class).getText());
    }
}
