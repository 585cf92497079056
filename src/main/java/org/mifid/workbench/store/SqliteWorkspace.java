package org.mifid.workbench.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mifid.workbench.core.BankPrompt;
import org.mifid.workbench.core.Board;
import org.mifid.workbench.core.Competition;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.ItemEvidence;
import org.mifid.workbench.core.TruthItem;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.MeasureValues;
import org.mifid.workbench.core.Submission;
import org.mifid.workbench.core.VerdictEntry;

/**
 * The SQLite implementation of {@link Workspace}: one record class per kind of record (competition, thresholds,
 * reference sets, submissions, scores, evidence, verdicts) over one {@link SqliteDatabase}. Only the writes that
 * span several kinds of record (a submission stored with its scores, evidence and imported verdict) are
 * composed here, each as one transaction.
 */
public final class SqliteWorkspace implements Workspace {
    private final SqliteDatabase db;
    private final CompetitionRecords competition;
    private final ThresholdRecords thresholds;
    private final ReferenceSetRecords referenceSets;
    private final SubmissionRecords submissions;
    private final ScoreRecords scores;
    private final EvidenceRecords evidence;
    private final MeasureRecords measures;
    private final VerdictRecords verdicts;
    private final TruthRecords truth;
    private final BankRecords bank;
    private final BoardScoreRecords boardScores;

    private SqliteWorkspace(SqliteDatabase db) {
        this.db = db;
        this.competition = new CompetitionRecords(db);
        this.thresholds = new ThresholdRecords(db);
        this.referenceSets = new ReferenceSetRecords(db);
        this.submissions = new SubmissionRecords(db);
        this.scores = new ScoreRecords(db);
        this.evidence = new EvidenceRecords(db);
        this.measures = new MeasureRecords(db);
        this.verdicts = new VerdictRecords(db);
        this.truth = new TruthRecords(db);
        this.bank = new BankRecords(db);
        this.boardScores = new BoardScoreRecords(db);
    }

    /** Opens (creating or migrating) the workspace stored in {@code file}; refuses any other file untouched. */
    public static SqliteWorkspace open(Path file) {
        SqliteDatabase db = SqliteDatabase.openForWriting(file);
        try {
            SqliteWorkspace ws = new SqliteWorkspace(db);
            ws.competition.initialise();
            return ws;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Opens an existing workspace for reading: the file is never changed, not even migrated. */
    public static SqliteWorkspace openReadOnly(Path file) {
        return new SqliteWorkspace(SqliteDatabase.openForReading(file));
    }

    @Override
    public Path file() {
        return db.file();
    }

    @Override
    public boolean readOnly() {
        return db.readOnly();
    }

    // ---- competition, leaderboards and thresholds ----------------------------------------------------------

    @Override
    public String competitionName() {
        return competition.name();
    }

    @Override
    public Competition competition() {
        return competition.competition();
    }

    @Override
    public void defineCompetition(String kind, double publicFraction, long splitSeed, String images) {
        competition.define(kind, publicFraction, splitSeed, images);
    }

    @Override
    public void addTruth(List<TruthItem> items) {
        truth.add(items);
    }

    @Override
    public List<TruthItem> truth() {
        return truth.all();
    }

    @Override
    public void addBank(List<BankPrompt> prompts) {
        bank.add(prompts);
    }

    @Override
    public List<BankPrompt> bank() {
        return bank.all();
    }

    @Override
    public void renameCompetition(String name) {
        competition.rename(name);
    }

    @Override
    public double threshold(LeaderboardPreset leaderboard) {
        return thresholds.current(leaderboard);
    }

    @Override
    public void applyThreshold(ThresholdChange change) {
        thresholds.apply(change);
    }

    @Override
    public List<ThresholdChange> thresholdHistory(LeaderboardPreset leaderboard) {
        return thresholds.history(leaderboard);
    }

    @Override
    public void assignReferenceSet(LeaderboardPreset leaderboard, long referenceSetId) {
        competition.assignReferenceSet(leaderboard, referenceSetId);
    }

    @Override
    public Optional<ReferenceSet> leaderboardReferenceSet(LeaderboardPreset leaderboard) {
        return competition.referenceSetId(leaderboard).flatMap(referenceSets::byId);
    }

    @Override
    public void assignHeldOutSet(LeaderboardPreset leaderboard, long referenceSetId) {
        if (competition.referenceSetId(leaderboard).orElse(-1L) == referenceSetId) {
            throw new InvalidInputException(referenceSet(referenceSetId).map(ReferenceSet::location).orElse("set "
                    + referenceSetId), "is the " + leaderboard.id() + " leaderboard's training set; a held-out set"
                    + " must be real images kept out of training");
        }
        referenceSets.assignHeldOut(leaderboard, referenceSetId);
    }

    @Override
    public Optional<ReferenceSet> leaderboardHeldOutSet(LeaderboardPreset leaderboard) {
        return referenceSets.heldOutId(leaderboard).flatMap(referenceSets::byId);
    }

    @Override
    public void assignExtractor(LeaderboardPreset leaderboard, String extractorId) {
        competition.assignExtractor(leaderboard, extractorId);
    }

    @Override
    public String leaderboardExtractor(LeaderboardPreset leaderboard) {
        return competition.extractor(leaderboard);
    }

    // ---- reference sets ------------------------------------------------------------------------------------

    @Override
    public long addReferenceSet(ReferenceSet set, List<String> imageNames) {
        return referenceSets.add(set, imageNames);
    }

    @Override
    public Optional<ReferenceSet> referenceSet(long id) {
        return referenceSets.byId(id);
    }

    @Override
    public Optional<ReferenceSet> referenceSetByChecksum(String checksum) {
        return referenceSets.byChecksum(checksum);
    }

    @Override
    public List<String> referenceImageNames(long referenceSetId) {
        return referenceSets.imageNames(referenceSetId);
    }

    // ---- submissions ---------------------------------------------------------------------------------------

    @Override
    public List<Submission> submissions() {
        return submissions.all();
    }

    @Override
    public int submissionCount() {
        return submissions.count();
    }

    @Override
    public Optional<Submission> submission(long id) {
        return submissions.byId(id);
    }

    @Override
    public Optional<Submission> submissionByChecksum(String checksum) {
        return submissions.byChecksum(checksum);
    }

    @Override
    public Optional<Submission> submissionByExternalId(String externalId) {
        return submissions.byExternalId(externalId);
    }

    @Override
    public List<String> submissionImageNames(long submissionId) {
        return submissions.imageNames(submissionId);
    }

    @Override
    public long addSubmission(NewSubmission submission, List<ScoredLeaderboard> scores) {
        return addSubmissions(List.of(new NewScoredSubmission(submission, scores))).get(0);
    }

    @Override
    public List<Long> addSubmissions(List<NewScoredSubmission> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        rejectRepeats(batch);
        return db.write(c -> {
            CompetitionRecords.requireKind(c, true, db.file().toString());
            return insert(c, batch);
        });
    }

    /** One batch insert inside the write transaction: ids assigned here, rows sent as JDBC batches. */
    private static List<Long> insert(Connection c, List<NewScoredSubmission> batch) throws SQLException {
        long nextId = SubmissionRecords.nextId(c);
        String now = Instant.now().toString();
        List<Long> ids = new ArrayList<>(batch.size());
        try (SubmissionRecords.Inserter subs = new SubmissionRecords.Inserter(c);
                PreparedStatement score = ScoreRecords.prepareInsert(c);
                PreparedStatement neigh = EvidenceRecords.prepareInsert(c);
                PreparedStatement measure = MeasureRecords.prepareInsert(c);
                PreparedStatement verdict = c.prepareStatement(VerdictRecords.INSERT)) {
            int pendingNeighbours = 0;
            int pendingMeasures = 0;
            int pendingVerdicts = 0;
            for (NewScoredSubmission item : batch) {
                long id = nextId++;
                ids.add(id);
                NewSubmission s = item.submission();
                subs.add(id, s, now);
                if (item.verdict() != null) {
                    VerdictRecords.bind(verdict, id, item.verdict());
                    verdict.addBatch();
                    pendingVerdicts++;
                }
                for (ScoredLeaderboard sl : item.scores()) {
                    ScoreRecords.bind(score, id, sl, now);
                    score.addBatch();
                    if (sl.neighbours() != null) {
                        EvidenceRecords.checkRows(sl, s.imageNames(), s.fileName());
                        EvidenceRecords.bind(neigh, id, sl);
                        neigh.addBatch();
                        pendingNeighbours++;
                    }
                    if (sl.measures() != null) {
                        pendingMeasures += MeasureRecords.bind(measure, id, sl);
                    }
                }
            }
            try {
                subs.flushRows();
            } catch (SQLException e) {
                if (SqliteErrors.isUniqueViolation(e)) {
                    throw findDuplicate(c, batch, e);
                }
                throw e;
            }
            subs.flushNames();
            score.executeBatch();
            if (pendingNeighbours > 0) {
                neigh.executeBatch();
            }
            if (pendingMeasures > 0) {
                measure.executeBatch();
            }
            if (pendingVerdicts > 0) {
                verdict.executeBatch();
            }
        }
        return ids;
    }

    /** Checksums repeated inside the batch are caught here; those already stored by the UNIQUE index. */
    private static void rejectRepeats(List<NewScoredSubmission> batch) {
        Map<String, String> seen = new HashMap<>();
        for (NewScoredSubmission item : batch) {
            NewSubmission s = item.submission();
            String source = source(s);
            String earlier = seen.putIfAbsent(s.checksum(), source);
            if (earlier != null) {
                throw new InvalidInputException(source, "appears twice in the same batch (same SHA-256 as "
                        + earlier + ")");
            }
        }
    }

    /** After the UNIQUE index refused a checksum (the transaction still open): name the stored submission. */
    private static DuplicateSubmissionException findDuplicate(Connection c, List<NewScoredSubmission> batch,
            SQLException cause) throws SQLException {
        for (NewScoredSubmission item : batch) {
            Optional<Long> stored = SubmissionRecords.idByChecksum(c, item.submission().checksum());
            if (stored.isPresent()) {
                return new DuplicateSubmissionException(source(item.submission()), stored.get());
            }
        }
        throw cause;
    }

    private static String source(NewSubmission s) {
        return s.fileName() != null ? s.fileName() : s.checksum();
    }

    @Override
    public long addScoredSubmission(NewSubmission submission, List<NewBoardScore> scores) {
        return db.write(c -> {
            CompetitionRecords.requireKind(c, false, db.file().toString());
            long id = SubmissionRecords.nextId(c);
            try (SubmissionRecords.Inserter subs = new SubmissionRecords.Inserter(c)) {
                subs.add(id, submission, Instant.now().toString());
                try {
                    subs.flushRows();
                } catch (SQLException e) {
                    if (SqliteErrors.isUniqueViolation(e)) {
                        throw findDuplicate(c, List.of(new NewScoredSubmission(submission, List.of())), e);
                    }
                    throw e;
                }
                subs.flushNames();
            }
            String now = Instant.now().toString();
            for (NewBoardScore score : scores) {
                BoardScoreRecords.insert(c, id, score, now);
            }
            return id;
        });
    }

    @Override
    public List<BoardRow> boardRows(Board board) {
        return boardScores.rows(board);
    }

    @Override
    public List<ItemEvidence> itemEvidence(long submissionId, Board board) {
        return boardScores.items(submissionId, board);
    }

    @Override
    public void addScore(long submissionId, ScoredLeaderboard score) {
        db.write(c -> {
            CompetitionRecords.requireKind(c, true, db.file().toString());
            try (PreparedStatement ps = ScoreRecords.prepareInsert(c);
                    PreparedStatement neigh = EvidenceRecords.prepareInsert(c);
                    PreparedStatement measure = MeasureRecords.prepareInsert(c)) {
                ScoreRecords.bind(ps, submissionId, score, Instant.now().toString());
                ps.executeUpdate();
                if (score.neighbours() != null) {
                    EvidenceRecords.checkRows(score, SubmissionRecords.imageNames(c, submissionId),
                            "submission " + submissionId);
                    EvidenceRecords.bind(neigh, submissionId, score);
                    neigh.executeUpdate();
                }
                if (score.measures() != null) {
                    MeasureRecords.bind(measure, submissionId, score);
                    measure.executeBatch();
                }
                return null;
            } catch (SQLException e) {
                if (SqliteErrors.isUniqueViolation(e)) {
                    throw new InvalidInputException("submission " + submissionId, "already scored on the "
                            + score.leaderboard().id() + " leaderboard");
                }
                throw e;
            }
        });
    }

    // ---- leaderboards, evidence and verdicts ---------------------------------------------------------------

    @Override
    public List<LeaderboardRow> leaderboardRows(LeaderboardPreset leaderboard) {
        return scores.leaderboardRows(leaderboard);
    }

    @Override
    public Map<Long, MeasureValues> measures(LeaderboardPreset leaderboard) {
        return measures.of(leaderboard);
    }

    @Override
    public Optional<StoredNeighbours> neighbours(long submissionId, LeaderboardPreset leaderboard) {
        return evidence.neighbours(submissionId, leaderboard);
    }

    @Override
    public void recordVerdicts(List<VerdictEntry> entries) {
        verdicts.record(entries);
    }

    @Override
    public Optional<VerdictEntry> currentVerdict(long submissionId) {
        return verdicts.current(submissionId);
    }

    @Override
    public Map<Long, VerdictEntry> currentVerdicts() {
        return verdicts.currentAll();
    }

    @Override
    public List<VerdictEntry> verdictHistory(long submissionId) {
        return verdicts.history(submissionId);
    }

    @Override
    public void close() {
        db.close();
    }
}
