package io.conformity.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ICS status as EN 303 645 Annex B writes it: {@code M}, {@code R}, {@code M C (1)}, {@code R C (9, 12)},
 * {@code M F (a)}, {@code M C F (14, e)}. Several conditions or features all have to hold.
 *
 * @param mandatory  M ("shall") rather than R ("should")
 * @param conditions numbered conditions, in order
 * @param features   lettered features, in order
 */
public record ProvisionStatus(boolean mandatory, List<String> conditions, List<String> features) {

    private static final Pattern GRAMMAR = Pattern.compile("^(M|R)(?: (C|F|C F) \\(([0-9a-z]+(?:, [0-9a-z]+)*)\\))?$");

    public ProvisionStatus {
        conditions = List.copyOf(conditions);
        features = List.copyOf(features);
    }

    /** Parses the exact ICS spelling; empty when the text is not one. */
    public static Optional<ProvisionStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = GRAMMAR.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        boolean mandatory = m.group(1).equals("M");
        if (m.group(2) == null) {
            return Optional.of(new ProvisionStatus(mandatory, List.of(), List.of()));
        }
        List<String> numbers = new ArrayList<>();
        List<String> letters = new ArrayList<>();
        for (String item : m.group(3).split(", ")) {
            (Character.isDigit(item.charAt(0)) ? numbers : letters).add(item);
        }
        String kind = m.group(2);
        boolean consistent = switch (kind) {
            case "C" -> letters.isEmpty() && !numbers.isEmpty();
            case "F" -> numbers.isEmpty() && !letters.isEmpty();
            default -> !numbers.isEmpty() && !letters.isEmpty();
        };
        return consistent ? Optional.of(new ProvisionStatus(mandatory, numbers, letters)) : Optional.empty();
    }

    /** True when neither a condition nor a feature limits where it applies. */
    public boolean unconditional() {
        return conditions.isEmpty() && features.isEmpty();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(mandatory ? "M" : "R");
        if (unconditional()) {
            return s.toString();
        }
        List<String> items = new ArrayList<>(conditions);
        items.addAll(features);
        s.append(conditions.isEmpty() ? "" : " C").append(features.isEmpty() ? "" : " F");
        return s.append(" (").append(String.join(", ", items)).append(')').toString();
    }
}
