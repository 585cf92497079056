package org.mifid.workbench.ui.verdicts;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.store.LeaderboardRow;
import org.mifid.workbench.core.Verdict;
import org.mifid.workbench.core.VerdictEntry;
import org.mifid.workbench.store.Workspace;
import org.mifid.workbench.ui.common.BackgroundTask;
import org.mifid.workbench.ui.common.ErrorDialogs;
import org.mifid.workbench.ui.common.WorkbenchModel;

/**
 * Records verdicts at once (one transaction per action, one entry per submission) with who decided and under
 * which leaderboard and threshold, and undoes them. The history is append-only, so undo appends entries that
 * restore each submission's previous verdict and note rather than deleting anything; redo appends the undone
 * ones again.
 *
 * <p>Every write goes through the executor's single writer, so entries are stored in the order the organizer
 * acted in, and what each submission had before an action is read by the writer just before that action is
 * written: eight quick keys end with the last one, and undo restores what the previous key stored. The undo
 * history belongs to the workspace it was made in: opening another workspace clears it.
 */
public final class VerdictRecorder {
    private final WorkbenchModel model;
    private final Deque<Batch> undo = new ArrayDeque<>();
    private final Deque<Batch> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();

    /**
     * One action on one workspace: what each submission is given ({@code null} fields keep what it had), and
     * what each had before, filled in on the writer thread just before the action is written (and only read
     * there, by a later undo).
     */
    private record Batch(Workspace workspace, String description, Map<Long, Change> after,
                         Map<Long, VerdictEntry> before) {
        Batch(Workspace workspace, String description, Map<Long, Change> after) {
            this(workspace, description, after, new HashMap<>());
        }
    }

    /** A verdict and a note; a null field keeps the submission's current one. */
    private record Change(Verdict verdict, String note) {
    }

    public VerdictRecorder(WorkbenchModel model) {
        this.model = model;
        model.workspaceProperty().addListener((obs, old, now) -> {
            undo.clear();
            redo.clear();
            refreshFlags();
        });
    }

    /**
     * Gives every row the verdict, keeping each one's note; {@code scope} says which rows these are ("3 selected
     * submissions", "all 120 in the current filter") and comes back in the status line and the audit trail.
     */
    public void mark(List<LeaderboardRow> rows, Verdict verdict, String scope) {
        Map<Long, Change> after = new LinkedHashMap<>();
        for (LeaderboardRow row : rows) {
            after.put(row.submission().id(), new Change(verdict, null));
        }
        perform("mark " + scope + " " + verdict.label(), after);
    }

    /** Sets the organizer's note on a submission, keeping its verdict. */
    public void note(LeaderboardRow row, String note) {
        perform("note on " + row.submission().team(), Map.of(row.submission().id(), new Change(null, note)));
    }

    private void perform(String description, Map<Long, Change> after) {
        Workspace workspace = model.workspace();
        if (workspace == null || after.isEmpty()) {
            return;
        }
        Batch batch = new Batch(workspace, description, after);
        undo.push(batch);
        redo.clear();
        refreshFlags();
        apply(batch, description, "Saved: " + description, () -> {
            undo.remove(batch);
            refreshFlags();
        });
    }

    public void undo() {
        Batch last = undo.pollFirst();
        if (last == null) {
            return;
        }
        redo.push(last);
        refreshFlags();
        String action = "undo: " + last.description();
        Entries entries = entries(action);
        model.executor().write(BackgroundTask.of(monitor -> {
            List<VerdictEntry> restore = new ArrayList<>();
            last.before().forEach((id, previous) -> restore.add(previous == null
                    ? entries.entry(id, Verdict.NONE, null)
                    : entries.entry(id, previous.verdict(), previous.note())));
            last.workspace().recordVerdicts(restore);
            return latest(restore);
        }).onSuccess(latest -> saved(latest, "Undid: " + last.description()))
                .onFailure(error -> {
                    redo.remove(last);
                    undo.push(last);
                    refreshFlags();
                    notSaved(error);
                }));
    }

    public void redo() {
        Batch next = redo.pollFirst();
        if (next == null) {
            return;
        }
        undo.push(next);
        refreshFlags();
        apply(next, "redo: " + next.description(), "Redid: " + next.description(), () -> {
            undo.remove(next);
            redo.push(next);
            refreshFlags();
        });
    }

    /** Writes a batch on the writer, remembering first what each submission had. */
    private void apply(Batch batch, String action, String done, Runnable onFailed) {
        Entries entries = entries(action);
        model.executor().write(BackgroundTask.of(monitor -> {
            Map<Long, VerdictEntry> current = batch.workspace().currentVerdicts();
            batch.before().clear();
            List<VerdictEntry> written = new ArrayList<>();
            batch.after().forEach((id, change) -> {
                VerdictEntry previous = current.get(id);
                batch.before().put(id, previous);
                Verdict verdict = change.verdict() != null ? change.verdict()
                        : previous == null ? Verdict.NONE : previous.verdict();
                String note = change.note() != null ? change.note() : previous == null ? null : previous.note();
                written.add(entries.entry(id, verdict, note));
            });
            batch.workspace().recordVerdicts(written);
            return latest(written);
        }).onSuccess(latest -> saved(latest, done)).onFailure(error -> {
            onFailed.run();
            notSaved(error);
        }));
    }

    /** Who, when, where and why, taken on the FX thread at the moment the organizer acted. */
    private Entries entries(String action) {
        return new Entries(model.settings().reviewer(), Instant.now(), model.leaderboard(),
                model.liveThresholdProperty().get(), action);
    }

    private record Entries(String reviewer, Instant at, LeaderboardPreset leaderboard, double threshold,
                           String action) {
        VerdictEntry entry(long id, Verdict verdict, String note) {
            return new VerdictEntry(id, verdict, note, reviewer, at, leaderboard, threshold, action);
        }
    }

    private static Map<Long, VerdictEntry> latest(List<VerdictEntry> entries) {
        Map<Long, VerdictEntry> latest = new LinkedHashMap<>();
        for (VerdictEntry entry : entries) {
            latest.put(entry.submissionId(), entry);
        }
        return latest;
    }

    private void saved(Map<Long, VerdictEntry> latest, String done) {
        model.verdictsRecorded(latest);
        model.statusProperty().set(done);
    }

    private void notSaved(Throwable error) {
        model.statusProperty().set("Verdict not saved: " + ErrorDialogs.summary(error));
    }

    private void refreshFlags() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public Optional<String> undoDescription() {
        return Optional.ofNullable(undo.peekFirst()).map(Batch::description);
    }

    /** Runs {@code action} with the history of a submission, read off the FX thread. */
    public void history(long submissionId, Consumer<List<VerdictEntry>> action) {
        Workspace workspace = model.workspace();
        if (workspace == null || submissionId <= 0) {
            action.accept(List.of());
            return;
        }
        model.executor().execute(BackgroundTask.of(monitor -> workspace.verdictHistory(submissionId))
                .onSuccess(action));
    }
}
