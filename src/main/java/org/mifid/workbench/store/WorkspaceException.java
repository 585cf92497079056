package org.mifid.workbench.store;

import org.mifid.workbench.core.InvalidInputException;

/**
 * The workspace file could not be read or written (locked by another process beyond the busy timeout, disk full,
 * corrupt). The file is the source, so the CLI prints it as one line and exits 2 like any bad input.
 */
public class WorkspaceException extends InvalidInputException {
    public WorkspaceException(String file, String problem, Throwable cause) {
        super(file, problem, cause);
    }
}
