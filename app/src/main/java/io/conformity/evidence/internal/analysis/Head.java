package io.conformity.evidence.internal.analysis;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The first bytes of an upload (at most {@link #SIZE}) and its file name: enough for an analyzer to say whether the
 * file is its format without reading it.
 */
public record Head(byte[] bytes, String fileName) {

    public static final int SIZE = 16 * 1024;

    /** The head decoded as UTF-8 (a broken last character becomes U+FFFD), without a byte-order mark. */
    public String text() {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    public String lowerCaseName() {
        return fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    }

    /** True when the first non-blank character opens a JSON object. */
    public boolean looksLikeJsonObject() {
        return text().stripLeading().startsWith("{");
    }

    public boolean looksLikeXml() {
        return text().stripLeading().startsWith("<");
    }
}
