package org.mifid.workbench.imaging;

/** Why one entry of a zip or folder was refused. */
public record EntryProblem(String entry, String problem) {
    @Override
    public String toString() {
        return entry + ": " + problem;
    }
}
