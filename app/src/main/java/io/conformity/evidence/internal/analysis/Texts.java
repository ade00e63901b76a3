package io.conformity.evidence.internal.analysis;

import java.util.regex.Pattern;

/** Tool-provided text made fit for a one-line finding message: one line, no control characters, bounded. */
final class Texts {

    static final int TITLE_LENGTH = 200;

    private static final Pattern SPACE = Pattern.compile("[\\s\\p{Cntrl}]+");

    private Texts() {}

    /** The text on one line, at most {@code max} characters (cut with an ellipsis); null when blank. */
    /** Without NUL and the other C0 controls but tab and line breaks: what a database column and a page can hold. */
    static String printable(String text) {
        return CONTROLS.matcher(text).replaceAll("");
    }

    private static final Pattern CONTROLS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    static String clip(String text, int max) {
        if (text == null) {
            return null;
        }
        String line = SPACE.matcher(text).replaceAll(" ").strip();
        if (line.isEmpty()) {
            return null;
        }
        return line.length() <= max ? line : line.substring(0, max - 1).stripTrailing() + "…";
    }

    /** Null for null, blank and the placeholders tools write when they do not know a value. */
    static String value(String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        return value.isEmpty() || value.equals("NOASSERTION") || value.equals("NONE") ? null : value;
    }

    /** A sentence's closing full stop removed, so it can be followed by "; …" (an ellipsis is kept). */
    static String withoutFullStop(String text) {
        return text.endsWith(".") && !text.endsWith("..") ? text.substring(0, text.length() - 1) : text;
    }
}
