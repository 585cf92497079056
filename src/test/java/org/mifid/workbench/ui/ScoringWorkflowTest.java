package org.mifid.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Scoring from the UI: a failure ends in a dialog that says what to do, and nothing is written. */
@ExtendWith(ApplicationExtension.class)
class ScoringWorkflowTest {
    @TempDir
    static Path dir;
    private WorkbenchFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        fixture = new WorkbenchFixture(stage, dir.resolve("ws-" + System.nanoTime()), 5, 0);
        fixture.view.showPage(WorkbenchView.Page.SCORING);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void failedScoringShowsDialogWithAdviceAndStoresNothing(FxRobot robot) {
        robot.clickOn("#scoring-archive").write(dir.resolve("no-such-submission.zip").toString());
        robot.clickOn("#scoring-team").write("Late Team");
        robot.clickOn("#scoring-start");
        WaitForAsyncUtils.waitForFxEvents();

        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertFalse(dialog.getHeaderText().isBlank());
        String advice = robot.lookup("#error-advice").queryAs(Label.class).getText();
        assertFalse(advice.isBlank());
        assertTrue(robot.lookup("#scoring-message").queryAs(Label.class).getText().startsWith("Failed: "));
        assertFalse(robot.lookup("#scoring-start").queryAs(Button.class).isDisabled(), "ready to try again");
        assertTrue(robot.lookup("#scoring-cancel").queryAs(Button.class).isDisabled());
        assertEquals(5, fixture.workspace.submissionCount(), "nothing stored");
        robot.clickOn(robot.lookup(".dialog-pane .button").queryButton());
    }

    @Test
    void scoringNeedsAnArchiveAndATeam(FxRobot robot) {
        robot.clickOn("#scoring-start");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Choose an archive and give the team name",
                robot.lookup("#scoring-message").queryAs(Label.class).getText());
        assertTrue(robot.lookup(".dialog-pane").queryAll().isEmpty());
    }
}
