package org.mifid.workbench.core;

/**
 * The workspace file could not be read or written: locked by another program, disk full, damaged, read-only. The
 * input is fine; trying again later, freeing space or restoring the file is what helps.
 *
 * <p>A kind of {@link InvalidInputException} (one line naming its source) with its own advice and exit status: see
 * {@link ErrorKind}.
 */
public class StorageException extends InvalidInputException {
    public StorageException(String source, String problem, Throwable cause) {
        super(source, problem, cause);
    }
}
