package org.mifid.workbench.ui.verdicts;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
 * restore each submission's previous verdict rather than deleting anything; redo appends the undone ones again.
 */
public final class VerdictRecorder {
    private final WorkbenchModel model;
    private final Deque<Batch> undo = new ArrayDeque<>();
    private final Deque<Batch> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();

    /** One action: what each submission had before and what it was given. */
    private record Batch(String description, Map<Long, VerdictEntry> before, Map<Long, Change> after) {
    }

    private record Change(Verdict verdict, String note) {
    }

    public VerdictRecorder(WorkbenchModel model) {
        this.model = model;
    }

    /**
     * Gives every row the verdict; {@code scope} says which rows these are ("3 selected submissions",
     * "all 120 in the current filter") and comes back in the status line and the undo description.
     */
    public void mark(List<LeaderboardRow> rows, Verdict verdict, String scope) {
        if (rows.isEmpty()) {
            return;
        }
        Map<Long, VerdictEntry> before = new LinkedHashMap<>();
        Map<Long, Change> after = new LinkedHashMap<>();
        for (LeaderboardRow row : rows) {
            before.put(row.submission().id(), row.verdict());
            after.put(row.submission().id(), new Change(verdict, null));
        }
        write(new Batch("mark " + scope + " " + verdict.label(), before, after), false);
    }

    /** Adds a note to a submission, keeping its verdict. */
    public void note(LeaderboardRow row, String note) {
        Map<Long, VerdictEntry> before = new LinkedHashMap<>();
        before.put(row.submission().id(), row.verdict());
        write(new Batch("note on " + row.submission().team(), before,
                Map.of(row.submission().id(), new Change(row.currentVerdict(), note))), false);
    }

    public void undo() {
        Batch last = undo.pollFirst();
        if (last == null) {
            return;
        }
        Map<Long, Change> restore = new LinkedHashMap<>();
        last.before().forEach((id, previous) -> restore.put(id, previous == null
                ? new Change(Verdict.NONE, "undo: " + last.description())
                : new Change(previous.verdict(), "undo: " + last.description())));
        appendEntries(restore, "Undid: " + last.description(), () -> {
            redo.push(last);
            refreshFlags();
        }, () -> {
            undo.push(last);
            refreshFlags();
        });
    }

    public void redo() {
        Batch next = redo.pollFirst();
        if (next == null) {
            return;
        }
        write(next, true);
    }

    private void write(Batch batch, boolean isRedo) {
        appendEntries(batch.after(), "Saved: " + batch.description(), () -> {
            undo.push(batch);
            if (!isRedo) {
                redo.clear();
            }
            refreshFlags();
        }, () -> {
            if (isRedo) {
                redo.push(batch);
            }
            refreshFlags();
        });
    }

    private void appendEntries(Map<Long, Change> changes, String done, Runnable onSaved, Runnable onFailed) {
        Workspace workspace = model.workspace();
        if (workspace == null) {
            return;
        }
        String reviewer = model.settings().reviewer();
        var leaderboard = model.leaderboard();
        double threshold = model.liveThresholdProperty().get();
        Instant now = Instant.now();
        List<VerdictEntry> entries = new ArrayList<>();
        changes.forEach((id, change) -> entries.add(
                new VerdictEntry(id, change.verdict(), change.note(), reviewer, now, leaderboard, threshold)));
        model.executor().execute(BackgroundTask.of(monitor -> {
            workspace.recordVerdicts(entries);
            Map<Long, VerdictEntry> latest = new LinkedHashMap<>();
            for (VerdictEntry entry : entries) {
                latest.put(entry.submissionId(), entry);
            }
            return latest;
        }).onSuccess(latest -> {
            onSaved.run();
            model.verdictsRecorded(latest);
            model.statusProperty().set(done);
        }).onFailure(error -> {
            onFailed.run();
            model.statusProperty().set("Verdict not saved: " + ErrorDialogs.summary(error));
        }));
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
