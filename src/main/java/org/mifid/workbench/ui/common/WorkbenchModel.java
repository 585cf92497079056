package org.mifid.workbench.ui.common;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.MeasureValues;
import org.mifid.workbench.features.ExtractorRegistry;
import org.mifid.workbench.kind.CompetitionKind;
import org.mifid.workbench.store.LeaderboardRow;
import org.mifid.workbench.core.VerdictEntry;
import org.mifid.workbench.store.Workspace;

/**
 * The state every page shares: the open workspace, the leaderboard in view, the threshold being tried (live,
 * not yet applied) and the one in force, the rows of both leaderboards as loaded, and the submission in focus.
 * Pages observe it; database reads and writes go through the {@link TaskExecutor}, never on the FX thread.
 */
public final class WorkbenchModel {
    private final TaskExecutor executor;
    private final UiSettings settings;
    private final ReadOnlyObjectWrapper<Workspace> workspace = new ReadOnlyObjectWrapper<>();
    private WorkspaceHold.Users users;
    private String competitionName = "";
    private final ReadOnlyObjectWrapper<CompetitionKind> kind = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<LeaderboardPreset> leaderboard = new SimpleObjectProperty<>(LeaderboardPreset.PUBLIC);
    private final DoubleProperty liveThreshold = new SimpleDoubleProperty(LeaderboardPreset.PUBLIC.epsilon());
    private final ReadOnlyDoubleWrapper appliedThreshold = new ReadOnlyDoubleWrapper(LeaderboardPreset.PUBLIC.epsilon());
    private final Map<LeaderboardPreset, List<LeaderboardRow>> rows = new EnumMap<>(LeaderboardPreset.class);
    private final Map<LeaderboardPreset, Double> applied = new EnumMap<>(LeaderboardPreset.class);
    private final Map<LeaderboardPreset, String> extractors = new EnumMap<>(LeaderboardPreset.class);
    private final Map<LeaderboardPreset, String> networkNotes = new EnumMap<>(LeaderboardPreset.class);
    private final Map<LeaderboardPreset, Integer> boardSizes = new EnumMap<>(LeaderboardPreset.class);
    private final Map<LeaderboardPreset, Map<Long, MeasureValues>> measures = new EnumMap<>(LeaderboardPreset.class);
    private final ReadOnlyLongWrapper dataVersion = new ReadOnlyLongWrapper();
    private final LongProperty focusedSubmission = new SimpleLongProperty(0);
    private final StringProperty status = new SimpleStringProperty("");
    private final List<Consumer<Map<Long, VerdictEntry>>> verdictListeners = new ArrayList<>();

    public WorkbenchModel(TaskExecutor executor, UiSettings settings) {
        this.executor = executor;
        this.settings = settings;
        for (LeaderboardPreset preset : LeaderboardPreset.values()) {
            rows.put(preset, List.of());
            applied.put(preset, preset.epsilon());
            extractors.put(preset, preset.extractorId());
            networkNotes.put(preset, "");
            boardSizes.put(preset, 0);
        }
        leaderboard.addListener((obs, old, now) -> {
            appliedThreshold.set(applied.get(now));
            liveThreshold.set(applied.get(now));
            dataVersion.set(dataVersion.get() + 1);
            if (workspace.get() != null) {
                status.set(boardStatus());
            }
        });
    }

    public TaskExecutor executor() {
        return executor;
    }

    public UiSettings settings() {
        return settings;
    }

    /** Replaces the open workspace (closing the previous one) and loads it. */
    public void open(Workspace next) {
        Workspace previous = workspace.get();
        if (previous == next) {
            focusedSubmission.set(0);
            reload();
            return;
        }
        WorkspaceHold.Users retiring = users;
        users = new WorkspaceHold.Users(next);
        competitionName = "";
        workspace.set(next);
        focusedSubmission.set(0);
        if (retiring != null) {
            // on the writer, after the writes still queued for it, and never on the FX thread; a score still
            // running in it keeps it open until the score is stored
            executor.write(BackgroundTask.of(monitor -> {
                retiring.retire();
                return null;
            }));
        }
        reload();
    }

    /**
     * Keeps the open workspace open for a long task (scoring) even if another one is opened meanwhile; the task
     * releases the hold when it ends. Called on the FX thread when the task is started.
     */
    public WorkspaceHold hold() {
        if (users == null) {
            throw new IllegalStateException("no workspace is open");
        }
        return users.hold();
    }

    /** Closes the open workspace at exit, once a task still holding it has ended. */
    public void closeWorkspace() {
        if (users != null) {
            users.retire();
            users = null;
        }
    }

    /** Reads both leaderboards and their thresholds off the FX thread, then publishes them. */
    public void reload() {
        Workspace ws = workspace.get();
        if (ws == null) {
            return;
        }
        executor.execute(BackgroundTask.of(monitor -> {
            Map<LeaderboardPreset, List<LeaderboardRow>> loaded = new EnumMap<>(LeaderboardPreset.class);
            Map<LeaderboardPreset, Double> thresholds = new EnumMap<>(LeaderboardPreset.class);
            Map<LeaderboardPreset, String> networks = new EnumMap<>(LeaderboardPreset.class);
            Map<LeaderboardPreset, Integer> sizes = new EnumMap<>(LeaderboardPreset.class);
            Map<LeaderboardPreset, Map<Long, MeasureValues>> copying = new EnumMap<>(LeaderboardPreset.class);
            String name = ws.competitionName();
            CompetitionKind competitionKind = CompetitionKind.of(ws);
            for (LeaderboardPreset preset : LeaderboardPreset.values()) {
                loaded.put(preset, List.copyOf(ws.leaderboardRows(preset)));
                sizes.put(preset, competitionKind.tunesThreshold() ? loaded.get(preset).size()
                        : ws.boardRows(preset.board()).size());
                thresholds.put(preset, ws.threshold(preset));
                networks.put(preset, ws.leaderboardExtractor(preset));
                copying.put(preset, competitionKind.tunesThreshold() ? ws.measures(preset) : Map.of());
            }
            return new Loaded(ws, name, competitionKind, loaded, sizes, thresholds, networks, copying);
        }).onSuccess(loaded -> {
            if (loaded.workspace() != workspace.get()) {
                return;
            }
            competitionName = loaded.competitionName();
            // before the rows are announced: the pages choose their columns and ranking by the kind
            kind.set(loaded.kind());
            rows.putAll(loaded.rows());
            boardSizes.putAll(loaded.sizes());
            measures.putAll(loaded.measures());
            applied.putAll(loaded.thresholds());
            extractors.putAll(loaded.networks());
            loaded.networks().forEach((preset, network) -> networkNotes.put(preset, networkNote(network)));
            appliedThreshold.set(applied.get(leaderboard.get()));
            liveThreshold.set(applied.get(leaderboard.get()));
            dataVersion.set(dataVersion.get() + 1);
            status.set(boardStatus());
        }).onFailure(error -> status.set("Could not read the workspace: " + ErrorDialogs.summary(error))));
    }

    private record Loaded(Workspace workspace, String competitionName, CompetitionKind kind, Map<LeaderboardPreset, List<LeaderboardRow>> rows,
                          Map<LeaderboardPreset, Integer> sizes,
                          Map<LeaderboardPreset, Double> thresholds, Map<LeaderboardPreset, String> networks,
                          Map<LeaderboardPreset, Map<Long, MeasureValues>> measures) {
    }

    /** The status line for the board in view: its size and the network that scored it (from the last load). */
    private String boardStatus() {
        LeaderboardPreset board = leaderboard.get();
        String title = kind.get() == null ? "" : " (" + kind.get().title() + ")";
        // a network scores MiFID boards only; a kind without a tuned threshold scores without one
        String network = kind.get() == null || kind.get().tunesThreshold() ? networkNotes.get(board) : "";
        return competitionName + title + ": " + boardSizes.get(board) + " submissions on the " + board.id()
                + " leaderboard" + network;
    }

    /** The network (a models manifest id) a leaderboard is scored with, as last loaded. */
    public String extractor(LeaderboardPreset preset) {
        return extractors.get(preset);
    }

    /** Which network scored a leaderboard, and whether its numbers can stand beside Kaggle's. */
    private static String networkNote(String extractorId) {
        return ExtractorRegistry.standard().specs().stream().filter(m -> m.id().equals(extractorId)).findFirst()
                .map(m -> m.comparableWithKaggle() ? ", scored with " + m.id()
                        : ", scored with " + m.id() + ": not comparable with Kaggle's numbers")
                .orElse("");
    }

    /** Called (on the FX thread) once a threshold was written: it becomes the one in force. */
    public void thresholdApplied(LeaderboardPreset preset, double threshold) {
        applied.put(preset, threshold);
        if (preset == leaderboard.get()) {
            appliedThreshold.set(threshold);
        }
        dataVersion.set(dataVersion.get() + 1);
    }

    /** Called (on the FX thread) once verdicts were written: updates the rows in place and tells the pages. */
    public void verdictsRecorded(Map<Long, VerdictEntry> latest) {
        for (LeaderboardPreset preset : LeaderboardPreset.values()) {
            List<LeaderboardRow> updated = new ArrayList<>(rows.get(preset));
            for (int i = 0; i < updated.size(); i++) {
                LeaderboardRow row = updated.get(i);
                VerdictEntry entry = latest.get(row.submission().id());
                if (entry != null) {
                    updated.set(i, new LeaderboardRow(row.submission(), row.score(), entry));
                }
            }
            rows.put(preset, List.copyOf(updated));
        }
        verdictListeners.forEach(listener -> listener.accept(latest));
    }

    public void onVerdictsRecorded(Consumer<Map<Long, VerdictEntry>> listener) {
        verdictListeners.add(listener);
    }

    /** A submission's copying measures on a leaderboard, as last loaded; null when it has none. */
    public MeasureValues measures(LeaderboardPreset preset, long submissionId) {
        return measures.getOrDefault(preset, Map.of()).get(submissionId);
    }

    public List<LeaderboardRow> rows(LeaderboardPreset preset) {
        return rows.get(preset);
    }

    public double appliedThreshold(LeaderboardPreset preset) {
        return applied.get(preset);
    }

    public Workspace workspace() {
        return workspace.get();
    }

    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
        return workspace.getReadOnlyProperty();
    }

    /** The open workspace's competition kind, as last loaded (null before the first load). */
    public ReadOnlyObjectProperty<CompetitionKind> kindProperty() {
        return kind.getReadOnlyProperty();
    }

    /**
     * Whether the open competition ranks at a memorization threshold the organizer tunes (MiFID, and the default
     * before a workspace is loaded); otherwise its boards are ranked and shown through the kind's columns.
     */
    public boolean tunesThreshold() {
        return kind.get() == null || kind.get().tunesThreshold();
    }

    public ObjectProperty<LeaderboardPreset> leaderboardProperty() {
        return leaderboard;
    }

    public LeaderboardPreset leaderboard() {
        return leaderboard.get();
    }

    /** The threshold being tried on the histogram; moving it re-ranks but saves nothing. */
    public DoubleProperty liveThresholdProperty() {
        return liveThreshold;
    }

    public ReadOnlyDoubleProperty appliedThresholdProperty() {
        return appliedThreshold.getReadOnlyProperty();
    }

    /** Incremented whenever rows or thresholds were (re)loaded or the leaderboard switched. */
    public ReadOnlyLongProperty dataVersionProperty() {
        return dataVersion.getReadOnlyProperty();
    }

    /** The submission id in focus (0 for none): what the inspector shows and verdict hotkeys act on. */
    public LongProperty focusedSubmissionProperty() {
        return focusedSubmission;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
