package io.conformity.identity;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The form of an e-mail address accepted for notifications: one {@code @}, a dot in the domain, no spaces or
 * control characters. Deliverability is the mail server's to find out; this only keeps typing errors and header
 * injection out.
 */
public final class EmailAddress {

    public static final String FORM = "[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+";
    public static final String MESSAGE = "must be an e-mail address such as name@example.com";
    /** RFC 5321's limit on a forward path. */
    public static final int MAX_LENGTH = 254;

    private static final Pattern PATTERN = Pattern.compile(FORM);

    private EmailAddress() {}

    /** The address stripped, or empty when it is blank or not of the accepted form. */
    public static Optional<String> valid(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String stripped = address.strip();
        return stripped.length() <= MAX_LENGTH && PATTERN.matcher(stripped).matches()
                ? Optional.of(stripped)
                : Optional.empty();
    }
}
