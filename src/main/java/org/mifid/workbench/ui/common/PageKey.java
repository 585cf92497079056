package org.mifid.workbench.ui.common;

import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The keys that work on one page or window only, as data: each page's handler asks {@link #matches} and the
 * keyboard-shortcut sheet lists {@link #values()}, so a key added here is both handled and listed.
 */
public enum PageKey {
    OPEN_IN_INSPECTOR("Leaderboard", "Open the selected submission in the inspector", key(KeyCode.ENTER)),
    THRESHOLD_DOWN("Histogram", "Threshold down a tenth of a bin", key(KeyCode.LEFT)),
    THRESHOLD_UP("Histogram", "Threshold up a tenth of a bin", key(KeyCode.RIGHT)),
    THRESHOLD_DOWN_BIN("Histogram", "Threshold down a whole bin", shift(KeyCode.LEFT)),
    THRESHOLD_UP_BIN("Histogram", "Threshold up a whole bin", shift(KeyCode.RIGHT)),
    COMPARE_SELECTED("Inspector", "Compare the selected image with its nearest training image", key(KeyCode.ENTER)),
    NEXT_IN_LINE("Inspector", "Next image along a line (a wide window shows several a line)", key(KeyCode.RIGHT)),
    PREVIOUS_IN_LINE("Inspector", "Previous image along a line", key(KeyCode.LEFT)),
    COMPARE_NEXT("Compare window", "Next image of the inspector's list", key(KeyCode.RIGHT), key(KeyCode.PAGE_DOWN)),
    COMPARE_PREVIOUS("Compare window", "Previous image of the inspector's list", key(KeyCode.LEFT),
            key(KeyCode.PAGE_UP)),
    CLOSE_WINDOW("Compare window", "Close it", key(KeyCode.ESCAPE));

    private final String where;
    private final String action;
    private final List<KeyCombination> keys;

    PageKey(String where, String action, KeyCombination... keys) {
        this.where = where;
        this.action = action;
        this.keys = List.of(keys);
    }

    public String where() {
        return where;
    }

    public String action() {
        return action;
    }

    public List<KeyCombination> keys() {
        return keys;
    }

    public boolean matches(KeyEvent event) {
        return keys.stream().anyMatch(k -> k.match(event));
    }

    private static KeyCombination key(KeyCode code) {
        return new KeyCodeCombination(code);
    }

    private static KeyCombination shift(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHIFT_DOWN);
    }
}
