package org.mifid.workbench.core;

/**
 * Bad input from the outside world: a file, an archive entry, a CSV line. The message is one line that names
 * the offending source first, so the CLI can print it as is and exit with status 2, and the UI can show it
 * in a dialog.
 */
public class InvalidInputException extends RuntimeException {
    private final String source;

    public InvalidInputException(String source, String problem) {
        super(message(source, problem));
        this.source = source;
    }

    public InvalidInputException(String source, String problem, Throwable cause) {
        super(message(source, problem), cause);
        this.source = source;
    }

    /** One printable line, whatever the file or entry name and the problem hold (see {@link PrintableText}). */
    private static String message(String source, String problem) {
        return PrintableText.of(source) + ": " + PrintableText.of(problem);
    }

    /** The file, entry or line the problem was found in. */
    public String source() {
        return source;
    }
}
