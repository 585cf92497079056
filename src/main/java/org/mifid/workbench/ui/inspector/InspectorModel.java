package org.mifid.workbench.ui.inspector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.engine.Neighbours;
import org.mifid.workbench.scoring.ImageLookup;
import org.mifid.workbench.store.ReferenceSet;
import org.mifid.workbench.store.StoredNeighbours;
import org.mifid.workbench.core.Submission;
import org.mifid.workbench.store.Workspace;
import org.mifid.workbench.ui.common.BackgroundTask;
import org.mifid.workbench.ui.common.ErrorDialogs;
import org.mifid.workbench.ui.common.WorkbenchModel;

/**
 * The images of one submission, most suspicious (smallest distance to a training image) first, each with its
 * stored nearest training images, filtered to a distance range.
 */
public final class InspectorModel {

    /** What is being inspected: the submission and the reference set its neighbours point into. */
    public record Subject(Submission submission, LeaderboardPreset leaderboard, ReferenceSet referenceSet) {
    }

    private final WorkbenchModel model;
    private final ObservableList<InspectorItem> items = FXCollections.observableArrayList();
    private final FilteredList<InspectorItem> filtered = new FilteredList<>(items);
    private final ReadOnlyObjectWrapper<Subject> subject = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<String> message = new SimpleObjectProperty<>("Select a submission on the leaderboard");
    private double min = 0;
    private double max = Double.POSITIVE_INFINITY;

    public InspectorModel(WorkbenchModel model) {
        this.model = model;
    }

    /** Loads a submission's neighbours off the FX thread. */
    public void load(long submissionId) {
        Workspace workspace = model.workspace();
        LeaderboardPreset preset = model.leaderboard();
        if (workspace == null || submissionId <= 0) {
            return;
        }
        message.set("Loading\u2026");
        model.executor().execute(BackgroundTask.of(monitor -> read(workspace, submissionId, preset))
                .onSuccess(loaded -> {
                    subject.set(loaded.subject());
                    items.setAll(loaded.items());
                    message.set(loaded.items().isEmpty()
                            ? "No stored neighbours for this submission on the " + preset.id() + " leaderboard"
                            : loaded.items().size() + " images, most suspicious first"
                                    + loaded.unreachable().map(why -> " \u2014 " + why).orElse(""));
                })
                .onFailure(error -> message.set("Could not load: " + ErrorDialogs.summary(error))));
    }

    /** @param unreachable why the images cannot be shown here (see {@link ImageLookup#unreachable}), if so */
    private record Loaded(Subject subject, List<InspectorItem> items, Optional<String> unreachable) {
    }

    private static Loaded read(Workspace workspace, long id, LeaderboardPreset preset) {
        Submission submission = workspace.submission(id).orElseThrow();
        Optional<StoredNeighbours> stored = workspace.neighbours(id, preset);
        if (stored.isEmpty()) {
            return new Loaded(new Subject(submission, preset, null), List.of(), Optional.empty());
        }
        StoredNeighbours s = stored.get();
        ReferenceSet set = workspace.referenceSet(s.referenceSetId()).orElse(null);
        List<String> referenceNames = workspace.referenceImageNames(s.referenceSetId());
        Neighbours n = s.neighbours();
        List<InspectorItem> items = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            String[] names = new String[n.k()];
            float[] distances = new float[n.k()];
            for (int r = 0; r < n.k(); r++) {
                int index = n.index(i, r);
                names[r] = index >= 0 && index < referenceNames.size() ? referenceNames.get(index) : null;
                distances[r] = n.distance(i, r);
            }
            String name = i < s.imageNames().size() ? s.imageNames().get(i) : "#" + i;
            items.add(new InspectorItem(i, name, n.nearest(i), names, distances));
        }
        // most suspicious first; dropped rows (NaN) last
        items.sort(Comparator.comparingDouble(
                (InspectorItem it) -> Float.isNaN(it.nearest()) ? Double.MAX_VALUE : it.nearest())
                .thenComparingInt(InspectorItem::row));
        return new Loaded(new Subject(submission, preset, set), items, ImageLookup.unreachable(submission, set));
    }

    /** Shows only images whose nearest distance lies in [min, max]. */
    public void setRange(double min, double max) {
        this.min = min;
        this.max = max;
        filtered.setPredicate(item -> !Float.isNaN(item.nearest()) && item.nearest() >= this.min
                && item.nearest() <= this.max);
    }

    public void clearRange() {
        filtered.setPredicate(null);
    }

    public FilteredList<InspectorItem> filtered() {
        return filtered;
    }

    public ObservableList<InspectorItem> items() {
        return items;
    }

    public ReadOnlyObjectProperty<Subject> subjectProperty() {
        return subject.getReadOnlyProperty();
    }

    public ObjectProperty<String> messageProperty() {
        return message;
    }
}
