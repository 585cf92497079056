package org.mifid.workbench.kind;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.mifid.workbench.core.Board;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.ItemEvidence;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.store.Workspace;

/**
 * A kind of generative-model competition: what a submission is, how it is validated and scored on a board,
 * which columns it adds to a leaderboard, what per-item evidence it keeps and how its items are shown. Everything
 * above the store that is not a kind (review, exports, the CLI, the UI) reaches kind-specific behaviour only
 * through this interface; the kinds are found with {@link ServiceLoader}, so nothing names them at compile time
 * and no kind knows another.
 */
public interface CompetitionKind {

    /** The id a workspace records and {@code --kind} takes ("mifid", "image-to-prompt"). */
    String id();

    /** The kind's name for people. */
    String title();

    /** What a submission is, one line for help texts and messages. */
    String submissionFormat();

    /** The columns the kind adds to a leaderboard, in display order; the first is the board score. */
    List<ScoreColumn> columns();

    /** Whether a higher board score ranks first (cosine similarity) or a lower one (MiFID). */
    boolean higherIsBetter();

    /** What per-item evidence a score keeps, in words. */
    String evidenceDescription();

    /** How the kind's items are shown: as text (prompts) or as images. */
    ItemDisplay itemDisplay();

    /**
     * Whether the kind's boards have a memorization threshold that the organizer tunes (MiFID): the threshold
     * analysis, its sweep and its exports apply only then; other kinds are shown through their columns.
     */
    boolean tunesThreshold();

    /**
     * Sets up a new, empty workspace as a competition of this kind: records the kind and its split and stores
     * the hidden truth, all before any submission.
     *
     * @throws InvalidInputException naming the file when the truth is malformed
     */
    void create(Workspace workspace, CompetitionSetup setup, ProgressMonitor monitor);

    /**
     * Validates a submission file and scores it into the workspace on the given boards, all or nothing.
     *
     * @return the stored submission's id
     * @throws InvalidInputException naming the file (and line) when the submission is malformed
     */
    long score(Workspace workspace, KindSubmission submission, List<Board> boards, ProgressMonitor monitor);

    /**
     * The score of the trivial answer on this board, which no team should fall under (the image-to-prompt kind's
     * mean-vector baseline); empty for a kind without one.
     */
    default OptionalDouble baseline(Workspace workspace, Board board) {
        return OptionalDouble.empty();
    }

    /**
     * The per-item level that the kind's integrity evidence reads (image-to-prompt: the near-exact cosine), where
     * the histogram of one submission's items draws its threshold line; empty for a kind without one.
     */
    default OptionalDouble itemLevel() {
        return OptionalDouble.empty();
    }

    /** A stored score's per-item evidence, as figures and readable text, by item. */
    List<ItemEvidence> evidence(Workspace workspace, long submissionId, Board board);

    /**
     * The {@code k} public bank prompts nearest to each item's prediction (image-to-prompt: by cosine to the
     * predicted embedding), by item, for a stored submission on a board, when the workspace holds a bank and the
     * submission gave vectors rather than text; empty otherwise. It reads the submission's file again and
     * searches the whole bank for every item: call it off the FX thread.
     *
     * @throws InvalidInputException naming the file when it is gone or no longer what was scored
     */
    default Map<String, List<BankMatch>> nearestBank(Workspace workspace, long submissionId, Board board, int k) {
        return Map.of();
    }

    /**
     * The competition's hidden items most exposed by its public bank, most exposed first (image-to-prompt: each
     * true prompt's nearest bank prompt and cosine), so an organizer can drop or rewrite them before launch; empty
     * for a kind or competition without a bank. Searches the whole bank for every item: call it off the FX thread.
     */
    default List<BankExposure> exposedItems(Workspace workspace) {
        return List.of();
    }

    /** Every kind on the class path. */
    static List<CompetitionKind> all() {
        return ServiceLoader.load(CompetitionKind.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    /** The kind with this id; an unknown id is bad input naming the known ones. */
    static CompetitionKind byId(String id) {
        List<CompetitionKind> kinds = all();
        return kinds.stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow(() ->
                new InvalidInputException("--kind", "unknown competition kind '" + id + "' (known: "
                        + kinds.stream().map(CompetitionKind::id).sorted().collect(Collectors.joining(", ")) + ")"));
    }

    /** The kind a workspace records. */
    static CompetitionKind of(Workspace workspace) {
        return byId(workspace.competition().kind());
    }
}
