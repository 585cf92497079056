package org.mifid.workbench.ui.verdicts;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyEvent;
import javafx.scene.Node;
import org.mifid.workbench.store.LeaderboardRow;
import org.mifid.workbench.ui.common.WorkbenchModel;

/**
 * Turns review actions (hotkeys, menus, buttons) into verdicts on whatever the active page says is in focus:
 * the selected leaderboard rows, or the submission open in the inspector.
 */
public final class ReviewController {

    /** The submissions an action applies to, and how to describe them ("3 selected submissions"). */
    public record Targets(List<LeaderboardRow> rows, String scope) {
        public static final Targets NONE = new Targets(List.of(), "nothing");

        public static Targets of(List<LeaderboardRow> rows, String what) {
            return new Targets(rows, rows.size() == 1
                    ? rows.get(0).submission().team() + " (" + what + ")"
                    : rows.size() + " " + what + " submissions");
        }
    }

    private final WorkbenchModel model;
    private final VerdictRecorder recorder;
    private final KeyBindings bindings;
    private Supplier<Targets> targets = () -> Targets.NONE;

    public ReviewController(WorkbenchModel model, VerdictRecorder recorder, KeyBindings bindings) {
        this.model = model;
        this.recorder = recorder;
        this.bindings = bindings;
    }

    /** The active page tells what the actions apply to. */
    public void setTargets(Supplier<Targets> targets) {
        this.targets = targets;
    }

    /**
     * The one key dispatcher: handles a key press when it is bound to a review action and no text input has the
     * focus (typing a team name in the search box, or "clr" in an editable combo box, must not record verdicts).
     */
    public boolean handle(KeyEvent event, Node focusOwner) {
        if (typingText(focusOwner)) {
            return false;
        }
        Optional<ReviewAction> action = bindings.actionFor(event);
        action.ifPresent(this::perform);
        action.ifPresent(a -> event.consume());
        return action.isPresent();
    }

    /**
     * True when typed keys go into text: a text field or area, or the editor of an editable combo box, date
     * picker or spinner (those keep the focus themselves and hand the keys to an inner text field).
     */
    static boolean typingText(Node focusOwner) {
        for (Node node = focusOwner; node != null; node = node.getParent()) {
            if (node instanceof TextInputControl
                    || node instanceof ComboBoxBase<?> combo && combo.isEditable()
                    || node instanceof Spinner<?> spinner && spinner.isEditable()) {
                return true;
            }
        }
        return false;
    }

    public void perform(ReviewAction action) {
        switch (action) {
            case UNDO -> recorder.undo();
            case REDO -> recorder.redo();
            case ADD_NOTE -> addNote();
            default -> {
                Targets current = targets.get();
                if (current.rows().isEmpty()) {
                    model.statusProperty().set("Select a submission first");
                    return;
                }
                recorder.mark(current.rows(), action.verdict(), current.scope());
            }
        }
    }

    private void addNote() {
        Targets current = targets.get();
        if (current.rows().size() != 1) {
            model.statusProperty().set("Select one submission to add a note");
            return;
        }
        LeaderboardRow row = current.rows().get(0);
        TextInputDialog dialog = new TextInputDialog();
        dialog.setTitle("Note");
        dialog.setHeaderText("Note on " + row.submission().team() + " (" + row.submission().fileName() + ")");
        dialog.getEditor().setId("note-editor");
        dialog.showAndWait().filter(text -> !text.isBlank()).ifPresent(text -> recorder.note(row, text.strip()));
    }

    public KeyBindings bindings() {
        return bindings;
    }

    public VerdictRecorder recorder() {
        return recorder;
    }
}
