package io.conformity.assessment.ics;

import java.util.regex.Pattern;

/**
 * The status notation of EN 303 645 Annex B (regulations.md §2.2): M or R, optionally with numbered conditions
 * (C), lettered features (F) or both, numbers before letters, each list separated by ", ".
 */
final class IcsNotation {

    private static final String NUMBERS = "[1-9][0-9]*(?:, [1-9][0-9]*)*";
    private static final String LETTERS = "[a-z]+(?:, [a-z]+)*";
    // Every repetition starts with ", " and numbers and letters share no character, so matching stays linear even
    // on a hostile 2 MB status cell.
    private static final Pattern STATUS = Pattern.compile(
            "[MR](?: C \\(" + NUMBERS + "\\)| F \\(" + LETTERS + "\\)| C F \\(" + NUMBERS + ", " + LETTERS + "\\))?");

    static final String DESCRIPTION =
            "M or R, optionally followed by C (n, …), F (x, …) or C F (n, …, x, …), e.g. R C (9, 12)";

    private IcsNotation() {}

    static boolean isValid(String status) {
        return STATUS.matcher(status).matches();
    }

    /** Only a C or F status can be N/A: a bare M or R applies to every product. */
    static boolean isConditional(String status) {
        return isValid(status) && status.length() > 1;
    }
}
