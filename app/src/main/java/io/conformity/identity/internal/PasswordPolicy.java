package io.conformity.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.conformity.problem.InvalidInputException;
import io.conformity.validation.TextRules;

/**
 * NIST SP 800-63B §5.1.1.2: a password is checked against values known to be commonly used or compromised, not
 * against composition rules. Refused: fewer than 12 or more than 128 characters; one of the 30,000 most common
 * passwords (bundled, {@code identity/common-passwords.txt}) or two of them stuck together ("passwordpass");
 * repetitive or sequential characters ("aaaaaaaaaaaa", "abcabcabcabc", "123456789012"); the user name or the
 * service's name inside it. Every check ignores case.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private static final String LIST = "identity/common-passwords.txt";
    private static final List<String> CONTEXT_WORDS = List.of("conformity");

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load();
    }

    /**
     * @param pointer where the password is in the request body, e.g. {@code /password}
     * @throws InvalidInputException naming the field and the reason
     */
    void check(String username, String password, String pointer) {
        weakness(username, password).ifPresent(reason -> {
            throw new InvalidInputException(
                    "The password is too easy to guess; nothing was changed.",
                    List.of(InvalidInputException.at(pointer, reason)));
        });
    }

    Optional<String> weakness(String username, String password) {
        if (password == null || password.isBlank()) {
            return Optional.of("is required");
        }
        String normalized = TextRules.normalize(password);
        int length = normalized.codePointCount(0, normalized.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return Optional.of("must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        String lower = normalized.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("must not contain the user name");
        }
        for (String word : CONTEXT_WORDS) {
            if (lower.contains(word)) {
                return Optional.of("must not contain the name of the service");
            }
        }
        if (common.contains(lower) || twoCommon(lower)) {
            return Optional.of("is on the list of commonly used passwords");
        }
        if (repetitive(lower) || sequential(lower)) {
            return Optional.of("must not be repeated or sequential characters");
        }
        return Optional.empty();
    }

    /** "passwordpass", "qwertyqwerty", "iloveyou1234": the length rule alone would let these through. */
    private boolean twoCommon(String password) {
        for (int split = 1; split < password.length(); split++) {
            if (common.contains(password.substring(0, split)) && common.contains(password.substring(split))) {
                return true;
            }
        }
        return false;
    }

    /** A short unit over and over ("abcabcabcabc"), or hardly any distinct characters ("aaaaaaaaaaab"). */
    private static boolean repetitive(String password) {
        if (password.codePoints().distinct().count() < 4) {
            return true;
        }
        int n = password.length();
        for (int unit = 1; unit <= n / 2; unit++) {
            boolean repeats = true;
            for (int i = unit; i < n && repeats; i++) {
                repeats = password.charAt(i) == password.charAt(i - unit);
            }
            if (repeats) {
                return true;
            }
        }
        return false;
    }

    /** Every character one after the previous, up or down ("abcdefghijkl", "987654321098" wraps at 0). */
    private static boolean sequential(String password) {
        int step = 0;
        for (int i = 1; i < password.length(); i++) {
            int diff = password.charAt(i) - password.charAt(i - 1);
            if (diff == -9 || diff == 9) {
                // 9 -> 0 or 0 -> 9: digits wrap around
                diff = diff > 0 ? -1 : 1;
            }
            if (Math.abs(diff) != 1 || (step != 0 && diff != step)) {
                return false;
            }
            step = diff;
        }
        return true;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(40_000);
        try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException("The common password list " + LIST + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
