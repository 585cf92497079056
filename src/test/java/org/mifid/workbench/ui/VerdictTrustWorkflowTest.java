package org.mifid.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.Verdict;
import org.mifid.workbench.core.VerdictEntry;
import org.mifid.workbench.export.LeaderboardExporter;
import org.mifid.workbench.store.LeaderboardRow;
import org.mifid.workbench.store.Workspace;
import org.mifid.workbench.ui.WorkbenchView.Page;
import org.mifid.workbench.ui.common.FxTaskExecutor;
import org.mifid.workbench.ui.leaderboard.RankedEntry;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Verdicts the organizer can trust, on the application's own executor (a worker pool and one writer thread),
 * so that the order of writes and the threads they run on are the real ones.
 */
@ExtendWith(ApplicationExtension.class)
class VerdictTrustWorkflowTest {
    @TempDir
    static Path dir;
    private final FxTaskExecutor executor = new FxTaskExecutor(2);
    private WorkbenchFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        fixture = new WorkbenchFixture(stage, dir.resolve("ws-" + System.nanoTime()), 12, 0, executor);
    }

    @AfterEach
    void close() {
        executor.close();
        fixture.close();
    }

    private TableView<RankedEntry> table(FxRobot robot) throws Exception {
        TableView<RankedEntry> table = robot.lookup("#leaderboard-table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 12);
        return table;
    }

    private void select(FxRobot robot, TableView<RankedEntry> table, int row) {
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(row);
        });
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void quickKeysAreStoredInTheOrderTheyWereTyped(FxRobot robot) throws Exception {
        TableView<RankedEntry> table = table(robot);
        KeyCode[] keys = {KeyCode.C, KeyCode.L, KeyCode.C, KeyCode.L, KeyCode.C, KeyCode.L, KeyCode.C, KeyCode.L};
        for (int round = 0; round < 6; round++) {
            int row = round;
            select(robot, table, row);
            long id = table.getItems().get(row).submissionId();
            robot.type(keys);
            waitFor(() -> fixture.workspace.verdictHistory(id).size() == keys.length);
            List<Verdict> stored = fixture.workspace.verdictHistory(id).stream().map(VerdictEntry::verdict).toList();
            assertEquals(List.of(Verdict.CHEATER, Verdict.LEGIT, Verdict.CHEATER, Verdict.LEGIT, Verdict.CHEATER,
                    Verdict.LEGIT, Verdict.CHEATER, Verdict.LEGIT), stored, "round " + round);
            assertEquals(Verdict.LEGIT, fixture.workspace.currentVerdict(id).orElseThrow().verdict());
            waitFor(() -> table.getItems().stream().filter(e -> e.submissionId() == id).findFirst()
                    .orElseThrow().verdict() == Verdict.LEGIT);
        }
    }

    @Test
    void undoNeverReachesAnotherWorkspace(FxRobot robot) throws Exception {
        TableView<RankedEntry> table = table(robot);
        select(robot, table, 0);
        long id = table.getItems().get(0).submissionId();
        robot.type(KeyCode.C);
        waitFor(() -> fixture.workspace.currentVerdict(id).isPresent());
        Button undo = robot.lookup("#undo-button").queryButton();
        assertTrue(!undo.isDisabled(), "undo is offered for the mark");

        Path other = TestWorkspaces.create(dir.resolve("other-" + System.nanoTime()), 12, 0);
        robot.interact(() -> fixture.model.open(Workspace.open(other)));
        waitFor(() -> fixture.model.workspace().file().equals(other) && table.getItems().size() == 12);
        assertTrue(undo.isDisabled(), "the undo history belongs to the workspace it was made in");

        robot.interact(table::requestFocus);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        try (Workspace reopened = Workspace.open(other)) {
            for (LeaderboardRow row : reopened.leaderboardRows(LeaderboardPreset.PUBLIC)) {
                assertTrue(reopened.verdictHistory(row.submission().id()).isEmpty(),
                        "nothing was written to the other workspace");
            }
        }
    }

    @Test
    void undoRestoresTheNoteAndKeepsItsDescriptionOutOfIt(FxRobot robot) throws Exception {
        TableView<RankedEntry> table = table(robot);
        select(robot, table, 1);
        RankedEntry entry = table.getItems().get(1);
        long id = entry.submissionId();
        robot.interact(() -> fixture.view.review().recorder().note(entry.row(), "looks novel to me"));
        waitFor(() -> fixture.workspace.verdictHistory(id).size() == 1);
        robot.type(KeyCode.C);
        waitFor(() -> fixture.workspace.verdictHistory(id).size() == 2);
        assertEquals("looks novel to me", fixture.workspace.currentVerdict(id).orElseThrow().note(),
                "a mark keeps the organizer's note");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitFor(() -> fixture.workspace.verdictHistory(id).size() == 3);

        VerdictEntry current = fixture.workspace.currentVerdict(id).orElseThrow();
        assertEquals(Verdict.NONE, current.verdict());
        assertEquals("looks novel to me", current.note());
        assertTrue(current.action().startsWith("undo: mark"), current.action());

        Path csv = dir.resolve("board-" + System.nanoTime() + ".csv");
        LeaderboardExporter.export(fixture.workspace, LeaderboardPreset.PUBLIC, LeaderboardExporter.Format.CSV, csv);
        String exported = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(exported.contains("looks novel to me"), exported);
        assertTrue(!exported.contains("undo:"), "the audit description is not the organizer's note");
    }

    /** Focuses a text input as a click would (an editable combo box keeps the focus itself) and types. */
    private void typeInto(FxRobot robot, String query, Page page, KeyCode... keys) {
        robot.interact(() -> {
            if (page != null) {
                fixture.view.showPage(page);
            }
        });
        Node input = robot.lookup(query).query();
        robot.interact(input::requestFocus);
        assertEquals(input, input.getScene().getFocusOwner(), query + " has the focus");
        robot.type(keys);
    }

    @Test
    void reviewKeysTypedIntoTextInputsRecordNothing(FxRobot robot) throws Exception {
        TableView<RankedEntry> table = table(robot);
        select(robot, table, 2);
        long id = table.getItems().get(2).submissionId();
        KeyCode[] bound = {KeyCode.C, KeyCode.L, KeyCode.R, KeyCode.N};

        // the search box last: what is typed there filters the table and so empties the selection
        typeInto(robot, "#scoring-extractor", Page.SCORING, bound);
        typeInto(robot, "#threshold-note", Page.HISTOGRAM, bound);
        typeInto(robot, "#team-search", Page.LEADERBOARD, bound);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);

        assertTrue(fixture.workspace.verdictHistory(id).isEmpty(), "no verdict from typing");
        assertNull(robot.lookup("#note-editor").tryQuery().orElse(null), "no note dialog opened");
        long windows = Window.getWindows().stream().filter(Window::isShowing).count();
        assertEquals(1, windows, "no dialog opened");
        Node focus = table.getScene().getFocusOwner();
        assertTrue(focus != null, "something has the focus");
    }
}
