package org.mifid.workbench.ui.verdicts;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.mifid.workbench.ui.common.UiSettings;

/** The key combination of every review action: the defaults, overridden by entries in the settings file. */
public final class KeyBindings {
    private final Map<ReviewAction, KeyCombination> bindings = new EnumMap<>(ReviewAction.class);

    public KeyBindings(UiSettings settings) {
        for (ReviewAction action : ReviewAction.values()) {
            KeyCombination combination = settings.get(action.settingsKey())
                    .flatMap(KeyBindings::parse)
                    .orElse(action.defaultCombination());
            bindings.put(action, combination);
        }
    }

    public KeyCombination combination(ReviewAction action) {
        return bindings.get(action);
    }

    /** The action a key press triggers, if any; the one place where keys are dispatched. */
    public Optional<ReviewAction> actionFor(KeyEvent event) {
        for (Map.Entry<ReviewAction, KeyCombination> binding : bindings.entrySet()) {
            if (binding.getValue().match(event)) {
                return Optional.of(binding.getKey());
            }
        }
        return Optional.empty();
    }

    private static Optional<KeyCombination> parse(String text) {
        try {
            return Optional.of(KeyCombination.valueOf(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
