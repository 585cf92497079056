package org.mifid.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mifid.workbench.ui.common.PageKey;
import org.mifid.workbench.ui.help.ShortcutSheet.Shortcut;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Help > Keyboard shortcuts lists what the menus and pages really bind (a key rebound in the settings file shows
 * as rebound), every command has a key, and the keys do what the sheet says.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardWorkflowTest {
    @TempDir
    static Path dir;
    private WorkbenchFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        Path home = dir.resolve("ws-" + System.nanoTime());
        Files.createDirectories(home);
        Properties rebound = new Properties();
        rebound.setProperty("key.mark_legit", "G");
        try (OutputStream out = Files.newOutputStream(home.resolve("ui.properties"))) {
            rebound.store(out, null);
        }
        fixture = new WorkbenchFixture(stage, home, 6, 0);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theSheetListsEveryMenuKeyAsBoundAndEveryPageKey(FxRobot robot) {
        robot.interact(() -> fixture.view.leaderboardPage().table().requestFocus());
        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<Shortcut> sheet = robot.lookup("#shortcut-table").queryAs(TableView.class);
        List<Shortcut> rows = sheet.getItems();

        List<MenuItem> commands = new ArrayList<>();
        for (Menu menu : robot.lookup("#menu-bar").queryAs(MenuBar.class).getMenus()) {
            commands.addAll(menu.getItems());
        }
        assertTrue(commands.size() > 15, "menus found: " + commands.size());
        for (MenuItem item : commands) {
            if (item instanceof SeparatorMenuItem || item instanceof Menu) {
                continue;
            }
            assertNotNull(item.getAccelerator(), item.getText() + " has no key");
            String keys = item.getAccelerator().getDisplayText();
            assertTrue(rows.stream().anyMatch(r -> r.keys().equals(keys) && r.action().equals(item.getText())),
                    item.getText() + " (" + keys + ") is not on the sheet");
        }
        // the review keys as the settings file rebinds them, not as the defaults
        assertTrue(rows.contains(new Shortcut("Verdict menu", "G", "Mark legit")), rows.toString());
        assertFalse(rows.stream().anyMatch(r -> r.keys().equals("L")), "the default L is not listed");
        for (PageKey key : PageKey.values()) {
            assertTrue(rows.stream().anyMatch(r -> r.where().equals(key.where()) && r.action().equals(key.action())),
                    key + " is not on the sheet");
        }
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void everyMenuOpensFromTheKeyboardAndFindJumpsToTheSearch(FxRobot robot) {
        for (Menu menu : robot.lookup("#menu-bar").queryAs(MenuBar.class).getMenus()) {
            assertTrue(menu.isMnemonicParsing() && menu.getText().contains("_"), menu.getText() + " has no mnemonic");
        }
        robot.interact(() -> fixture.view.showPage(WorkbenchView.Page.HISTOGRAM));
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(WorkbenchView.Page.LEADERBOARD, fixture.view.currentPage());
        robot.write("Team 003");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, fixture.view.leaderboardPage().table().getItems().size(), "typed into the search box");
        // the rebound key judges the selected row; the default no longer does
        robot.interact(() -> {
            fixture.view.leaderboardPage().table().getSelectionModel().select(0);
            fixture.view.leaderboardPage().table().requestFocus();
        });
        robot.type(KeyCode.L);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("none", fixture.view.leaderboardPage().table().getItems().get(0).verdict().label());
        robot.type(KeyCode.G);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("legit", fixture.view.leaderboardPage().table().getItems().get(0).verdict().label());
    }
}
