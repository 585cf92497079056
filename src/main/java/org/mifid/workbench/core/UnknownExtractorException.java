package org.mifid.workbench.core;

/**
 * An extractor id that the manifest does not list; the message lists those it does.
 *
 * <p>A kind of {@link InvalidInputException} (one line naming its source) with its own advice and exit status: see
 * {@link ErrorKind}.
 */
public class UnknownExtractorException extends InvalidInputException {
    public UnknownExtractorException(String source, String problem) {
        super(source, problem);
    }
}
