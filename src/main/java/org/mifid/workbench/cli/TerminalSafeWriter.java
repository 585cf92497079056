package org.mifid.workbench.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import org.mifid.workbench.core.PrintableText;

/**
 * The last guard between the command line and a terminal: whatever a report holds (a team name from a results
 * file, an entry name from a competitor's archive), ESC, BEL, NUL, carriage returns and bidirectional overrides
 * leave as visible escapes. Newlines and tabs pass, since the reports' own lines are made of them; fields that could
 * hold a newline are escaped where they are printed.
 */
final class TerminalSafeWriter extends FilterWriter {
    TerminalSafeWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        write(String.valueOf((char) c));
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
        write(new String(buffer, offset, length));
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        String escaped = PrintableText.escapeKeepingLines(text.substring(offset, offset + length));
        out.write(escaped, 0, escaped.length());
    }
}
