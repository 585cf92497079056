package org.mifid.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.core.Board;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.kind.CompetitionKind;
import org.mifid.workbench.review.EvidenceLine;
import org.mifid.workbench.ui.common.FxTaskExecutor;
import org.mifid.workbench.ui.leaderboard.RankedEntry;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The inspector on a real image-to-prompt submission of thousands of images, loaded on the application's own
 * executor: only the visible rows exist as cells, however many lines the list holds, and scrolling to any line
 * shows that line. How smooth it is at Kaggle's 16,000 images is {@link InspectorScrollProbe}'s to measure.
 */
@ExtendWith(ApplicationExtension.class)
class PromptInspectorScaleWorkflowTest {
    private static final int IMAGES = 4000;
    @TempDir
    static Path dir;
    private WorkbenchFixture fixture;
    private FxTaskExecutor executor;

    @Start
    void start(Stage stage) throws Exception {
        Path here = dir.resolve("ws-" + System.nanoTime());
        executor = new FxTaskExecutor(2);
        fixture = new WorkbenchFixture(stage, here, PromptWorkspaces.createScaled(here, IMAGES), executor);
    }

    @AfterEach
    void close() {
        fixture.close();
        executor.close();
    }

    @Test
    void aLargeSubmissionKeepsOnlyTheVisibleRowsAsCells(FxRobot robot) throws Exception {
        TableView<RankedEntry> table = robot.lookup("#leaderboard-table").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        robot.interact(() -> {
            fixture.model.leaderboardProperty().set(LeaderboardPreset.PRIVATE);
            table.getSelectionModel().clearAndSelect(0);
            fixture.view.showPage(WorkbenchView.Page.INSPECTOR);
        });
        ListView<EvidenceLine> list = robot.lookup("#evidence-list").queryListView();
        List<EvidenceLine> expected = EvidenceLine.worstFirst(fixture.workspace, CompetitionKind.of(fixture.workspace),
                table.getItems().get(0).submissionId(), Board.PRIVATE);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> list.getItems().size() == expected.size());
        assertEquals(IMAGES * 4 / 5, expected.size(), 40, "about 80 % of the images are private");

        int visible = (int) Math.ceil(list.getHeight() / list.getFixedCellSize());
        for (int target : new int[] {expected.size() / 2, expected.size() - 1, 0}) {
            robot.interact(() -> list.scrollTo(target));
            WaitForAsyncUtils.waitForFxEvents();
            long cells = list.lookupAll(".list-cell").stream().filter(n -> n instanceof ListCell<?>).count();
            assertTrue(cells <= visible + 4, cells + " cells for " + visible + " visible rows of "
                    + expected.size());
            String item = expected.get(target).item();
            assertTrue(robot.lookup(".list-cell .evidence-figure").queryAllAs(Label.class).stream()
                    .anyMatch(l -> l.isVisible() && l.getText().startsWith(item + "   cosine ")),
                    "line " + target + " (" + item + ") is shown after scrolling to it");
        }
    }
}
