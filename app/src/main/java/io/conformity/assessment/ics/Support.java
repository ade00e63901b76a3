package io.conformity.assessment.ics;

import java.util.Locale;
import java.util.Optional;

/** The ICS "Support" column. {@link #NA} is spelt "N/A" in the ICS, which is not a legal Java name. */
public enum Support {
    Y("Y"),
    N("N"),
    NA("N/A");

    private final String label;

    Support(String label) {
        this.label = label;
    }

    /** The spelling used in Table B.1 and in everything this codec writes. */
    public String label() {
        return label;
    }

    /**
     * Reads the column as people actually type it: spreadsheets and hand-written JSON give "na", "n/a" or "y"
     * as often as the canonical forms, and none of them is ambiguous.
     */
    public static Optional<Support> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "Y" -> Optional.of(Y);
            case "N" -> Optional.of(N);
            case "N/A", "NA" -> Optional.of(NA);
            default -> Optional.empty();
        };
    }
}
