package org.mifid.workbench.imaging;

/** Why one entry of a zip or folder was refused; an empty entry name stands for the set as a whole. */
public record EntryProblem(String entry, String problem) {
    @Override
    public String toString() {
        return entry.isEmpty() ? problem : entry + ": " + problem;
    }
}
