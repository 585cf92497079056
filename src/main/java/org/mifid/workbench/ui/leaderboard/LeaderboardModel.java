package org.mifid.workbench.ui.leaderboard;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.util.Duration;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.kind.CompetitionKind;
import org.mifid.workbench.review.KindBoard;
import org.mifid.workbench.store.Workspace;
import org.mifid.workbench.store.LeaderboardRow;
import org.mifid.workbench.core.Submission;
import org.mifid.workbench.core.Verdict;
import org.mifid.workbench.ui.common.LatestOnlyUpdater;
import org.mifid.workbench.ui.common.WorkbenchModel;

/**
 * The leaderboard as shown: ranked at the live threshold (re-ranked off the FX thread, bursts merged, only the
 * latest result shown), filtered by verdict, label and team.
 */
public final class LeaderboardModel {

    /** Which verdicts the table shows. */
    public enum VerdictFilter {
        ALL("All verdicts"), UNDECIDED("No verdict"), LEGIT("Legit"), CHEATER("Cheater"),
        NEEDS_REVIEW("Needs review"), FLAGGED("Flagged at this threshold"),
        FLAGGED_UNDECIDED("Flagged, no verdict yet");

        private final String text;

        VerdictFilter(String text) {
            this.text = text;
        }

        boolean accepts(RankedEntry entry) {
            Verdict verdict = entry.verdict();
            return switch (this) {
                case ALL -> true;
                case UNDECIDED -> verdict == Verdict.NONE;
                case LEGIT -> verdict == Verdict.LEGIT;
                case CHEATER -> verdict == Verdict.CHEATER;
                case NEEDS_REVIEW -> verdict == Verdict.NEEDS_REVIEW;
                case FLAGGED -> entry.penalised();
                case FLAGGED_UNDECIDED -> entry.penalised() && verdict == Verdict.NONE;
            };
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** Which labels the table shows. */
    public enum LabelFilter {
        ALL("All labels"), MEMORIZER("Labelled memorizer"), CLEAN("Labelled clean (non-mem)"), UNLABELLED("No label");

        private final String text;

        LabelFilter(String text) {
            this.text = text;
        }

        boolean accepts(Submission submission) {
            return switch (this) {
                case ALL -> true;
                case MEMORIZER -> submission.labelledMemorizer();
                case CLEAN -> submission.labelledClean();
                case UNLABELLED -> submission.label() == null || submission.label().isBlank();
            };
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private final WorkbenchModel model;
    private final ObservableList<RankedEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<RankedEntry> filtered = new FilteredList<>(entries);
    private final ObjectProperty<VerdictFilter> verdictFilter = new SimpleObjectProperty<>(VerdictFilter.ALL);
    private final ObjectProperty<LabelFilter> labelFilter = new SimpleObjectProperty<>(LabelFilter.ALL);
    private final StringProperty search = new SimpleStringProperty("");
    private final javafx.beans.property.ReadOnlyBooleanWrapper replacing =
            new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final LatestOnlyUpdater<Ranked> updater;
    private final javafx.beans.property.ReadOnlyStringWrapper baseline = new javafx.beans.property.ReadOnlyStringWrapper("");

    /** One ranking as it reaches the table: the lines and the kind's baseline sentence ("" without one). */
    private record Ranked(List<RankedEntry> entries, String baseline) {
    }

    /** The leaderboard in view (at the live threshold), or the other one (at its threshold in force) beside it. */
    public enum Board { IN_VIEW, OTHER }

    private final Board board;

    public LeaderboardModel(WorkbenchModel model, Duration coalesce) {
        this(model, coalesce, Board.IN_VIEW);
    }

    public LeaderboardModel(WorkbenchModel model, Duration coalesce, Board board) {
        this.model = model;
        this.board = board;
        this.updater = new LatestOnlyUpdater<>(model.executor(), coalesce);
        model.dataVersionProperty().addListener((obs, old, now) -> rerank());
        model.liveThresholdProperty().addListener((obs, old, now) -> rerank());
        model.onVerdictsRecorded(latest -> replacing(() -> {
            for (int i = 0; i < entries.size(); i++) {
                var entry = latest.get(entries.get(i).submissionId());
                if (entry != null) {
                    entries.set(i, entries.get(i).withVerdict(entry));
                }
            }
            // a cheater verdict given or withdrawn moves the submission: rank again from the updated rows
            rerank();
        }));
        verdictFilter.addListener((obs, old, now) -> refilter());
        labelFilter.addListener((obs, old, now) -> refilter());
        search.addListener((obs, old, now) -> refilter());
        rerank();
    }

    /** Schedules a re-ranking at the live threshold; only the latest request reaches the table. */
    public void rerank() {
        LeaderboardPreset inView = model.leaderboard();
        LeaderboardPreset beside = inView == LeaderboardPreset.PUBLIC ? LeaderboardPreset.PRIVATE : LeaderboardPreset.PUBLIC;
        double live = model.liveThresholdProperty().get();
        LeaderboardPreset preset = board == Board.IN_VIEW ? inView : beside;
        LeaderboardPreset other = board == Board.IN_VIEW ? beside : inView;
        List<LeaderboardRow> rows = model.rows(preset);
        List<LeaderboardRow> otherRows = model.rows(other);
        double threshold = board == Board.IN_VIEW ? live : model.appliedThreshold(beside);
        double otherThreshold = board == Board.IN_VIEW ? model.appliedThreshold(beside) : live;
        if (!model.tunesThreshold()) {
            // a kind without a threshold ranks through its own board, read with the ranking off the FX thread
            Workspace ws = model.workspace();
            CompetitionKind kind = model.kindProperty().get();
            updater.request(() -> {
                KindBoard shown = KindBoard.of(ws, kind, preset.board());
                return new Ranked(RankedEntry.rank(shown, KindBoard.of(ws, kind, other.board())),
                        shown.baselineText().orElse(""));
            }, this::apply);
            return;
        }
        updater.request(() -> new Ranked(RankedEntry.rank(rows, threshold, otherRows, otherThreshold), ""),
                this::apply);
    }

    private void apply(Ranked ranked) {
        replacing(() -> entries.setAll(ranked.entries()));
        baseline.set(ranked.baseline());
    }

    /**
     * The kind's baseline as {@link KindBoard#baselineText()} says it, for the board in view ("" for a kind without
     * one, such as MiFID).
     */
    public javafx.beans.property.ReadOnlyStringProperty baselineProperty() {
        return baseline.getReadOnlyProperty();
    }

    /**
     * Runs a change of the entries with {@link #replacingProperty()} true: the table drops the selection of
     * replaced items, and the page uses this to restore it by submission id once the change is done.
     */
    private void replacing(Runnable change) {
        replacing.set(true);
        try {
            change.run();
        } finally {
            replacing.set(false);
        }
    }

    public javafx.beans.property.ReadOnlyBooleanProperty replacingProperty() {
        return replacing.getReadOnlyProperty();
    }

    private void refilter() {
        VerdictFilter verdicts = verdictFilter.get();
        LabelFilter labels = labelFilter.get();
        String query = search.get() == null ? "" : search.get().trim().toLowerCase(Locale.ROOT);
        Predicate<RankedEntry> predicate = entry -> verdicts.accepts(entry)
                && labels.accepts(entry.row().submission())
                && (query.isEmpty() || matches(entry.row().submission(), query));
        filtered.setPredicate(predicate);
    }

    /** The search covers the team, the competition's submission id, the workspace id ("#12") and the file name. */
    static boolean matches(Submission s, String lowerCaseQuery) {
        return contains(s.team(), lowerCaseQuery) || contains(s.externalId(), lowerCaseQuery)
                || contains(s.fileName(), lowerCaseQuery) || ("#" + s.id()).equals(lowerCaseQuery)
                || String.valueOf(s.id()).equals(lowerCaseQuery);
    }

    private static boolean contains(String text, String lowerCaseQuery) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(lowerCaseQuery);
    }

    public ObservableList<RankedEntry> entries() {
        return entries;
    }

    public FilteredList<RankedEntry> filtered() {
        return filtered;
    }

    public ObjectProperty<VerdictFilter> verdictFilterProperty() {
        return verdictFilter;
    }

    public ObjectProperty<LabelFilter> labelFilterProperty() {
        return labelFilter;
    }

    public StringProperty searchProperty() {
        return search;
    }
}
