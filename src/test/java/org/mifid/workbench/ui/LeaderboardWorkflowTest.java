package org.mifid.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.Verdict;
import org.mifid.workbench.core.VerdictEntry;
import org.mifid.workbench.ui.leaderboard.RankedEntry;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Leaderboard and verdict workflows against a real SQLite workspace. */
@ExtendWith(ApplicationExtension.class)
class LeaderboardWorkflowTest {
    @TempDir
    static Path dir;
    private WorkbenchFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        fixture = new WorkbenchFixture(stage, dir.resolve("ws-" + System.nanoTime()), 40, 0);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private TableView<RankedEntry> table(FxRobot robot) {
        return robot.lookup("#leaderboard-table").queryTableView();
    }

    private static RankedEntry entry(TableView<RankedEntry> table, long submissionId) {
        return table.getItems().stream().filter(e -> e.submissionId() == submissionId).findFirst().orElseThrow();
    }

    @Test
    void showsEveryScoredSubmissionRankedByMifid(FxRobot robot) {
        TableView<RankedEntry> table = table(robot);
        assertEquals(fixture.workspace.leaderboardRows(LeaderboardPreset.PUBLIC).size(), table.getItems().size());
        assertEquals(40, table.getItems().size());
        for (int i = 1; i < table.getItems().size(); i++) {
            assertEquals(i + 1, table.getItems().get(i).rank());
            assertTrue(table.getItems().get(i - 1).mifid() <= table.getItems().get(i).mifid());
        }
        assertEquals("40 of 40 submissions", robot.lookup("#leaderboard-count").queryAs(Label.class).getText());
    }

    @Test
    void hotkeyRecordsVerdictInDatabaseAndShowsBadgeAndUndoAppends(FxRobot robot) {
        TableView<RankedEntry> table = table(robot);
        RankedEntry third = table.getItems().get(2);
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(2);
        });
        robot.type(KeyCode.C);
        WaitForAsyncUtils.waitForFxEvents();

        VerdictEntry saved = fixture.workspace.currentVerdict(third.submissionId()).orElseThrow();
        assertEquals(Verdict.CHEATER, saved.verdict());
        assertEquals("tester", saved.reviewer());
        assertEquals(LeaderboardPreset.PUBLIC, saved.leaderboard());
        assertEquals(Verdict.CHEATER, entry(table, third.submissionId()).verdict());
        assertEquals(40, entry(table, third.submissionId()).rank(), "a cheater verdict ranks the submission last");
        assertEquals(third.submissionId(), table.getSelectionModel().getSelectedItem().submissionId(),
                "the selection follows the submission to its new place");
        robot.interact(() -> table.scrollTo(table.getSelectionModel().getSelectedIndex()));
        assertTrue(robot.lookup(".verdict-badge.verdict-cheater").queryAs(Label.class).isVisible());
        assertEquals("cheater", robot.lookup(".verdict-badge.verdict-cheater").queryAs(Label.class).getText());

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        List<VerdictEntry> history = fixture.workspace.verdictHistory(third.submissionId());
        assertEquals(2, history.size(), "undo appends, never deletes");
        assertEquals(Verdict.NONE, history.get(1).verdict());
        assertEquals(Verdict.NONE, entry(table, third.submissionId()).verdict());
        assertEquals(3, entry(table, third.submissionId()).rank(), "undo gives the place back");
        assertTrue(robot.lookup(".verdict-badge.verdict-cheater").queryAll().stream().noneMatch(n -> n.isVisible()
                && n.getParent() != null && ((javafx.scene.control.TableCell<?, ?>) n.getParent()).getGraphic() == n));
        // the history pane shows both entries of the submission in focus
        assertEquals(2, robot.lookup("#verdict-history-table").queryTableView().getItems().size());
    }

    @Test
    void bulkVerdictOnSelectionIsOneEntryPerSubmission(FxRobot robot) {
        TableView<RankedEntry> table = table(robot);
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().selectRange(0, 3);
        });
        robot.type(KeyCode.L);
        WaitForAsyncUtils.waitForFxEvents();
        for (int i = 0; i < 3; i++) {
            long id = table.getItems().get(i).submissionId();
            assertEquals(Verdict.LEGIT, fixture.workspace.currentVerdict(id).orElseThrow().verdict());
        }
        assertEquals(Verdict.NONE, table.getItems().get(3).verdict());
        assertTrue(fixture.model.statusProperty().get().contains("3 selected submissions"),
                fixture.model.statusProperty().get());
    }

    @Test
    void noteKeepsTheVerdictAndVerdictFilterFinds(FxRobot robot) {
        TableView<RankedEntry> table = table(robot);
        RankedEntry first = table.getItems().get(0);
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(0);
        });
        robot.type(KeyCode.R);
        robot.type(KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#note-editor").write("looks like a crop of dog_017").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        VerdictEntry latest = fixture.workspace.currentVerdict(first.submissionId()).orElseThrow();
        assertEquals(Verdict.NEEDS_REVIEW, latest.verdict(), "a note keeps the verdict");
        assertEquals("looks like a crop of dog_017", latest.note());
        assertEquals(2, fixture.workspace.verdictHistory(first.submissionId()).size());

        robot.interact(() -> robot.lookup("#verdict-filter").queryComboBox()
                .getSelectionModel().select(org.mifid.workbench.ui.leaderboard.LeaderboardModel.VerdictFilter.NEEDS_REVIEW));
        assertEquals(1, table.getItems().size());
        assertEquals(first.submissionId(), table.getItems().get(0).submissionId());
    }

    @Test
    void exportWritesTheAnnotatedLeaderboard(FxRobot robot) throws Exception {
        TableView<RankedEntry> table = table(robot);
        RankedEntry first = table.getItems().get(0);
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(0);
        });
        robot.type(KeyCode.C);
        Path csv = fixture.file.resolveSibling("public.csv");
        robot.interact(() -> fixture.view.export(csv, org.mifid.workbench.export.LeaderboardExporter.Format.CSV));
        String text = java.nio.file.Files.readString(csv);
        assertEquals(41, text.lines().count(), "header and 40 submissions");
        assertTrue(text.lines().anyMatch(line -> line.contains(first.team()) && line.contains("cheater")), text);
        assertTrue(robot.lookup("#status-line").queryAs(Label.class).getText()
                .startsWith("Exported 40 submissions of the public leaderboard"));
    }

    @Test
    void sideBySideShowsTheOtherBoardFollowingTheFocus(FxRobot robot) {
        robot.clickOn("#side-by-side");
        TableView<RankedEntry> table = table(robot);
        robot.interact(() -> table.getSelectionModel().clearAndSelect(5));
        RankedEntry focused = table.getItems().get(5);
        TableView<RankedEntry> beside = robot.lookup("#beside-table").queryTableView();
        assertEquals(40, beside.getItems().size());
        assertEquals("Private rank", beside.getColumns().get(0).getText());
        RankedEntry there = beside.getSelectionModel().getSelectedItem();
        assertEquals(focused.submissionId(), there.submissionId());
        assertEquals(focused.otherRank(), there.rank(), "the rank change column and the other board agree");
        assertEquals(there.row().score().mifidAt(fixture.workspace.threshold(LeaderboardPreset.PRIVATE)),
                there.mifid(), 1e-9);
    }

    @Test
    void themeToggleIsRemembered(FxRobot robot) throws Exception {
        robot.clickOn("Theme");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("dark", new org.mifid.workbench.ui.common.UiSettings(
                fixture.file.resolveSibling("ui.properties")).get("theme").orElseThrow());
        robot.clickOn("Theme");
    }

    @Test
    void searchAndVerdictFilterNarrowTheTable(FxRobot robot) {
        robot.clickOn("#team-search").write("Team 01");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<RankedEntry> table = table(robot);
        assertEquals(10, table.getItems().size(), "Team 010..019");
        assertTrue(table.getItems().stream().allMatch(e -> e.team().startsWith("Team 01")));
        // typing C in the search box must not have recorded a verdict
        assertTrue(fixture.workspace.leaderboardRows(LeaderboardPreset.PUBLIC).stream()
                .allMatch(r -> r.verdict() == null));
    }

    @Test
    void privateLeaderboardShowsRankChangeAgainstPublic(FxRobot robot) {
        robot.clickOn("#board-private");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<RankedEntry> table = table(robot);
        assertEquals(LeaderboardPreset.PRIVATE, fixture.model.leaderboard());
        assertEquals(40, table.getItems().size());
        assertTrue(table.getItems().stream().allMatch(e -> e.otherRank() > 0));
        assertTrue(table.getItems().stream().anyMatch(e -> e.rankChange() != 0),
                "independent public and private scores reorder some teams");
    }
}
