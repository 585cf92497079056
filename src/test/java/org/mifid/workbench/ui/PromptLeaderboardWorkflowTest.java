package org.mifid.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.core.Board;
import org.mifid.workbench.core.Verdict;
import org.mifid.workbench.core.VerdictEntry;
import org.mifid.workbench.kind.CompetitionKind;
import org.mifid.workbench.review.KindBoard;
import org.mifid.workbench.ui.common.CurrentThreadTaskExecutor;
import org.mifid.workbench.ui.leaderboard.RankedEntry;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The leaderboard page on a real image-to-prompt workspace: the kind's columns and ranking, verdicts, undo. */
@ExtendWith(ApplicationExtension.class)
class PromptLeaderboardWorkflowTest {
    @TempDir
    static Path dir;
    private WorkbenchFixture fixture;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path here = dir.resolve("ws-" + System.nanoTime());
        fixture = new WorkbenchFixture(stage, here, PromptWorkspaces.create(here), new CurrentThreadTaskExecutor());
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private TableView<RankedEntry> table(FxRobot robot) {
        return robot.lookup("#leaderboard-table").queryTableView();
    }

    @Test
    void showsTheKindsColumnsRankedAsKindBoardRanksAndTheKindInTheStatusLine(FxRobot robot) {
        TableView<RankedEntry> table = table(robot);
        List<String> headers = table.getColumns().stream().map(TableColumn::getText).toList();
        assertTrue(headers.containsAll(List.of("Score", "Images", "ZeroVectors", "Verdict", "Label")), headers.toString());
        assertTrue(headers.stream().noneMatch(h -> h.equals("MiFID") || h.equals("FID")), headers.toString());

        KindBoard board = KindBoard.of(fixture.workspace, CompetitionKind.of(fixture.workspace), Board.PUBLIC);
        assertEquals(3, table.getItems().size());
        assertEquals(List.of("Perfect", "Half", "Negated"), table.getItems().stream().map(RankedEntry::team).toList());
        for (int i = 0; i < board.rows().size(); i++) {
            KindBoard.Ranked ranked = board.rows().get(i);
            RankedEntry shown = table.getItems().get(i);
            assertEquals(ranked.rank(), shown.rank());
            // the cells read exactly what the CLI and the exports print for the row
            List<String> cells = board.cells(ranked);
            for (int c = 0; c < cells.size(); c++) {
                TableColumn<RankedEntry, ?> column = table.getColumns().get(headers.indexOf(
                        board.kind().columns().get(c).header()));
                assertEquals(cells.get(c), cellText(robot, table, column, i), board.kind().columns().get(c).header());
            }
        }
        assertTrue(headers.contains("NearExact"), headers.toString());
        // the baseline as the CLI and the exports say it, on the toolbar beside the ranking's direction
        String baseline = board.baselineText().orElseThrow();
        assertTrue(baseline.startsWith("mean-vector baseline "), baseline);
        assertEquals("Ranked by score, higher first; " + baseline,
                robot.lookup("#leaderboard-threshold").queryAs(javafx.scene.control.Label.class).getText());
        assertEquals("1.000000", cellText(robot, table, table.getColumns().get(headers.indexOf("Score")), 0));
        String status = robot.lookup("#status-line").queryAs(Label.class).getText();
        assertTrue(status.contains("Image to prompt") && status.contains("3 submissions on the public"), status);
        assertTrue(robot.lookup("#leaderboard-threshold").queryAs(Label.class).getText().contains("higher first"));
    }

    @Test
    void aCheaterVerdictRanksLastInDatabaseAndUndoGivesThePlaceBack(FxRobot robot) {
        TableView<RankedEntry> table = table(robot);
        RankedEntry first = table.getItems().get(0);
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(0);
        });
        robot.type(KeyCode.C);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Verdict.CHEATER, fixture.workspace.currentVerdict(first.submissionId()).orElseThrow().verdict());
        RankedEntry moved = table.getItems().stream().filter(e -> e.submissionId() == first.submissionId())
                .findFirst().orElseThrow();
        assertEquals(3, moved.rank(), "a cheater verdict ranks the submission last, as KindBoard does");
        assertTrue(moved.disqualified());

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        List<VerdictEntry> history = fixture.workspace.verdictHistory(first.submissionId());
        assertEquals(2, history.size(), "undo appends to the audit trail");
        assertEquals(Verdict.NONE, history.get(1).verdict());
        assertEquals(first.submissionId(), table.getItems().get(0).submissionId(), "undo gives the place back");
    }

    @Test
    void openingThePromptWorkspaceNamesTheKindInTheTitle(FxRobot robot) {
        robot.interact(() -> fixture.view.openWorkspace(fixture.file));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.getTitle().contains("Image to prompt"), stage.getTitle());
    }

    private static String cellText(FxRobot robot, TableView<RankedEntry> table, TableColumn<RankedEntry, ?> column,
                                   int row) {
        return robot.lookup(".table-cell").queryAll().stream()
                .map(n -> (javafx.scene.control.TableCell<?, ?>) n)
                .filter(c -> c.getTableColumn() == column && c.getIndex() == row && c.getTableView() == table)
                .map(javafx.scene.control.TableCell::getText).findFirst().orElseThrow();
    }
}
