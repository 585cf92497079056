package org.mifid.workbench.ui.help;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Window;
import org.mifid.workbench.ui.common.PageKey;

/**
 * Help > Keyboard shortcuts, generated rather than written: every menu item's accelerator as the menu bar holds
 * it (so the review keys as rebound in the settings file), then every {@link PageKey}. A binding added to a menu
 * or to PageKey appears here without editing this class.
 */
public final class ShortcutSheet {
    /** One line of the sheet: where the key works, its keys as the platform writes them, and what it does. */
    public record Shortcut(String where, String keys, String action) {
    }

    private ShortcutSheet() {
    }

    public static List<Shortcut> of(MenuBar bar) {
        List<Shortcut> shortcuts = new ArrayList<>();
        for (Menu menu : bar.getMenus()) {
            collect(menu, plain(menu.getText()) + " menu", shortcuts);
        }
        for (PageKey key : PageKey.values()) {
            shortcuts.add(new Shortcut(key.where(), key.keys().stream().map(k -> k.getDisplayText())
                    .collect(Collectors.joining(" or ")), key.action()));
        }
        return shortcuts;
    }

    private static void collect(Menu menu, String where, List<Shortcut> shortcuts) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                collect(sub, where, shortcuts);
            } else if (item.getAccelerator() != null) {
                shortcuts.add(new Shortcut(where, item.getAccelerator().getDisplayText(), plain(item.getText())));
            }
        }
    }

    /** A menu's text without its mnemonic marker. */
    private static String plain(String text) {
        return text.replace("_", "");
    }

    /** The sheet in a dialog: a table the keyboard can scroll, closed with Escape or Enter. */
    public static Dialog<ButtonType> show(Window owner, List<Shortcut> shortcuts) {
        TableView<Shortcut> table = new TableView<>();
        table.setId("shortcut-table");
        table.getColumns().add(column("Keys", Shortcut::keys, 170));
        table.getColumns().add(column("Action", Shortcut::action, 380));
        table.getColumns().add(column("Where", Shortcut::where, 150));
        table.getItems().setAll(shortcuts);
        table.setPrefSize(720, 520);
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("Keyboard shortcuts");
        dialog.setHeaderText("Keyboard shortcuts (menus: Alt and the underlined letter)");
        dialog.getDialogPane().setContent(table);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.setResizable(true);
        dialog.show();
        return dialog;
    }

    private static TableColumn<Shortcut, String> column(String title, java.util.function.Function<Shortcut, String> value,
                                                        double width) {
        TableColumn<Shortcut, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
