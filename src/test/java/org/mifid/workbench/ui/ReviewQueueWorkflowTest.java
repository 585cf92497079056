package org.mifid.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.core.Verdict;
import org.mifid.workbench.ui.common.FxTaskExecutor;
import org.mifid.workbench.ui.leaderboard.LeaderboardModel.VerdictFilter;
import org.mifid.workbench.ui.leaderboard.RankedEntry;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The review queue: the flagged submissions without a verdict, decided one after another from the keyboard (the
 * next one follows each verdict), Enter opening the inspector; search by submission id and file name. Runs on the
 * application's own executor.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewQueueWorkflowTest {
    @TempDir
    static Path dir;
    private final FxTaskExecutor executor = new FxTaskExecutor(2);
    private WorkbenchFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        fixture = new WorkbenchFixture(stage, dir.resolve("ws-" + System.nanoTime()), 30, 0, executor);
    }

    @AfterEach
    void close() {
        executor.close();
        fixture.close();
    }

    @SuppressWarnings("unchecked")
    @Test
    void flaggedUndecidedSubmissionsAreDecidedOneAfterAnother(FxRobot robot) throws Exception {
        TableView<RankedEntry> table = robot.lookup("#leaderboard-table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 30);
        ComboBox<VerdictFilter> filter = robot.lookup("#verdict-filter").queryComboBox();
        robot.interact(() -> filter.setValue(VerdictFilter.FLAGGED_UNDECIDED));
        WaitForAsyncUtils.waitForFxEvents();
        List<Long> queue = table.getItems().stream().map(RankedEntry::submissionId).toList();
        assertTrue(queue.size() >= 3, "flagged submissions in the test workspace: " + queue.size());
        assertTrue(table.getItems().stream().allMatch(e -> e.penalised() && e.verdict() == Verdict.NONE));

        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(0);
        });
        KeyCode[] decisions = {KeyCode.C, KeyCode.L, KeyCode.R};
        for (int i = 0; i < decisions.length; i++) {
            long expected = queue.get(i);
            assertEquals(expected, table.getSelectionModel().getSelectedItem().submissionId(), "queue position " + i);
            robot.type(decisions[i]);
            int left = queue.size() - i - 1;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!(table.getItems().size() == left
                    && (left == 0 || table.getSelectionModel().getSelectedItem() != null))) {
                assertTrue(System.nanoTime() < deadline, "after decision " + i + ": " + table.getItems().size()
                        + " rows (expected " + left + "), selected " + table.getSelectionModel().getSelectedItem()
                        + ", stored " + fixture.workspace.verdictHistory(expected));
                Thread.sleep(50);
                WaitForAsyncUtils.waitForFxEvents();
            }
        }
        assertEquals(Verdict.CHEATER, fixture.workspace.currentVerdict(queue.get(0)).orElseThrow().verdict());
        assertEquals(Verdict.LEGIT, fixture.workspace.currentVerdict(queue.get(1)).orElseThrow().verdict());
        assertEquals(Verdict.NEEDS_REVIEW, fixture.workspace.currentVerdict(queue.get(2)).orElseThrow().verdict());

        if (queue.size() > 3) {
            assertEquals(queue.get(3), table.getSelectionModel().getSelectedItem().submissionId());
            robot.type(KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(WorkbenchView.Page.INSPECTOR, fixture.view.currentPage(), "Enter opens the inspector");
            assertEquals(queue.get(3).longValue(), fixture.model.focusedSubmissionProperty().get());
        }
    }

    @Test
    void searchFindsTeamsSubmissionIdsAndFileNames(FxRobot robot) throws Exception {
        TableView<RankedEntry> table = robot.lookup("#leaderboard-table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 30);
        RankedEntry some = table.getItems().get(7);
        String file = some.row().submission().fileName();
        robot.interact(() -> robot.lookup("#team-search").queryTextInputControl().setText("#" + some.submissionId()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(some.submissionId()), table.getItems().stream().map(RankedEntry::submissionId).toList());
        robot.interact(() -> robot.lookup("#team-search").queryTextInputControl().setText(file));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(table.getItems().stream().anyMatch(e -> e.submissionId() == some.submissionId()), file);
        assertTrue(table.getItems().stream().allMatch(e -> e.row().submission().fileName().contains(file)
                || e.team().contains(file)));
    }
}
