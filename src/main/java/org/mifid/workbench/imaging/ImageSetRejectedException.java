package org.mifid.workbench.imaging;

import java.util.List;
import org.mifid.workbench.core.InvalidInputException;

/**
 * A set refused as a whole, with the per-entry report. The message stays one line (the first problem and the
 * count); {@link #problems()} holds every entry's reason, up to {@link #MAX_REPORTED}.
 */
public final class ImageSetRejectedException extends InvalidInputException {
    public static final int MAX_REPORTED = 1000;
    private final transient List<EntryProblem> problems;

    ImageSetRejectedException(String source, List<EntryProblem> problems) {
        super(source, summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<EntryProblem> problems() {
        return problems;
    }

    private static String summary(List<EntryProblem> problems) {
        String first = problems.get(0).toString();
        return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more refused entries)";
    }
}
