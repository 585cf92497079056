package org.mifid.workbench.core;

/**
 * A network's weights file is missing, or is not the file the manifest pins (its checksum differs). The source
 * is the file; the message says in which folder it belongs and how to make it.
 *
 * <p>A kind of {@link InvalidInputException} (one line naming its source) with its own advice and exit status: see
 * {@link ErrorKind}.
 */
public class MissingWeightsException extends InvalidInputException {
    public MissingWeightsException(String source, String problem) {
        super(source, problem);
    }
}
