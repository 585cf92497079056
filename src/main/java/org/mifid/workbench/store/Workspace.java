package org.mifid.workbench.store;

import org.mifid.workbench.core.BankPrompt;
import org.mifid.workbench.core.Board;
import org.mifid.workbench.core.Competition;
import org.mifid.workbench.core.ItemEvidence;
import org.mifid.workbench.core.Submission;
import org.mifid.workbench.core.TruthItem;
import org.mifid.workbench.core.VerdictEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.MeasureValues;

/**
 * One competition's workspace: a single SQLite file holding its submissions, scores, neighbours, verdicts and
 * thresholds. Every write is one transaction: it happens whole or not at all. Safe to use from several
 * threads; readers are not blocked by a writer (WAL).
 */
public interface Workspace extends AutoCloseable {

    /**
     * Opens (creating or migrating) the workspace stored in {@code file} for reading and writing.
     *
     * @throws org.mifid.workbench.core.InvalidInputException naming the file when it is not a workbench
     *         workspace (another application's database, not SQLite at all); the file is left untouched
     */
    static Workspace open(Path file) {
        return SqliteWorkspace.open(file);
    }

    /**
     * Opens an existing workspace for reading only: the file is never changed, not even migrated (an older
     * schema is read through a migrated copy in memory). Every write then fails with {@link WorkspaceException}.
     *
     * @throws org.mifid.workbench.core.InvalidInputException naming the file when it is missing or is not a
     *         workbench workspace; the file is left untouched
     */
    static Workspace openReadOnly(Path file) {
        return SqliteWorkspace.openReadOnly(file);
    }

    Path file();

    /** Whether this workspace was opened with {@link #openReadOnly}. */
    boolean readOnly();

    String competitionName();

    /** The competition: its name, its kind and (for kinds that split items themselves) its split. */
    Competition competition();

    /**
     * Sets the competition's kind and split; only while the workspace holds no submission.
     *
     * @param publicFraction share of the hidden items on the public board, NaN when the kind does not split them
     * @param images where the competition's images are (display only), or null
     */
    void defineCompetition(String kind, double publicFraction, long splitSeed, String images);

    /** Stores the competition's hidden items (prompts and their embeddings) in one transaction. */
    void addTruth(List<TruthItem> items);

    /** The hidden items, by id. */
    List<TruthItem> truth();

    /** Stores the competition's public prompt bank (prompts and their embeddings) in one transaction. */
    void addBank(List<BankPrompt> prompts);

    /** The public prompt bank, by id; empty when the competition was created without one. */
    List<BankPrompt> bank();

    /**
     * Stores a submission with its board scores, figures and per-item evidence in one transaction (every kind
     * but MiFID, whose scores go through {@link #addSubmission}).
     *
     * @throws DuplicateSubmissionException if a submission with the same checksum is already stored
     */
    long addScoredSubmission(NewSubmission submission, List<NewBoardScore> scores);

    /** Every scored submission of a board in the form every kind fits, with the kind's figures, by id. */
    List<BoardRow> boardRows(Board board);

    /** A submission's per-item evidence on a board, by item id. */
    List<ItemEvidence> itemEvidence(long submissionId, Board board);

    void renameCompetition(String name);

    /** The threshold in force on a leaderboard: the latest applied, or the preset's default. */
    double threshold(LeaderboardPreset leaderboard);

    /** Applies a threshold and appends it to the leaderboard's history. */
    void applyThreshold(ThresholdChange change);

    List<ThresholdChange> thresholdHistory(LeaderboardPreset leaderboard);

    long addReferenceSet(ReferenceSet set, List<String> imageNames);

    Optional<ReferenceSet> referenceSet(long id);

    Optional<ReferenceSet> referenceSetByChecksum(String checksum);

    /** Makes {@code referenceSetId} the training set a leaderboard scores against. */
    void assignReferenceSet(LeaderboardPreset leaderboard, long referenceSetId);

    /** The training set a leaderboard scores against, if one was assigned. */
    Optional<ReferenceSet> leaderboardReferenceSet(LeaderboardPreset leaderboard);

    /**
     * Makes {@code referenceSetId} the leaderboard's held-out real set: real images of the training distribution
     * kept out of training, what the data-copying test C_T compares generated images with. Refused when it is the
     * board's training set.
     */
    void assignHeldOutSet(LeaderboardPreset leaderboard, long referenceSetId);

    /** The held-out real set registered with a leaderboard, if any. */
    Optional<ReferenceSet> leaderboardHeldOutSet(LeaderboardPreset leaderboard);

    /** Makes {@code extractorId} (a models manifest id) the network a leaderboard is scored with. */
    void assignExtractor(LeaderboardPreset leaderboard, String extractorId);

    /** The network a leaderboard is scored with: the assigned one, or the 2019 competition's. */
    String leaderboardExtractor(LeaderboardPreset leaderboard);

    /** Image names of a reference set in feature-row order. */
    List<String> referenceImageNames(long referenceSetId);

    List<Submission> submissions();

    Optional<Submission> submission(long id);

    Optional<Submission> submissionByChecksum(String checksum);

    /** The first stored submission with this competition id, if any. */
    Optional<Submission> submissionByExternalId(String externalId);

    int submissionCount();

    /** A submission's image names in feature-row order (empty for imported results). */
    List<String> submissionImageNames(long submissionId);

    /**
     * Stores a submission with its scores and neighbours in one transaction.
     *
     * @throws DuplicateSubmissionException if a submission with the same checksum is already stored
     */
    long addSubmission(NewSubmission submission, List<ScoredLeaderboard> scores);

    /**
     * Stores many submissions with their scores in one transaction (results import): all of them or none.
     *
     * @return the new ids, in the order of {@code batch}
     * @throws DuplicateSubmissionException if any checksum is already stored (nothing is stored then)
     */
    List<Long> addSubmissions(List<NewScoredSubmission> batch);

    /** Adds a stored submission's score on another leaderboard (with its neighbours) in one transaction. */
    void addScore(long submissionId, ScoredLeaderboard score);

    /** Every scored submission of a leaderboard with its current verdict, in no particular order. */
    List<LeaderboardRow> leaderboardRows(LeaderboardPreset leaderboard);

    /** The copying measures of every submission scored on the leaderboard that has them, by submission id. */
    Map<Long, MeasureValues> measures(LeaderboardPreset leaderboard);

    Optional<StoredNeighbours> neighbours(long submissionId, LeaderboardPreset leaderboard);

    /** Appends verdicts to the history, all in one transaction (a bulk verdict is one entry per submission). */
    void recordVerdicts(List<VerdictEntry> entries);

    /** The current verdict of a submission, if any was ever recorded. */
    Optional<VerdictEntry> currentVerdict(long submissionId);

    /** The current verdict of every submission that has one, by submission id: one read for a bulk action. */
    Map<Long, VerdictEntry> currentVerdicts();

    /** A submission's verdict history, oldest first. */
    List<VerdictEntry> verdictHistory(long submissionId);

    @Override
    void close();
}
