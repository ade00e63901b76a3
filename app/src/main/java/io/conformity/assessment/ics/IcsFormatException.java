package io.conformity.assessment.ics;

import java.util.List;
import java.util.stream.Collectors;

/** A statement that could not be read; carries every problem found so the supplier can fix them in one pass. */
public class IcsFormatException extends RuntimeException {

    private static final int PROBLEMS_IN_MESSAGE = 5;

    private final List<IcsProblem> problems;

    public IcsFormatException(List<IcsProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<IcsProblem> problems() {
        return problems;
    }

    // The full list can run to thousands of entries; a log line only needs enough to recognise the file.
    private static String summary(List<IcsProblem> problems) {
        String shown = problems.stream()
                .limit(PROBLEMS_IN_MESSAGE)
                .map(IcsProblem::toString)
                .collect(Collectors.joining("; "));
        int more = problems.size() - PROBLEMS_IN_MESSAGE;
        return "The ICS has " + problems.size() + (problems.size() == 1 ? " problem: " : " problems: ") + shown
                + (more > 0 ? "; and " + more + " more" : "");
    }
}
