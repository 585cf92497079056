package org.mifid.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.importing.SyntheticResults;
import org.mifid.workbench.store.Workspace;
import org.mifid.workbench.ui.common.FxTaskExecutor;
import org.mifid.workbench.ui.common.RecentWorkspaces;
import org.mifid.workbench.ui.common.UiSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File > Recent workspaces and File > Import results… on the application's own executor: the recent list is
 * persisted most recent first, drops files gone with a note; the import is the command line's, into the open
 * workspace, with a summary of refused rows, a one-line dialog for a bad file, and Cancel storing nothing.
 */
@ExtendWith(ApplicationExtension.class)
class FileMenuWorkflowTest {
    private static final String HEADER = "submission_id,public_score,private_score,FID_public,FID_private,"
            + "distance_public,distance_private,labels\n";
    @TempDir
    static Path dir;
    private final FxTaskExecutor executor = new FxTaskExecutor(2);
    private Path home;
    private WorkbenchFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        home = dir.resolve("ws-" + System.nanoTime());
        fixture = new WorkbenchFixture(stage, home, 5, 0, executor);
    }

    @AfterEach
    void close() {
        executor.close();
        fixture.close();
    }

    @Test
    void recentWorkspacesAreKeptMostRecentFirstAndMissingOnesDropped(FxRobot robot) throws Exception {
        Path a = TestWorkspaces.create(home.resolve("a"), 2, 0);
        Path b = TestWorkspaces.create(home.resolve("b"), 3, 0);
        Path c = TestWorkspaces.create(home.resolve("c"), 4, 0);
        for (Path file : List.of(a, b, c)) {
            robot.interact(() -> fixture.view.openWorkspace(file));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fixture.model.workspace() != null
                    && fixture.model.workspace().file().equals(file));
        }
        WaitForAsyncUtils.waitForFxEvents();
        // persisted in the settings file, most recent first
        RecentWorkspaces saved = new RecentWorkspaces(new UiSettings(home.resolve("ui.properties")));
        assertEquals(List.of(c.toAbsolutePath(), b.toAbsolutePath(), a.toAbsolutePath()), saved.list());

        Files.delete(a);
        Menu file = robot.lookup("#menu-bar").queryAs(MenuBar.class).getMenus().get(0);
        robot.interact(file::show);
        WaitForAsyncUtils.waitForFxEvents();
        Menu recent = (Menu) file.getItems().stream().filter(i -> "menu-recent".equals(i.getId())).findFirst()
                .orElseThrow();
        assertTrue(item(recent, "recent-0").getText().startsWith("workspace.db \u2014 " + c.getParent()));
        assertTrue(item(recent, "recent-1").getText().startsWith("workspace.db \u2014 " + b.getParent()));
        assertTrue(recent.getItems().stream().noneMatch(i -> "recent-2".equals(i.getId())), "the deleted one is gone");
        assertTrue(item(recent, "recent-dropped").getText().contains(a.toString()));
        assertTrue(fixture.model.statusProperty().get().contains("file gone"));
        robot.interact(file::hide);

        robot.interact(() -> item(recent, "recent-1").fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fixture.model.workspace().file().equals(b));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(b.toAbsolutePath(), c.toAbsolutePath()),
                new RecentWorkspaces(new UiSettings(home.resolve("ui.properties"))).list());
        assertEquals(3, fixture.view.leaderboardPage().table().getItems().size());

        // bounded: the oldest fall off
        RecentWorkspaces bounded = new RecentWorkspaces(new UiSettings(home.resolve("bounded.properties")));
        for (int i = 0; i < RecentWorkspaces.LIMIT + 3; i++) {
            bounded.opened(home.resolve("w" + i + ".db"));
        }
        assertEquals(RecentWorkspaces.LIMIT, bounded.list().size());
        assertEquals(home.resolve("w12.db").toAbsolutePath(), bounded.list().get(0));
        robot.interact(fixture.model::closeWorkspace);
    }

    private static MenuItem item(Menu menu, String id) {
        return menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow(
                () -> new AssertionError("no " + id + " in " + menu.getItems()));
    }

    /** Four good rows, a FID that is not a number (with an escape byte in it) and a distance out of range. */
    private Path resultsWithBadRows() throws Exception {
        Path csv = home.resolve("results.csv");
        Files.writeString(csv, HEADER
                + "501,60.1,70.2,60.1,70.2,0.3,0.4,\n"
                + "502,1,2,x\u001b[31m,70.2,0.3,0.4,\n"
                + "503,50,60,50,60,0.25,0.35,\n"
                + "504,40,45,40,45,1.5,0.35,\n"
                + "505,30,999999,30,35,0.02,0.03,mgan\n"
                + "506,20,25,20,25,0.2,0.3,\n");
        return csv;
    }

    private void startImport(FxRobot robot, Path csv) {
        javafx.application.Platform.runLater(() -> fixture.view.importResults(csv));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#import-options").queryAll().isEmpty(), "the options dialog is open");
    }

    @Test
    void importsTheGoodRowsAndListsTheRefusedOnesWithTheirReasons(FxRobot robot) throws Exception {
        Path csv = resultsWithBadRows();
        startImport(robot, csv);
        robot.clickOn("#import-skip");
        robot.clickOn("#import-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#import-summary").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane summary = robot.lookup("#import-summary").queryAs(DialogPane.class);
        assertEquals("Imported 4 of 6 rows from results.csv (kaggle-2019 format)", summary.getHeaderText());
        String details = robot.lookup("#import-details").queryAs(TextArea.class).getText();
        assertTrue(details.startsWith("already in the workspace: 0; disqualified (score 999999, stored with a cheater"
                + " verdict): 1; malformed rows skipped: 2"), details);
        assertTrue(details.contains("skipped " + csv + ":3: FID_public is not a number ('x\\x1b[31m')"), details);
        assertTrue(details.contains("skipped " + csv + ":5: distance_public is outside [0, 1]"), details);
        assertFalse(details.contains("\u001b"), "no control byte reaches the screen");
        assertFalse(robot.lookup("#import-details").queryAs(TextArea.class).isEditable());
        assertEquals(9, fixture.workspace.submissionCount());
        assertEquals(9, fixture.view.leaderboardPage().table().getItems().size(), "the leaderboard shows them");
        robot.clickOn(robot.lookup("#import-summary .button").queryButton());
    }

    @Test
    void importsIntoANewWorkspaceWhichOpensLeavingTheOpenOneUntouched(FxRobot robot) throws Exception {
        Path csv = resultsWithBadRows();
        Path existing = fixture.workspace.file();
        startImport(robot, csv);
        robot.clickOn("#import-skip");
        // a file that exists is no new workspace: said in the dialog, which stays open
        robot.interact(() -> robot.lookup("#import-target").queryAs(TextField.class).setText(existing.toString()));
        robot.clickOn("#import-start");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#import-problem").queryAs(Label.class).getText().contains("already exists"));
        Path created = home.resolve("imported");
        robot.interact(() -> robot.lookup("#import-target").queryAs(TextField.class).setText(created.toString()));
        robot.clickOn("#import-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#import-summary").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Imported 4 of 6 rows from results.csv (kaggle-2019 format)",
                robot.lookup("#import-summary").queryAs(DialogPane.class).getHeaderText());
        Path file = home.resolve("imported.db").toAbsolutePath();
        assertEquals(file, fixture.model.workspace().file().toAbsolutePath(), "the new workspace is the open one");
        assertEquals(4, fixture.model.workspace().submissionCount());
        assertEquals(4, fixture.view.leaderboardPage().table().getItems().size(), "its leaderboard shows them");
        try (Workspace before = Workspace.open(existing)) {
            assertEquals(5, before.submissionCount(), "the workspace open before is untouched");
        }
        robot.clickOn(robot.lookup("#import-summary .button").queryButton());
        robot.interact(fixture.model::closeWorkspace);
    }

    @Test
    void aBadFileIsOneLineAndImportsNothing(FxRobot robot) throws Exception {
        Path csv = resultsWithBadRows();
        startImport(robot, csv);
        robot.clickOn("#import-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#error-advice").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane error = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertTrue(error.getHeaderText().startsWith(csv + ":3: FID_public is not a number"), error.getHeaderText());
        assertFalse(error.getHeaderText().contains("\n"));
        assertTrue(robot.lookup("#error-advice").queryAs(Label.class).getText().startsWith("Nothing was imported"));
        assertEquals(5, fixture.workspace.submissionCount());
        robot.clickOn(robot.lookup(".dialog-pane .button").queryButton());
    }

    @Test
    void aColumnMapTheImporterRefusesKeepsTheDialogOpen(FxRobot robot) throws Exception {
        Path csv = home.resolve("pipeline.csv");
        Files.writeString(csv, "name,fid,dist\nA,30,0.3\nB,20,0.05\n");
        startImport(robot, csv);
        robot.interact(() -> robot.lookup("#import-format").<String>queryComboBox().setValue("generic"));
        robot.clickOn("#import-map").write("name=team, fid=speed");
        robot.clickOn("#import-start");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#import-problem").queryAs(Label.class).getText().contains("unknown field 'speed'"));
        robot.interact(() -> robot.lookup("#import-map").queryAs(TextField.class)
                .setText("name=team, fid=fid_public, dist=distance_public"));
        robot.clickOn("#import-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#import-summary").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Imported 2 of 2 rows from pipeline.csv (generic format)",
                robot.lookup("#import-summary").queryAs(DialogPane.class).getHeaderText());
        assertEquals(7, fixture.workspace.submissionCount());
        robot.clickOn(robot.lookup("#import-summary .button").queryButton());
    }

    @Test
    void cancellingAnImportStoresNothing(FxRobot robot) throws Exception {
        Path csv = home.resolve("large.csv");
        SyntheticResults.write(csv, 300_000, 7);
        startImport(robot, csv);
        robot.clickOn("#import-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#import-progress-message").tryQuery()
                .map(n -> ((Label) n).getText().startsWith("read ")).orElse(false));
        robot.clickOn("#import-cancel");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fixture.model.statusProperty().get().endsWith(
                "cancelled; nothing was imported"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#import-progress").tryQuery().isEmpty(), "the progress window closed");
        assertEquals(5, fixture.workspace.submissionCount());
    }
}
