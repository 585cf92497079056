package org.mifid.workbench.imaging;

import java.util.ArrayList;
import java.util.List;

/** Every problem found in an archive or folder, entry by entry. */
public final class ValidationReport {
    /** One entry's problem. */
    public record Problem(String entry, String problem) {
        @Override
        public String toString() {
            return entry + ": " + problem;
        }
    }

    private final List<Problem> problems = new ArrayList<>();

    void add(String entry, String problem) {
        problems.add(new Problem(entry, problem));
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** One line: the first problem and how many more there are. */
    String summary() {
        String first = problems.get(0).toString();
        return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more problems)";
    }
}
