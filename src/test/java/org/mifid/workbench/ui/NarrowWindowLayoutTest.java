package org.mifid.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.ui.leaderboard.RankedEntry;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue #10 item 14, in a window 1,000 pixels wide: side by side, both tables have a caption, full column headings
 * and rows of one height; the inspector's filter bar keeps every control's text; an empty list says why it is empty.
 */
@ExtendWith(ApplicationExtension.class)
class NarrowWindowLayoutTest {
    @TempDir
    static Path dir;
    private WorkbenchFixture fixture;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        fixture = new WorkbenchFixture(stage, dir.resolve("ws-" + System.nanoTime()), 12, 4);
        stage.setWidth(1000);
        stage.setHeight(700);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    /** What the skin draws is what the control holds: a cut-off text is drawn with an ellipsis instead. */
    private static void assertNotTruncated(Labeled labeled) {
        Node text = labeled.lookup(".text");
        assertTrue(text instanceof Text, "no text node in " + labeled);
        assertEquals(labeled.getText(), ((Text) text).getText(), "drawn cut off: " + labeled.getText());
    }

    @Test
    void sideBySideTablesHaveCaptionsFullHeadingsAndLevelRows(FxRobot robot) {
        robot.interact(() -> fixture.view.leaderboardPage().setSideBySide(true));
        WaitForAsyncUtils.waitForFxEvents();
        Label caption = robot.lookup("#beside-caption").queryAs(Label.class);
        assertTrue(caption.isVisible() && caption.getText().startsWith("Private leaderboard"), caption.getText());
        Label mine = robot.lookup("#table-caption").queryAs(Label.class);
        assertTrue(mine.isVisible() && mine.getText().startsWith("Public leaderboard"), mine.getText());
        TableView<RankedEntry> beside = robot.lookup("#beside-table").queryTableView();
        TableView<RankedEntry> table = fixture.view.leaderboardPage().table();
        for (Node header : beside.lookupAll(".column-header .label")) {
            assertNotTruncated((Labeled) header);
        }
        assertTrue(beside.lookupAll(".column-header .label").stream()
                .anyMatch(n -> "Private rank".equals(((Labeled) n).getText())));
        assertTrue(table.getFixedCellSize() > 0);
        assertEquals(table.getFixedCellSize(), beside.getFixedCellSize());

        robot.interact(() -> fixture.view.leaderboardPage().setSideBySide(false));
        assertFalse(robot.lookup("#table-caption").queryAs(Label.class).isVisible());
    }

    @Test
    void inspectorControlsKeepTheirTextAndAnEmptyRangeSaysSo(FxRobot robot) throws Exception {
        robot.interact(() -> {
            fixture.view.leaderboardPage().table().getSelectionModel().select(0);
            fixture.view.showPage(WorkbenchView.Page.INSPECTOR);
        });
        ListView<?> list = robot.lookup("#inspector-list").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !list.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : new String[] {"#range-apply"}) {
            assertNotTruncated(robot.lookup(id).queryAs(Labeled.class));
        }
        robot.lookup(".button").queryAllAs(Labeled.class).stream()
                .filter(b -> b.isVisible() && b.getScene() != null && "All images".equals(b.getText()))
                .forEach(NarrowWindowLayoutTest::assertNotTruncated);

        // a range every image falls outside: the list says so, not "select a submission"
        robot.clickOn("#range-min").write("5");
        robot.clickOn("#range-apply");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, list.getItems()::isEmpty);
        String empty = robot.lookup("#inspector-empty").queryAs(Label.class).getText();
        assertTrue(empty.startsWith("No image within the nearest-distance range"), empty);
    }
}
