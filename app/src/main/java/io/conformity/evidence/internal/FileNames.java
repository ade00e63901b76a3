package io.conformity.evidence.internal;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * File names as clients send them, made fit to show, print and send back. A name is never used as a path.
 *
 * <p>Characters that would make a name display as something it is not (control and bidirectional formatting
 * characters, as in {@code invoice\u202Efdp.exe}) are removed rather than refused, so an upload never fails on its
 * name.
 */
final class FileNames {

    /** The most bytes of a name in UTF-8: what common file systems allow, and the column's width in characters. */
    static final int MAX_BYTES = 255;

    /** The longest ending after the last dot that is kept as an extension when a name is shortened. */
    static final int MAX_EXTENSION = 16;

    static final String UNNAMED = "unnamed";

    /** A user-perceived character: an extended grapheme cluster, as {@code TextRules} counts them. */
    private static final Pattern CHARACTER = Pattern.compile("\\X");

    private FileNames() {}

    /**
     * The last path segment of {@code original} (browsers on some systems send the whole path, with either
     * separator), in NFC, without control or bidirectional formatting characters (nor unpaired surrogates or
     * noncharacters, which have no place in text), trimmed, and cut to {@value #MAX_BYTES} UTF-8 bytes on a character
     * boundary keeping its extension. A name that shows nothing, {@code .} and {@code ..} become {@value #UNNAMED}.
     */
    static String safe(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(withoutInvisibleControls(name), Normalizer.Form.NFC)
                .strip();
        if (!hasVisibleCharacter(name) || name.equals(".") || name.equals("..")) {
            return UNNAMED;
        }
        return shortened(name);
    }

    /**
     * A {@code Content-Disposition} value offering {@code name} as an attachment (RFC 6266): a quoted ASCII
     * {@code filename} for every client, where each other character becomes {@code _}, and, when that is not the
     * exact name, the exact name as {@code filename*} in UTF-8 (RFC 8187), which current clients prefer.
     */
    static String contentDisposition(String name) {
        StringBuilder fallback = new StringBuilder();
        boolean exact = true;
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            if (c == '"' || c == '\\') {
                // Escaped as the quoted-string rule says; clients that do not unescape get a near name, hence
                // filename*.
                fallback.append('\\').append((char) c);
                exact = false;
            } else if (c < 0x20 || c >= 0x7f || c == '%') {
                // A percent sign followed by two hex digits is decoded by some clients (RFC 6266, appendix D).
                fallback.append('_');
                exact = false;
            } else {
                fallback.append((char) c);
            }
        }
        String value = "attachment; filename=\"" + fallback + "\"";
        return exact ? value : value + "; filename*=UTF-8''" + percentEncoded(name);
    }

    private static String withoutInvisibleControls(String name) {
        StringBuilder kept = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            // An unpaired surrogate (the only code point codePointAt answers in that range) has no UTF-8 form.
            if (!Character.isSurrogate((char) c) && !isInvisibleControl(c) && !isNoncharacter(c)) {
                kept.appendCodePoint(c);
            }
        }
        return kept.toString();
    }

    private static boolean isInvisibleControl(int c) {
        return c < 0x20
                || (c >= 0x7f && c <= 0x9f)
                || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200e
                || c == 0x200f
                || c == 0x061c;
    }

    private static boolean isNoncharacter(int c) {
        return (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe;
    }

    /** Spaces, format characters, lone marks and fillers show nothing; a name made only of them is no name. */
    private static boolean hasVisibleCharacter(String name) {
        return name.codePoints().anyMatch(c -> switch (Character.getType(c)) {
            case Character.SPACE_SEPARATOR,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.FORMAT,
                    Character.CONTROL,
                    Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK,
                    Character.COMBINING_SPACING_MARK -> false;
            default -> c != 0x115f && c != 0x1160 && c != 0x3164 && c != 0xffa0 && c != 0x2800;
        });
    }

    private static String shortened(String name) {
        if (utf8Length(name) <= MAX_BYTES) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension =
                dot > 0 && name.codePointCount(dot + 1, name.length()) <= MAX_EXTENSION ? name.substring(dot) : "";
        String base = name.substring(0, name.length() - extension.length());
        int budget = MAX_BYTES - utf8Length(extension);
        String cut = prefix(base, budget, true);
        if (cut.isBlank()) {
            // One character with hundreds of combining marks: cut inside it, on a code point.
            cut = prefix(base, budget, false);
        }
        return cut.stripTrailing() + extension;
    }

    /** The longest prefix of whole user-perceived characters, or of whole code points, within {@code maxBytes}. */
    private static String prefix(String text, int maxBytes, boolean characters) {
        Matcher character = CHARACTER.matcher(text);
        int end = 0;
        int bytes = 0;
        while (end < text.length()) {
            int next = characters && character.find(end)
                    ? character.end()
                    : end + Character.charCount(text.codePointAt(end));
            int size = utf8Length(text.substring(end, next));
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            end = next;
        }
        return text.substring(0, end);
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** RFC 8187 {@code value-chars}: attr-char as is, every other byte of the UTF-8 form as {@code %XX}. */
    private static String percentEncoded(String name) {
        StringBuilder encoded = new StringBuilder();
        HexFormat hex = HexFormat.of().withUpperCase();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(hex.toHexDigits((byte) c));
            }
        }
        return encoded.toString();
    }
}
