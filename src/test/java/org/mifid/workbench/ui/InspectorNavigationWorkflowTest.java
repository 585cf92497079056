package org.mifid.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.ui.inspector.InspectorItem;
import org.mifid.workbench.ui.inspector.InspectorPage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The inspector's column headings, the compare window walking the list (buttons, arrows, Page Up/Down, the list's
 * selection following), a wide window's lines of several images walked by the keyboard, and a rejected archive's
 * every refused entry, escaped and copyable.
 */
@ExtendWith(ApplicationExtension.class)
class InspectorNavigationWorkflowTest {
    @TempDir
    static Path dir;
    private WorkbenchFixture fixture;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        fixture = new WorkbenchFixture(stage, dir.resolve("ws-" + System.nanoTime()), 8, 8);
        fixture.view.leaderboardPage().table().getSelectionModel().select(0);
        fixture.view.showPage(WorkbenchView.Page.INSPECTOR);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void headingsNameTheColumnsAndTheCompareWindowWalksTheList(FxRobot robot) {
        assertEquals("Generated", robot.lookup("#inspector-col-generated").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#inspector-col-neighbours").queryAs(Label.class).getText()
                .startsWith("Nearest training images"));
        ListView<?> lines = robot.lookup("#inspector-list").queryListView();
        InspectorPage list = fixture.view.inspectorPage();
        assertEquals(TestWorkspaces.IMAGES_PER_ZIP, list.shownItems().size());
        robot.interact(() -> {
            lines.getSelectionModel().select(0);
            lines.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertShown(robot, list, 0);
        assertTrue(robot.lookup("#compare-previous").queryAs(Button.class).isDisabled(), "nothing before the first");

        robot.type(KeyCode.RIGHT);
        assertShown(robot, list, 1);
        robot.type(KeyCode.PAGE_DOWN);
        assertShown(robot, list, 2);
        robot.clickOn("#compare-next");
        assertShown(robot, list, 3);
        robot.type(KeyCode.LEFT);
        assertShown(robot, list, 2);
        robot.type(KeyCode.PAGE_UP);
        assertShown(robot, list, 1);
        robot.clickOn("#compare-previous");
        assertShown(robot, list, 0);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#compare-view").queryAll().isEmpty(), "Escape closed the compare window");
    }

    @Test
    void aWideWindowShowsTwoImagesALineAndTheKeyboardWalksThemInReadingOrder(FxRobot robot) {
        InspectorPage page = fixture.view.inspectorPage();
        ListView<?> lines = robot.lookup("#inspector-list").queryListView();
        robot.interact(() -> stage.setWidth(1000));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, page.columns(), "1,000 pixels hold one image with its neighbours");
        robot.interact(() -> stage.setWidth(1900));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, page.columns());
        assertEquals((TestWorkspaces.IMAGES_PER_ZIP + 1) / 2, lines.getItems().size(), "two images a line");
        long shownSideBySide = robot.lookup(".inspector-row").queryAll().stream()
                .filter(cell -> cell.isVisible() && !robot.from(cell).lookup(".inspector-entry").queryAll().isEmpty())
                .mapToLong(cell -> robot.from(cell).lookup(".inspector-entry").queryAll().stream()
                        .filter(javafx.scene.Node::isVisible).count())
                .max().orElse(0);
        assertEquals(2, shownSideBySide, "a line's cell draws both of its images");
        for (javafx.scene.Node cell : robot.lookup(".inspector-row").queryAll()) {
            javafx.scene.Node graphic = ((javafx.scene.control.ListCell<?>) cell).getGraphic();
            if (graphic != null && graphic.isVisible()) {
                assertTrue(graphic.getLayoutBounds().getWidth() <= lines.getWidth(),
                        "both images fit the width: " + graphic.getLayoutBounds().getWidth() + " of " + lines.getWidth());
            }
        }

        robot.interact(() -> {
            lines.getSelectionModel().select(0);
            lines.requestFocus();
        });
        assertEquals(0, page.selectedItem());
        robot.type(KeyCode.RIGHT);
        assertEquals(1, page.selectedItem(), "Right moves within the line");
        robot.type(KeyCode.DOWN);
        assertEquals(3, page.selectedItem(), "Down keeps the column on the next line");
        assertEquals(1, lines.getSelectionModel().getSelectedIndex());
        robot.type(KeyCode.RIGHT);
        assertEquals(4, page.selectedItem(), "Right at a line's end reads on into the next");
        robot.type(KeyCode.ENTER);
        assertShown(robot, page, 4);
        robot.type(KeyCode.RIGHT);
        assertShown(robot, page, 5);
        assertEquals(2, lines.getSelectionModel().getSelectedIndex(), "the line of image 5 is selected");
        robot.type(KeyCode.ESCAPE);

        robot.interact(() -> stage.setWidth(1000));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, page.columns());
        assertEquals(5, page.selectedItem(), "the same image stays selected when the lines are rebuilt");
        assertEquals(5, lines.getSelectionModel().getSelectedIndex());
    }

    private static void assertShown(FxRobot robot, InspectorPage list, int index) {
        WaitForAsyncUtils.waitForFxEvents();
        InspectorItem item = list.shownItems().get(index);
        assertEquals((index + 1) + " of " + list.shownItems().size(),
                robot.lookup("#compare-position").queryAs(Label.class).getText());
        assertEquals("generated: " + item.name(), robot.lookup("#compare-generated").queryAs(Label.class).getText());
        assertEquals(String.format("cosine distance %.4f", item.neighbourDistances()[0]),
                robot.lookup("#compare-distance").queryAs(Label.class).getText());
        assertEquals(index, list.selectedItem(), "the list follows");
    }

    @Test
    void everyRefusedEntryOfARejectedArchiveIsListedEscapedAndCopyable(FxRobot robot) throws Exception {
        Path zip = dir.resolve("rejected-" + System.nanoTime() + ".zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < 40; i++) {
                z.putNextEntry(new ZipEntry(String.format("fake_%02d.png", i)));
                z.write("not an image".getBytes());
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("evil\u001b[2J.png"));
            z.write("not an image".getBytes());
            z.closeEntry();
        }
        robot.interact(() -> fixture.view.showPage(WorkbenchView.Page.SCORING));
        robot.clickOn("#scoring-archive").write(zip.toString());
        robot.clickOn("#scoring-team").write("Rejected Team");
        robot.clickOn("#scoring-start");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#error-entries").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        String header = robot.lookup(".dialog-pane").queryAs(DialogPane.class).getHeaderText();
        assertTrue(header.contains("(and 40 more refused entries)"), header);
        robot.clickOn("#error-entries");
        WaitForAsyncUtils.waitForFxEvents();
        TextArea entries = robot.lookup("#entries-text").queryAs(TextArea.class);
        String[] lines = entries.getText().split("\n");
        assertEquals(41, lines.length, entries.getText());
        assertTrue(entries.getText().contains("fake_39.png: "), entries.getText());
        assertTrue(entries.getText().contains("evil\\x1b[2J.png"), "the escape byte is shown escaped");
        assertFalse(entries.getText().contains("\u001b"));
        assertFalse(entries.isEditable());
        // selectable as a whole (Ctrl+C, or Copy all: the headless test toolkit has no system clipboard to read)
        robot.interact(entries::selectAll);
        assertEquals(entries.getText(), entries.getSelectedText());
        assertTrue(robot.lookup("#entries-copy").tryQuery().isPresent());
        assertEquals(8, fixture.workspace.submissionCount(), "nothing stored");
    }
}
