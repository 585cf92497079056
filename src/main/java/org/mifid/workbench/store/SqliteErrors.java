package org.mifid.workbench.store;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * SQLite failures told apart by their (extended) result code, never by message text: messages change between
 * SQLite versions and name tables, codes are the library's contract.
 */
final class SqliteErrors {
    private SqliteErrors() {
    }

    static SQLiteErrorCode code(SQLException e) {
        return e instanceof SQLiteException s ? s.getResultCode() : SQLiteErrorCode.UNKNOWN_ERROR;
    }

    /** A UNIQUE or PRIMARY KEY constraint refused a row (the same checksum, the same score twice). */
    static boolean isUniqueViolation(SQLException e) {
        SQLiteErrorCode c = code(e);
        return c == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE || c == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY;
    }

    /** The file is not an SQLite database at all, or is damaged. */
    static boolean isNotADatabase(SQLException e) {
        SQLiteErrorCode c = code(e);
        return c == SQLiteErrorCode.SQLITE_NOTADB || c == SQLiteErrorCode.SQLITE_CORRUPT;
    }

    /** What the organizer reads after the file name: the cause in words, by the primary result code. */
    static String describe(SQLException e) {
        return switch (primary(code(e))) {
            case SQLITE_BUSY, SQLITE_LOCKED -> "locked by another program (still busy after waiting)";
            case SQLITE_FULL -> "the disk is full";
            case SQLITE_READONLY -> "cannot be written (read-only file or folder)";
            case SQLITE_NOTADB -> "not an SQLite database";
            case SQLITE_CORRUPT -> "damaged (SQLite reports corruption)";
            case SQLITE_CANTOPEN -> "cannot be opened";
            case SQLITE_IOERR -> "input/output error while reading or writing it";
            default -> e.getMessage();
        };
    }

    /** The primary code of an extended one: its low byte (SQLite's own encoding). */
    private static SQLiteErrorCode primary(SQLiteErrorCode c) {
        return SQLiteErrorCode.getErrorCode(c.code & 0xff);
    }
}
