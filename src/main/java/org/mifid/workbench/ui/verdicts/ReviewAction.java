package org.mifid.workbench.ui.verdicts;

import javafx.scene.input.KeyCombination;
import org.mifid.workbench.core.Verdict;

/**
 * The review actions and their default keys, as data (JabRef's KeyBinding): menus show these combinations and
 * one dispatcher ({@link KeyBindings#actionFor}) maps key presses to actions.
 */
public enum ReviewAction {
    MARK_LEGIT("Mark legit", "L", Verdict.LEGIT),
    MARK_CHEATER("Mark cheater", "C", Verdict.CHEATER),
    MARK_NEEDS_REVIEW("Mark needs review", "R", Verdict.NEEDS_REVIEW),
    CLEAR_VERDICT("Clear verdict", "Shortcut+Backspace", Verdict.NONE),
    ADD_NOTE("Add note", "N", null),
    UNDO("Undo verdict", "Shortcut+Z", null),
    REDO("Redo verdict", "Shortcut+Shift+Z", null);

    private final String title;
    private final String defaultKeys;
    private final Verdict verdict;

    ReviewAction(String title, String defaultKeys, Verdict verdict) {
        this.title = title;
        this.defaultKeys = defaultKeys;
        this.verdict = verdict;
    }

    public String title() {
        return title;
    }

    public KeyCombination defaultCombination() {
        return KeyCombination.valueOf(defaultKeys);
    }

    /** The verdict this action records, or null for actions that record none. */
    public Verdict verdict() {
        return verdict;
    }

    /** The settings key under which a user can rebind it. */
    public String settingsKey() {
        return "key." + name().toLowerCase();
    }
}
