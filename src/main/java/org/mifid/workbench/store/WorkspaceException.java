package org.mifid.workbench.store;

/** The workspace file could not be read or written (I/O, locking, corruption); names the file first. */
public class WorkspaceException extends RuntimeException {
    public WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
