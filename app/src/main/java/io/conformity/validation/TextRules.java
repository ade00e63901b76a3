package io.conformity.validation;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a piece of text typed by a person may contain. Text is kept in Unicode NFC; it may be in any script
 * (Hebrew, Arabic, CJK, emoji sequences are kept intact) but not contain control characters (line breaks only
 * where the field is multi-line), bidirectional embeddings, overrides or isolates (they make text display as
 * something other than what it is), unpaired surrogates or noncharacters, and unless it is blank it must show at
 * least one visible character. Lengths count what a person sees (extended grapheme clusters), not UTF-16 units; independently, a
 * value may not exceed {@link #STORAGE_FACTOR} UTF-16 units per allowed character, which bounds storage when one
 * letter carries many combining marks.
 */
public final class TextRules {

    /** Columns holding checked text are this many UTF-16 units wide per allowed character. */
    public static final int STORAGE_FACTOR = 8;

    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    private TextRules() {}

    /** NFC form of the text; null stays null. */
    public static String normalize(String text) {
        return text == null || Normalizer.isNormalized(text, Normalizer.Form.NFC)
                ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** Why the text is not acceptable, or empty when it is (null is acceptable: presence is another rule). */
    public static Optional<String> problem(String text, int maxCharacters, boolean multiline) {
        if (text == null) {
            return Optional.empty();
        }
        boolean visible = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isSurrogate((char) cp)) {
                return Optional.of("contains an unpaired surrogate at position " + i + ": it is not valid Unicode");
            }
            if (isBidiControl(cp)) {
                return Optional.of("contains the bidirectional control " + codePoint(cp) + " at position " + i
                        + ": it makes text display differently from what it is");
            }
            if (Character.getType(cp) == Character.CONTROL
                    && !(multiline && (cp == '\n' || cp == '\r' || cp == '\t'))) {
                return Optional.of("contains the control character " + codePoint(cp) + " at position " + i
                        + (multiline ? "" : " (line breaks are not allowed in this field)"));
            }
            if (isNoncharacter(cp)) {
                return Optional.of("contains the noncharacter " + codePoint(cp) + " at position " + i);
            }
            visible |= isVisible(cp);
            i += Character.charCount(cp);
        }
        // Blank text (empty or spaces) is left to @NotBlank where a value is required; invisible text that is not
        // blank (zero-width spaces, fillers, lone marks) looks empty but is not, and is refused everywhere.
        if (!visible && !text.isBlank()) {
            return Optional.of("has no visible character");
        }
        if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
            return Optional.of("is not in Unicode normalization form NFC");
        }
        int characters = characters(text);
        if (characters > maxCharacters) {
            return Optional.of("must be at most " + maxCharacters + " characters (has " + characters + ")");
        }
        if (text.length() > maxCharacters * STORAGE_FACTOR) {
            return Optional.of("is too long to store: at most " + maxCharacters * STORAGE_FACTOR
                    + " UTF-16 code units (many combining marks on few characters)");
        }
        return Optional.empty();
    }

    /** Characters as a person counts them: extended grapheme clusters (an emoji family is one). */
    public static int characters(String text) {
        Matcher matcher = GRAPHEME.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    // Embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069): the "Trojan Source" set. Marks such
    // as U+200F RIGHT-TO-LEFT MARK stay allowed: they change no order on their own and ordinary RTL text uses them.
    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    private static boolean isNoncharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }

    // Letters, digits, punctuation and symbols are visible; spaces, format and control characters, lone marks
    // and the blank "letters" that render as nothing are not. Unassigned code points count as visible: this JDK's
    // Unicode tables are older than the newest emoji.
    private static boolean isVisible(int cp) {
        if (cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x2800) {
            return false;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER,
                    Character.OTHER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL,
                    Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL,
                    Character.PRIVATE_USE,
                    Character.UNASSIGNED -> true;
            default -> false;
        };
    }

    private static String codePoint(int cp) {
        return String.format("U+%04X", cp);
    }
}
