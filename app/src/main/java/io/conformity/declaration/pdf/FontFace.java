package io.conformity.declaration.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * An embedded font plus the knowledge of which characters it can draw. PDFBox throws when asked to show or
 * measure a character the font has no glyph for, and declaration content is free text from many sources, so
 * every string goes through {@link #printable} before it is measured or shown.
 */
final class FontFace {

    private static final int REPLACEMENT_CHARACTER = 0xFFFD;

    private final PDType0Font font;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();
    private final String replacement;

    FontFace(PDType0Font font) {
        this.font = font;
        this.replacement = hasGlyph(REPLACEMENT_CHARACTER) ? Character.toString(REPLACEMENT_CHARACTER) : "?";
    }

    PDType0Font font() {
        return font;
    }

    /**
     * The text with tabs and other controls turned into spaces, invisible formatting characters the font
     * lacks dropped, and every other character the font lacks replaced by U+FFFD (or '?').
     */
    String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            if (Character.isISOControl(codePoint)) {
                out.append(' ');
            } else if (hasGlyph(codePoint)) {
                out.appendCodePoint(codePoint);
            } else if (Character.getType(codePoint) != Character.FORMAT) {
                out.append(replacement);
            }
        });
        return out.toString();
    }

    /** Width in points of text already passed through {@link #printable}. */
    float width(String printable, float size) {
        try {
            return font.getStringWidth(printable) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean hasGlyph(int codePoint) {
        return glyphs.computeIfAbsent(codePoint, this::encodes);
    }

    private boolean encodes(int codePoint) {
        try {
            font.encode(Character.toString(codePoint));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
