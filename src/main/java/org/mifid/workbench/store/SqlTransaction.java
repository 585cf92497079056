package org.mifid.workbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Explicit {@code BEGIN IMMEDIATE ... COMMIT} on a connection left in auto-commit mode.
 *
 * <p>Why not JDBC's {@code setAutoCommit(false)}: sqlite-jdbc then opens the next transaction as soon as the last
 * one commits, and in IMMEDIATE mode that holds the database's write lock while the workspace sits idle, so a
 * second process (the UI open while the CLI records a verdict) could never write. Here the lock is taken when a
 * write starts and released when it ends; IMMEDIATE makes a writer wait (busy timeout) at the start instead of
 * failing halfway when another process wrote since it began reading.
 */
final class SqlTransaction {
    private SqlTransaction() {
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    static <T> T immediate(Connection c, Work<T> work) throws SQLException {
        exec(c, "BEGIN IMMEDIATE");
        try {
            T result = work.run(c);
            exec(c, "COMMIT");
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            try {
                exec(c, "ROLLBACK");
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.execute();
        }
    }
}
