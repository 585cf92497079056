package org.mifid.workbench.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import org.mifid.workbench.core.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

/**
 * The connections of one workspace file and the one way to use them: {@link #write} runs a whole transaction,
 * {@link #read} a query on a pooled reader. Every record class of the store goes through here.
 *
 * <p>Concurrency: one write connection, used under a lock, runs every write as one {@code BEGIN IMMEDIATE}
 * transaction; reads go through a small pool of read-only connections. In WAL mode a reader sees the last
 * committed state and is never blocked by a write in progress, so the UI keeps browsing while a score is
 * stored. Another process writing the same file waits on SQLite's busy timeout.
 *
 * <p>Opened for reading, the file is never changed: no writer, no migration. A workspace of an older schema is
 * then read from a migrated copy in memory, so an export of an old workspace neither fails nor upgrades it.
 */
final class SqliteDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteDatabase.class);
    private static final int MAX_READERS = 4;
    private static final int BUSY_TIMEOUT_MS = 30_000;

    @FunctionalInterface
    private interface ReaderFactory {
        Connection newReader() throws SQLException;
    }

    private final Path file;
    private final ReentrantLock writeLock = new ReentrantLock();
    /** Null when opened for reading. */
    private final Connection writer;
    private final int maxReaders;
    private final ReaderFactory readerFactory;
    private final Semaphore readerPermits;
    private final ConcurrentLinkedDeque<Connection> idleReaders = new ConcurrentLinkedDeque<>();
    private final List<Connection> allReaders = new ArrayList<>();
    private volatile boolean closed;

    private SqliteDatabase(Path file, Connection writer, int maxReaders, ReaderFactory readerFactory) {
        this.file = file;
        this.writer = writer;
        this.maxReaders = maxReaders;
        this.readerFactory = readerFactory;
        this.readerPermits = new Semaphore(maxReaders, true);
    }

    /** Opens (creating or migrating) a workspace for reading and writing; refuses any other file untouched. */
    static SqliteDatabase openForWriting(Path file) {
        Path path = file.toAbsolutePath().normalize();
        WorkspaceFileCheck.schemaVersion(path, true);
        Connection writer;
        try {
            Path parent = path.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            SQLiteConfig config = baseConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            // WAL + NORMAL survives a killed process (what the tests check); only a power cut can lose the last commit
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            // 32 MB of page cache (default 2 MB): an import's index pages for 37,000 rows stay in memory
            config.setCacheSize(-32_000);
            writer = config.createConnection(url(path));
        } catch (IOException e) {
            throw new InvalidInputException(path.toString(), "cannot open workspace: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new InvalidInputException(path.toString(), "cannot open workspace: " + SqliteErrors.describe(e), e);
        }
        try {
            int found = SchemaMigrations.migrate(writer, path.toString());
            LOG.debug("opened workspace {} (schema {} -> {})", path, found, SchemaMigrations.latestVersion());
        } catch (SQLException e) {
            closeQuietly(writer);
            throw new InvalidInputException(path.toString(), "not a usable workspace: " + SqliteErrors.describe(e), e);
        } catch (RuntimeException e) {
            closeQuietly(writer);
            throw e;
        }
        return new SqliteDatabase(path, writer, MAX_READERS, () -> {
            SQLiteConfig config = baseConfig();
            config.setReadOnly(true);
            return config.createConnection(url(path));
        });
    }

    /** Opens an existing workspace without changing the file in any way; refuses any other file untouched. */
    static SqliteDatabase openForReading(Path file) {
        Path path = file.toAbsolutePath().normalize();
        int version = WorkspaceFileCheck.schemaVersion(path, false);
        if (version == SchemaMigrations.latestVersion()) {
            return new SqliteDatabase(path, null, MAX_READERS, () -> {
                SQLiteConfig config = baseConfig();
                config.setReadOnly(true);
                return config.createConnection(url(path));
            });
        }
        Connection snapshot = migratedCopyInMemory(path);
        // the copy lives as long as its one connection: a pool of one, idle from the start, closed with the rest
        SqliteDatabase db = new SqliteDatabase(path, null, 1, () -> snapshot);
        db.allReaders.add(snapshot);
        db.idleReaders.add(snapshot);
        return db;
    }

    private static Connection migratedCopyInMemory(Path path) {
        Connection c = null;
        try {
            c = baseConfig().createConnection("jdbc:sqlite::memory:");
            ((SQLiteConnection) c).getDatabase().restore("main", path.toString(), null);
            SchemaMigrations.migrate(c, path.toString());
            LOG.debug("reading workspace {} from a migrated copy in memory", path);
            return c;
        } catch (SQLException e) {
            if (c != null) {
                closeQuietly(c);
            }
            throw new InvalidInputException(path.toString(), "not a usable workspace: " + SqliteErrors.describe(e), e);
        }
    }

    private static String url(Path path) {
        return "jdbc:sqlite:" + path;
    }

    private static SQLiteConfig baseConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        return config;
    }

    Path file() {
        return file;
    }

    boolean readOnly() {
        return writer == null;
    }

    /** Runs {@code work} as one transaction on the write connection: committed whole or rolled back. */
    <T> T write(SqlTransaction.Work<T> work) {
        if (writer == null) {
            throw new WorkspaceException(file.toString(), "opened for reading only; nothing was changed", null);
        }
        writeLock.lock();
        try {
            ensureOpen();
            return SqlTransaction.immediate(writer, work);
        } catch (SQLException e) {
            throw new WorkspaceException(file.toString(), "write failed: " + SqliteErrors.describe(e), e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work} on a pooled read connection; each statement sees the latest committed state. */
    <T> T read(SqlTransaction.Work<T> work) {
        readerPermits.acquireUninterruptibly();
        Connection c = null;
        try {
            // checked under the permit: close() takes every permit before it closes the connections
            ensureOpen();
            c = idleReaders.pollFirst();
            if (c == null) {
                c = readerFactory.newReader();
                synchronized (allReaders) {
                    allReaders.add(c);
                }
            }
            return work.run(c);
        } catch (SQLException e) {
            throw new WorkspaceException(file.toString(), "read failed: " + SqliteErrors.describe(e), e);
        } finally {
            if (c != null) {
                idleReaders.addFirst(c);
            }
            readerPermits.release();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("workspace " + file + " is closed");
        }
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
            readerPermits.acquireUninterruptibly(maxReaders);
            try {
                synchronized (allReaders) {
                    allReaders.forEach(SqliteDatabase::closeQuietly);
                    allReaders.clear();
                }
                idleReaders.clear();
                if (writer != null) {
                    closeQuietly(writer);
                }
            } finally {
                readerPermits.release(maxReaders);
            }
        } finally {
            writeLock.unlock();
        }
    }
}
