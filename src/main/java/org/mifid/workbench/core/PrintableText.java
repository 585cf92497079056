package org.mifid.workbench.core;

/**
 * Text from competitors (entry names, team names, CSV fields) made safe to print: every control character is
 * written as a visible escape, so a name holding a newline cannot forge a second {@code error:} line and ESC or
 * BEL never reach a terminal; and a long value is shortened, so a 10 MB field does not make a 10 MB message.
 */
public final class PrintableText {
    /** Characters kept of one value in a message. */
    public static final int MAX_LENGTH = 300;

    private PrintableText() {
    }

    /** {@link #escape} then {@link #shorten} to {@link #MAX_LENGTH}; null stays null. */
    public static String of(String text) {
        return text == null ? null : shorten(escape(text), MAX_LENGTH);
    }

    /**
     * Control characters (C0, DEL, C1) and the bidirectional overrides that reorder what a terminal shows written
     * as {@code \n}, {@code \t}, {@code \r} or {@code \x1b} / {@code \u202e}; everything else unchanged.
     */
    public static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escaped = escaped(c);
            if (escaped != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                out.append(escaped != null ? escaped : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * The same escapes except for newline and tab: for a whole report whose lines are the program's own, as the last
     * guard between it and a terminal (fields inside it are escaped with {@link #of} where they are written).
     */
    public static String escapeKeepingLines(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escaped = c == '\n' || c == '\t' ? null : escaped(c);
            if (escaped != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                out.append(escaped != null ? escaped : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }

    private static String escaped(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            case '\r' -> "\\r";
            default -> {
                if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                    yield String.format("\\x%02x", (int) c);
                }
                if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
                    yield String.format("\\u%04x", (int) c);
                }
                yield null;
            }
        };
    }

    /** The text, cut to {@code max} characters with a mark saying how many were left out. */
    public static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "\u2026 (" + (text.length() - max) + " more characters)";
    }
}
