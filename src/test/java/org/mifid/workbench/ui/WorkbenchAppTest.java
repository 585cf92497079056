package org.mifid.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.ui.common.UiSettings;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real application (worker threads, coalesced re-ranking, settings file): it opens the workspace it is
 * given, remembers it and the window geometry, and opens the remembered workspace on the next start.
 */
class WorkbenchAppTest {
    @TempDir
    Path dir;

    @AfterEach
    void clearProperties() throws Exception {
        System.clearProperty("mifid.data");
        System.clearProperty("mifid.ui.workspace");
        FxToolkit.cleanupStages();
    }

    @Test
    void opensTheGivenWorkspaceThenRemembersItAndTheWindow() throws Exception {
        Path workspace = TestWorkspaces.create(dir.resolve("ws"), 30, 0);
        Path data = dir.resolve("data");
        System.setProperty("mifid.data", data.toString());
        System.setProperty("mifid.ui.workspace", workspace.toString());
        Stage stage = FxToolkit.registerPrimaryStage();
        var app = FxToolkit.setupApplication(WorkbenchApp.class);
        FxRobot robot = new FxRobot();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table(robot).getItems().size() == 30);
        assertTrue(stage.getTitle().contains("Generated Dog Images (test)"), stage.getTitle());

        robot.interact(() -> stage.setWidth(1111));
        robot.interact(stage::hide);
        FxToolkit.cleanupApplication(app);
        UiSettings saved = new UiSettings(data.resolve("workbench-ui.properties"));
        assertEquals(workspace.toAbsolutePath().toString(), saved.get("lastWorkspace").orElseThrow());
        assertEquals(1111, saved.getDouble("window.width", 0), 0.5);

        // next start, no workspace named: the remembered one opens, in a window of the remembered size
        System.clearProperty("mifid.ui.workspace");
        var again = FxToolkit.setupApplication(WorkbenchApp.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table(robot).getItems().size() == 30);
        assertEquals(1111, stage.getWidth(), 0.5);
        robot.interact(stage::hide);
        FxToolkit.cleanupApplication(again);
        assertTrue(Files.isRegularFile(data.resolve("workbench-ui.properties")));
    }

    private static TableView<?> table(FxRobot robot) {
        return robot.lookup("#leaderboard-table").queryAll().stream().findFirst()
                .map(n -> (TableView<?>) n).orElse(new TableView<>());
    }
}
