package org.mifid.workbench.ui.histogram;

import java.util.List;
import org.mifid.workbench.ui.common.WorkbenchModel;

/**
 * The unjudged submissions nearest a suggested line, walked in order: the first is put in focus (the inspector
 * shows it), and a verdict on the one in focus moves the focus to the next, as a reviewer works down the queue.
 */
public final class InspectionQueue {
    private final WorkbenchModel model;
    private List<Long> ids = List.of();
    private int position = -1;

    public InspectionQueue(WorkbenchModel model) {
        this.model = model;
        model.onVerdictsRecorded(latest -> {
            if (position >= 0 && position < ids.size() && latest.containsKey(ids.get(position))
                    && model.focusedSubmissionProperty().get() == ids.get(position)) {
                show(position + 1);
            }
        });
    }

    /** Starts a queue (nearest first) at its first submission. */
    public void start(List<Long> queue) {
        ids = List.copyOf(queue);
        show(0);
    }

    private void show(int next) {
        position = next;
        if (next >= ids.size()) {
            model.statusProperty().set("Inspection queue done: " + ids.size() + " submissions judged");
            position = -1;
            return;
        }
        model.focusedSubmissionProperty().set(ids.get(next));
        model.statusProperty().set(String.format("Inspection queue: %d of %d (a verdict moves to the next)",
                next + 1, ids.size()));
    }

    /** The submission the queue is at, or 0 when no queue is being walked. */
    public long current() {
        return position < 0 ? 0 : ids.get(position);
    }
}
