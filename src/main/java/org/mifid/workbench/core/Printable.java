package org.mifid.workbench.core;

/** Text from a file made fit for one line of a terminal or a dialog: no control bytes, bounded length. */
public final class Printable {
    private Printable() {
    }

    public static String of(String text, int maxLength) {
        if (text == null) {
            return "";
        }
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > maxLength ? clean.substring(0, maxLength) + "…" : clean;
    }
}
