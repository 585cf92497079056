package org.mifid.workbench.core;

/**
 * What kind of failure the organizer is looking at, since each needs different advice: a file or value to fix,
 * network weights to install, an extractor name to correct, or a workspace file that could not be read or
 * written. The command line exits with a status per kind (bad input stays 2, as documented in the README).
 */
public enum ErrorKind {
    /** A file, archive entry, CSV line or typed value is wrong: fix it and run again. */
    BAD_INPUT(2),
    /** A network's weights file is missing or altered: install it where the message says. */
    MISSING_WEIGHTS(3),
    /** The extractor asked for is not in the manifest. */
    UNKNOWN_EXTRACTOR(4),
    /** The workspace file could not be read or written (locked, disk full, damaged, read-only). */
    STORAGE(5);

    private final int exitStatus;

    ErrorKind(int exitStatus) {
        this.exitStatus = exitStatus;
    }

    /** The command line's exit status for this kind. */
    public int exitStatus() {
        return exitStatus;
    }

    /**
     * The kind of {@code error} or of the first cause that has one (background work wraps what it caught), or
     * null when it is none of these: a defect of the program.
     */
    public static ErrorKind of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MissingWeightsException) {
                return MISSING_WEIGHTS;
            }
            if (t instanceof UnknownExtractorException) {
                return UNKNOWN_EXTRACTOR;
            }
            if (t instanceof StorageException) {
                return STORAGE;
            }
            if (t instanceof InvalidInputException) {
                return BAD_INPUT;
            }
        }
        return null;
    }
}
