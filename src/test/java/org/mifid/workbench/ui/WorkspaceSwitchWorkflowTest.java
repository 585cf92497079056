package org.mifid.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.store.Workspace;
import org.mifid.workbench.ui.common.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Opening another workspace while a score runs in the first, on the application's own executor: the score is
 * stored in the workspace it started in (closed only afterwards), nothing fails, and the other one is untouched.
 */
@ExtendWith(ApplicationExtension.class)
class WorkspaceSwitchWorkflowTest {
    @TempDir
    static Path dir;
    private final FxTaskExecutor executor = new FxTaskExecutor(2);
    private WorkbenchFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        fixture = new WorkbenchFixture(stage, dir.resolve("first"), 5, 0, executor);
        fixture.view.showPage(WorkbenchView.Page.SCORING);
    }

    @AfterEach
    void close() {
        executor.close();
        fixture.close();
    }

    @Test
    void aScoreRunningWhenAnotherWorkspaceOpensIsStoredWhereItStarted(FxRobot robot) throws Exception {
        Path zip = ScoringWorkflowTest.scorableArchive(fixture, dir);
        robot.interact(fixture.model::reload);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#scoring-archive").write(zip.toString());
        robot.clickOn("#scoring-team").write("Fresh Team");
        Path second = TestWorkspaces.create(dir.resolve("second"), 3, 0);
        Workspace other = Workspace.open(second);
        try {
            robot.clickOn("#scoring-start");
            // the network is still loading: the first workspace's close is queued now, while the score runs
            robot.interact(() -> fixture.model.open(other));
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                    () -> !robot.lookup("#scoring-start").queryAs(Button.class).isDisabled());
            WaitForAsyncUtils.waitForFxEvents();
            String message = robot.lookup("#scoring-message").queryAs(Label.class).getText();
            assertTrue(message.startsWith("Scored Fresh Team on the public board")
                    && message.endsWith("stored in the workspace open when it started"), message);
            assertTrue(robot.lookup(".dialog-pane").queryAll().isEmpty(), "no failure dialog");
            assertEquals(3, other.submissionCount(), "the workspace opened meanwhile is untouched");
            assertThrows(IllegalStateException.class, fixture.workspace::competitionName,
                    "the first workspace is closed once the score in it ended");
        } finally {
            robot.interact(fixture.model::closeWorkspace);
        }
        try (Workspace first = Workspace.open(fixture.file)) {
            assertEquals(6, first.submissionCount());
        }
    }
}
