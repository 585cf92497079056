package org.mifid.workbench.store;

import org.mifid.workbench.core.StorageException;

/**
 * The workspace file could not be read or written (locked by another process beyond the busy timeout, disk full,
 * corrupt). The file is the source, so the CLI prints it as one line, and exits with the storage status (see
 * {@link org.mifid.workbench.core.ErrorKind}).
 */
public class WorkspaceException extends StorageException {
    public WorkspaceException(String file, String problem, Throwable cause) {
        super(file, problem, cause);
    }
}
