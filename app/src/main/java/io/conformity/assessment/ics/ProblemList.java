package io.conformity.assessment.ics;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects problems up to a ceiling. The ceiling is far above what a real 1000-row statement can produce; it is
 * there because a crafted 2 MB file (a header of a million empty column names, say) would otherwise turn into
 * millions of problem objects.
 */
final class ProblemList {

    static final int LIMIT = 10_000;

    private final List<IcsProblem> problems = new ArrayList<>();
    private int dropped;

    void add(int row, String column, String message) {
        if (problems.size() < LIMIT) {
            problems.add(new IcsProblem(row, column, message));
        } else {
            dropped++;
        }
    }

    int count() {
        return problems.size() + dropped;
    }

    void throwIfAny() {
        if (count() > 0) {
            throw toException();
        }
    }

    IcsFormatException toException() {
        List<IcsProblem> all = new ArrayList<>(problems);
        if (dropped > 0) {
            all.add(new IcsProblem(0, null, dropped + " further problems are not listed"));
        }
        return new IcsFormatException(all);
    }

    /** Keeps messages readable when a user pastes a paragraph into a one-word cell. */
    static String shown(String value) {
        int limit = 40;
        if (value.codePointCount(0, value.length()) <= limit) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, limit)) + "…";
    }
}
