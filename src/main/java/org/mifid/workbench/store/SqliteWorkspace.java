package org.mifid.workbench.store;

import org.mifid.workbench.core.Submission;
import org.mifid.workbench.core.Verdict;
import org.mifid.workbench.core.VerdictEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.engine.MifidScore;
import org.mifid.workbench.engine.Neighbours;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite implementation of {@link Workspace}.
 *
 * <p>Concurrency: one write connection, used under a lock, runs every write as one {@code BEGIN IMMEDIATE}
 * transaction; reads go through a small pool of read-only connections. In WAL mode a reader sees the last
 * committed state and is never blocked by a write in progress, so the UI keeps browsing while a score is
 * stored. Another process writing the same file waits on SQLite's busy timeout.
 */
public final class SqliteWorkspace implements Workspace {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteWorkspace.class);
    private static final int MAX_READERS = 4;
    private static final int BUSY_TIMEOUT_MS = 30_000;

    private final Path file;
    private final String url;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Connection writer;
    private final Semaphore readerPermits = new Semaphore(MAX_READERS, true);
    private final ConcurrentLinkedDeque<Connection> idleReaders = new ConcurrentLinkedDeque<>();
    private final List<Connection> allReaders = new ArrayList<>();
    private volatile boolean closed;

    private SqliteWorkspace(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.url = "jdbc:sqlite:" + this.file;
        try {
            Path parent = this.file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            SQLiteConfig config = baseConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            // WAL + NORMAL survives a killed process (what the tests check); only a power cut can lose the last commit
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            // 32 MB of page cache (default 2 MB): an import's index pages for 37,000 rows stay in memory
            config.setCacheSize(-32_000);
            writer = config.createConnection(url);
        } catch (java.io.IOException | SQLException e) {
            throw new InvalidInputException(this.file.toString(), "cannot open workspace: " + e.getMessage(), e);
        }
        try {
            int found = SchemaMigrations.migrate(writer, this.file.toString());
            SqlTransaction.immediate(writer, this::initialise);
            LOG.debug("opened workspace {} (schema {} -> {})", this.file, found, SchemaMigrations.latestVersion());
        } catch (SQLException e) {
            closeQuietly(writer);
            throw new InvalidInputException(this.file.toString(), "not a usable workspace: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(writer);
            throw e;
        }
    }

    /** Opens (creating or migrating) the workspace stored in {@code file}. */
    public static SqliteWorkspace open(Path file) {
        return new SqliteWorkspace(file);
    }

    private static SQLiteConfig baseConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        return config;
    }

    /** A new workspace is named after its file; an existing one keeps its name. */
    private Void initialise(Connection c) throws SQLException {
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT OR IGNORE INTO competition(id, name, created_at) VALUES (1, ?, ?)")) {
            ps.setString(1, name);
            ps.setString(2, Instant.now().toString());
            ps.executeUpdate();
        }
        return null;
    }

    // ---- transactions --------------------------------------------------------------------------------------

    /** Runs {@code work} as one transaction on the write connection: committed whole or rolled back. */
    private <T> T write(SqlTransaction.Work<T> work) {
        writeLock.lock();
        try {
            ensureOpen();
            return SqlTransaction.immediate(writer, work);
        } catch (SQLException e) {
            throw new WorkspaceException(file.toString(), "write failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work} on a pooled read connection; each statement sees the latest committed state. */
    private <T> T read(SqlTransaction.Work<T> work) {
        readerPermits.acquireUninterruptibly();
        Connection c = null;
        try {
            // checked under the permit: close() takes every permit before it closes the connections
            ensureOpen();
            c = idleReaders.pollFirst();
            if (c == null) {
                c = newReader();
            }
            return work.run(c);
        } catch (SQLException e) {
            throw new WorkspaceException(file.toString(), "read failed: " + e.getMessage(), e);
        } finally {
            if (c != null) {
                idleReaders.addFirst(c);
            }
            readerPermits.release();
        }
    }

    private Connection newReader() throws SQLException {
        SQLiteConfig config = baseConfig();
        config.setReadOnly(true);
        Connection c = config.createConnection(url);
        synchronized (allReaders) {
            allReaders.add(c);
        }
        return c;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("workspace " + file + " is closed");
        }
    }

    // ---- competition and thresholds ------------------------------------------------------------------------

    @Override
    public Path file() {
        return file;
    }

    @Override
    public String competitionName() {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM competition WHERE id = 1");
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        });
    }

    @Override
    public void renameCompetition(String name) {
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE competition SET name = ? WHERE id = 1")) {
                ps.setString(1, name);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public double threshold(LeaderboardPreset leaderboard) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT epsilon FROM threshold_change WHERE leaderboard = ? ORDER BY id DESC LIMIT 1")) {
                ps.setString(1, leaderboard.id());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getDouble(1) : leaderboard.epsilon();
                }
            }
        });
    }

    @Override
    public void applyThreshold(ThresholdChange change) {
        if (!(change.epsilon() > 0) || !Double.isFinite(change.epsilon())) {
            throw new IllegalArgumentException("threshold must be a positive number, got " + change.epsilon());
        }
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO threshold_change(leaderboard, epsilon,"
                    + " changed_by, changed_at, note) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, change.leaderboard().id());
                ps.setDouble(2, change.epsilon());
                ps.setString(3, change.changedBy());
                ps.setString(4, instantOrNow(change.changedAt()));
                ps.setString(5, change.note());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<ThresholdChange> thresholdHistory(LeaderboardPreset leaderboard) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT epsilon, changed_by, changed_at, note"
                    + " FROM threshold_change WHERE leaderboard = ? ORDER BY id")) {
                ps.setString(1, leaderboard.id());
                List<ThresholdChange> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ThresholdChange(leaderboard, rs.getDouble(1), rs.getString(2),
                                instant(rs.getString(3)), rs.getString(4)));
                    }
                }
                return out;
            }
        });
    }

    // ---- reference sets ------------------------------------------------------------------------------------

    @Override
    public long addReferenceSet(ReferenceSet set, List<String> imageNames) {
        if (imageNames.size() != set.imageCount()) {
            throw new IllegalArgumentException("reference set " + set.name() + " has " + set.imageCount()
                    + " images but " + imageNames.size() + " names");
        }
        return write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO reference_set(name, location, checksum,"
                    + " image_count, image_names) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, set.name());
                ps.setString(2, set.location());
                ps.setString(3, set.checksum());
                ps.setInt(4, set.imageCount());
                ps.setBytes(5, BlobCodec.names(imageNames));
                ps.executeUpdate();
            }
            return lastRowId(c);
        });
    }

    @Override
    public Optional<ReferenceSet> referenceSet(long id) {
        return queryReferenceSet("id = ?", ps -> ps.setLong(1, id));
    }

    @Override
    public Optional<ReferenceSet> referenceSetByChecksum(String checksum) {
        return queryReferenceSet("checksum = ?", ps -> ps.setString(1, checksum));
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private Optional<ReferenceSet> queryReferenceSet(String where, Binder binder) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, name, location, checksum, image_count FROM reference_set WHERE " + where)) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new ReferenceSet(rs.getLong(1), rs.getString(2), rs.getString(3),
                                    rs.getString(4), rs.getInt(5)))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<String> referenceImageNames(long referenceSetId) {
        return nameList("SELECT image_names FROM reference_set WHERE id = ?", referenceSetId);
    }

    /** The name list in the one BLOB column {@code sql} selects for {@code id}; empty when there is no row. */
    private List<String> nameList(String sql, long id) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? BlobCodec.names(rs.getBytes(1)) : List.of();
                }
            }
        });
    }

    @Override
    public void assignReferenceSet(LeaderboardPreset leaderboard, long referenceSetId) {
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE leaderboard SET reference_set_id = ? WHERE id = ?")) {
                ps.setLong(1, referenceSetId);
                ps.setString(2, leaderboard.id());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<ReferenceSet> leaderboardReferenceSet(LeaderboardPreset leaderboard) {
        Long id = read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT reference_set_id FROM leaderboard WHERE id = ?")) {
                ps.setString(1, leaderboard.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    long value = rs.getLong(1);
                    return rs.wasNull() ? null : value;
                }
            }
        });
        return id == null ? Optional.empty() : referenceSet(id);
    }

    @Override
    public void assignExtractor(LeaderboardPreset leaderboard, String extractorId) {
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE leaderboard SET extractor_id = ? WHERE id = ?")) {
                ps.setString(1, extractorId);
                ps.setString(2, leaderboard.id());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public String leaderboardExtractor(LeaderboardPreset leaderboard) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT extractor_id FROM leaderboard WHERE id = ?")) {
                ps.setString(1, leaderboard.id());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : leaderboard.extractorId();
                }
            }
        });
    }

    // ---- submissions ---------------------------------------------------------------------------------------

    private static final String SUBMISSION_COLUMNS =
            "s.id, s.external_id, s.team, s.file_name, s.path, s.checksum, s.submitted_at, s.image_count, s.label";

    private static Submission submission(ResultSet rs, int at) throws SQLException {
        return new Submission(rs.getLong(at), rs.getString(at + 1), rs.getString(at + 2), rs.getString(at + 3),
                rs.getString(at + 4), rs.getString(at + 5), instant(rs.getString(at + 6)), rs.getInt(at + 7),
                rs.getString(at + 8));
    }

    @Override
    public List<Submission> submissions() {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + SUBMISSION_COLUMNS + " FROM submission s ORDER BY s.id");
                    ResultSet rs = ps.executeQuery()) {
                List<Submission> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(submission(rs, 1));
                }
                return out;
            }
        });
    }

    @Override
    public int submissionCount() {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM submission");
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    @Override
    public Optional<Submission> submission(long id) {
        return querySubmission("s.id = ?", ps -> ps.setLong(1, id));
    }

    @Override
    public Optional<Submission> submissionByChecksum(String checksum) {
        return querySubmission("s.checksum = ?", ps -> ps.setString(1, checksum));
    }

    @Override
    public Optional<Submission> submissionByExternalId(String externalId) {
        return querySubmission("s.external_id = ? ORDER BY s.id LIMIT 1", ps -> ps.setString(1, externalId));
    }

    private Optional<Submission> querySubmission(String where, Binder binder) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + SUBMISSION_COLUMNS + " FROM submission s WHERE " + where)) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(submission(rs, 1)) : Optional.empty();
                }
            }
        });
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
        return write(c -> new SubmissionWriter(c).insert(batch));
    }

    private static final String INSERT_SCORE = "INSERT INTO score(submission_id, leaderboard, fid, distance, epsilon,"
            + " distance_thresholded, mifid, n_generated, n_train, dim, rank_deficient, extractor_id, duration_ms,"
            + " scored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_NEIGHBOURS = "INSERT INTO neighbours(submission_id, leaderboard,"
            + " reference_set_id, k, indices, distances) VALUES (?, ?, ?, ?, ?, ?)";

    @Override
    public void addScore(long submissionId, ScoredLeaderboard score) {
        List<String> names = submissionImageNames(submissionId);
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT_SCORE);
                    PreparedStatement neigh = c.prepareStatement(INSERT_NEIGHBOURS)) {
                SubmissionWriter.bindScore(ps, submissionId, score, Instant.now().toString());
                ps.executeUpdate();
                if (score.neighbours() != null) {
                    SubmissionWriter.checkNeighbourRows(score, names, "submission " + submissionId);
                    SubmissionWriter.bindNeighbours(neigh, submissionId, score);
                    neigh.executeUpdate();
                }
                return null;
            } catch (SQLException e) {
                if (e.getMessage() != null && e.getMessage().contains("UNIQUE")) {
                    throw new InvalidInputException("submission " + submissionId, "already scored on the "
                            + score.leaderboard().id() + " leaderboard");
                }
                throw e;
            }
        });
    }

    /** One batch insert inside the write transaction: ids assigned here, rows sent as JDBC batches. */
    private static final class SubmissionWriter {
        private final Connection c;

        SubmissionWriter(Connection c) {
            this.c = c;
        }

        List<Long> insert(List<NewScoredSubmission> batch) throws SQLException {
            rejectRepeats(batch);
            // the write lock plus BEGIN IMMEDIATE make this the only writer, so the next ids are ours
            long nextId;
            try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(id), 0) + 1 FROM submission");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                nextId = rs.getLong(1);
            }
            String now = Instant.now().toString();
            List<Long> ids = new ArrayList<>(batch.size());
            try (PreparedStatement sub = c.prepareStatement("INSERT INTO submission(id, external_id, team,"
                            + " file_name, path, checksum, submitted_at, image_count, label, added_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement names = c.prepareStatement(
                            "INSERT INTO submission_images(submission_id, names) VALUES (?, ?)");
                    PreparedStatement score = c.prepareStatement(INSERT_SCORE);
                    PreparedStatement neigh = c.prepareStatement(INSERT_NEIGHBOURS);
                    PreparedStatement verdict = c.prepareStatement(INSERT_VERDICT)) {
                int pendingNames = 0;
                int pendingNeighbours = 0;
                int pendingVerdicts = 0;
                for (NewScoredSubmission item : batch) {
                    long id = nextId++;
                    ids.add(id);
                    NewSubmission s = item.submission();
                    sub.setLong(1, id);
                    sub.setString(2, s.externalId());
                    sub.setString(3, s.team());
                    sub.setString(4, s.fileName());
                    sub.setString(5, s.path());
                    sub.setString(6, s.checksum());
                    sub.setString(7, s.submittedAt() == null ? null : s.submittedAt().toString());
                    sub.setInt(8, s.imageCount());
                    sub.setString(9, s.label());
                    sub.setString(10, now);
                    sub.addBatch();
                    if (s.imageNames() != null && !s.imageNames().isEmpty()) {
                        names.setLong(1, id);
                        names.setBytes(2, BlobCodec.names(s.imageNames()));
                        names.addBatch();
                        pendingNames++;
                    }
                    if (item.verdict() != null) {
                        bindVerdict(verdict, id, item.verdict());
                        verdict.addBatch();
                        pendingVerdicts++;
                    }
                    for (ScoredLeaderboard sl : item.scores()) {
                        bindScore(score, id, sl, now);
                        score.addBatch();
                        if (sl.neighbours() != null) {
                            checkNeighbourRows(sl, s.imageNames(), s.fileName());
                            bindNeighbours(neigh, id, sl);
                            neigh.addBatch();
                            pendingNeighbours++;
                        }
                    }
                }
                try {
                    sub.executeBatch();
                } catch (SQLException e) {
                    if (e.getMessage() != null && e.getMessage().contains("submission.checksum")) {
                        throw findDuplicate(batch, e);
                    }
                    throw e;
                }
                if (pendingNames > 0) {
                    names.executeBatch();
                }
                score.executeBatch();
                if (pendingNeighbours > 0) {
                    neigh.executeBatch();
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
        private DuplicateSubmissionException findDuplicate(List<NewScoredSubmission> batch, SQLException cause)
                throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM submission WHERE checksum = ?")) {
                for (NewScoredSubmission item : batch) {
                    ps.setString(1, item.submission().checksum());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            return new DuplicateSubmissionException(source(item.submission()), rs.getLong(1));
                        }
                    }
                }
            }
            throw cause;
        }

        private static String source(NewSubmission s) {
            return s.fileName() != null ? s.fileName() : s.checksum();
        }

        private static void bindScore(PreparedStatement ps, long id, ScoredLeaderboard sl, String now)
                throws SQLException {
            MifidScore m = sl.score();
            ps.setLong(1, id);
            ps.setString(2, sl.leaderboard().id());
            ps.setDouble(3, m.fid());
            ps.setDouble(4, m.distance());
            ps.setDouble(5, m.epsilon());
            ps.setDouble(6, m.distanceThresholded());
            ps.setDouble(7, m.mifid());
            ps.setInt(8, m.nGenerated());
            ps.setInt(9, m.nTrain());
            ps.setInt(10, m.dim());
            ps.setInt(11, m.rankDeficient() ? 1 : 0);
            ps.setString(12, sl.extractorId());
            ps.setLong(13, sl.durationMillis());
            ps.setString(14, now);
        }

        private static void checkNeighbourRows(ScoredLeaderboard sl, List<String> imageNames, String source) {
            int rows = sl.neighbours().size();
            if (imageNames != null && !imageNames.isEmpty() && imageNames.size() != rows) {
                throw new IllegalArgumentException(source + ": " + rows + " neighbour rows for "
                        + imageNames.size() + " image names");
            }
        }

        private static void bindNeighbours(PreparedStatement ps, long id, ScoredLeaderboard sl) throws SQLException {
            Neighbours n = sl.neighbours();
            ps.setLong(1, id);
            ps.setString(2, sl.leaderboard().id());
            if (sl.referenceSetId() > 0) {
                ps.setLong(3, sl.referenceSetId());
            } else {
                ps.setNull(3, Types.INTEGER);
            }
            ps.setInt(4, n.k());
            ps.setBytes(5, BlobCodec.ints(n.indices()));
            ps.setBytes(6, BlobCodec.floats(n.distances()));
        }
    }

    // ---- leaderboards and neighbours -----------------------------------------------------------------------

    @Override
    public List<LeaderboardRow> leaderboardRows(LeaderboardPreset leaderboard) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + SUBMISSION_COLUMNS + ","
                    + " sc.fid, sc.distance, sc.epsilon, sc.distance_thresholded, sc.mifid, sc.extractor_id,"
                    + " sc.duration_ms, sc.scored_at,"
                    + " v.verdict, v.note, v.reviewer, v.decided_at, v.leaderboard, v.threshold, v.action"
                    + " FROM score sc JOIN submission s ON s.id = sc.submission_id"
                    + " LEFT JOIN verdict v ON v.id = (SELECT max(id) FROM verdict WHERE submission_id = s.id)"
                    + " WHERE sc.leaderboard = ? ORDER BY s.id")) {
                ps.setString(1, leaderboard.id());
                List<LeaderboardRow> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Submission s = submission(rs, 1);
                        SubmissionScore score = new SubmissionScore(s.id(), leaderboard, rs.getDouble(10),
                                rs.getDouble(11), rs.getDouble(12), rs.getDouble(13), rs.getDouble(14),
                                rs.getString(15), rs.getLong(16), instant(rs.getString(17)));
                        String verdict = rs.getString(18);
                        VerdictEntry v = verdict == null ? null : verdictEntry(s.id(), rs, 18);
                        rows.add(new LeaderboardRow(s, score, v));
                    }
                }
                return rows;
            }
        });
    }

    @Override
    public Optional<StoredNeighbours> neighbours(long submissionId, LeaderboardPreset leaderboard) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT n.k, n.indices, n.distances,"
                    + " n.reference_set_id, i.names FROM neighbours n"
                    + " LEFT JOIN submission_images i ON i.submission_id = n.submission_id"
                    + " WHERE n.submission_id = ? AND n.leaderboard = ?")) {
                ps.setLong(1, submissionId);
                ps.setString(2, leaderboard.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Neighbours n = new Neighbours(rs.getInt(1), BlobCodec.ints(rs.getBytes(2)),
                            BlobCodec.floats(rs.getBytes(3)));
                    long refId = rs.getLong(4);
                    byte[] names = rs.getBytes(5);
                    return Optional.of(new StoredNeighbours(
                            names == null ? List.of() : BlobCodec.names(names), n, refId));
                }
            }
        });
    }

    @Override
    public List<String> submissionImageNames(long submissionId) {
        return nameList("SELECT names FROM submission_images WHERE submission_id = ?", submissionId);
    }

    // ---- verdicts ------------------------------------------------------------------------------------------

    private static final String INSERT_VERDICT = "INSERT INTO verdict(submission_id, verdict, note, reviewer,"
            + " decided_at, leaderboard, threshold, action) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    @Override
    public void recordVerdicts(List<VerdictEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT_VERDICT)) {
                for (VerdictEntry e : entries) {
                    bindVerdict(ps, e.submissionId(), e);
                    ps.addBatch();
                }
                return ps.executeBatch();
            }
        });
    }

    private static void bindVerdict(PreparedStatement ps, long submissionId, VerdictEntry e) throws SQLException {
        ps.setLong(1, submissionId);
        ps.setString(2, e.verdict().name());
        ps.setString(3, e.note());
        ps.setString(4, e.reviewer());
        ps.setString(5, instantOrNow(e.decidedAt()));
        ps.setString(6, e.leaderboard() == null ? null : e.leaderboard().id());
        if (Double.isFinite(e.threshold())) {
            ps.setDouble(7, e.threshold());
        } else {
            ps.setNull(7, Types.REAL);
        }
        ps.setString(8, e.action());
    }

    @Override
    public Optional<VerdictEntry> currentVerdict(long submissionId) {
        List<VerdictEntry> latest = verdicts(submissionId, "ORDER BY id DESC LIMIT 1");
        return latest.isEmpty() ? Optional.empty() : Optional.of(latest.get(0));
    }

    @Override
    public Map<Long, VerdictEntry> currentVerdicts() {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT submission_id, verdict, note, reviewer,"
                    + " decided_at, leaderboard, threshold, action FROM verdict"
                    + " WHERE id IN (SELECT max(id) FROM verdict GROUP BY submission_id)")) {
                Map<Long, VerdictEntry> out = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        out.put(id, verdictEntry(id, rs, 2));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<VerdictEntry> verdictHistory(long submissionId) {
        return verdicts(submissionId, "ORDER BY id");
    }

    private List<VerdictEntry> verdicts(long submissionId, String order) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT verdict, note, reviewer, decided_at,"
                    + " leaderboard, threshold, action FROM verdict WHERE submission_id = ? " + order)) {
                ps.setLong(1, submissionId);
                List<VerdictEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(verdictEntry(submissionId, rs, 1));
                    }
                }
                return out;
            }
        });
    }

    private static VerdictEntry verdictEntry(long submissionId, ResultSet rs, int at) throws SQLException {
        String lb = rs.getString(at + 4);
        double threshold = rs.getDouble(at + 5);
        if (rs.wasNull()) {
            threshold = Double.NaN;
        }
        return new VerdictEntry(submissionId, Verdict.valueOf(rs.getString(at)), rs.getString(at + 1),
                rs.getString(at + 2), instant(rs.getString(at + 3)),
                lb == null ? null : LeaderboardPreset.parse(lb), threshold, rs.getString(at + 6));
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static long lastRowId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_insert_rowid()");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static String instantOrNow(Instant instant) {
        return (instant == null ? Instant.now() : instant).toString();
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.warn("closing a connection failed", e);
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            // wait for reads in flight, then close every reader and finally the writer (which checkpoints the WAL);
            // the permits go back so that a late reader finds the workspace closed instead of waiting forever
            readerPermits.acquireUninterruptibly(MAX_READERS);
            try {
                synchronized (allReaders) {
                    allReaders.forEach(SqliteWorkspace::closeQuietly);
                    allReaders.clear();
                }
                idleReaders.clear();
                closeQuietly(writer);
            } finally {
                readerPermits.release(MAX_READERS);
            }
        } finally {
            writeLock.unlock();
        }
    }
}
