package io.conformity.assessment.ics;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 reader that keeps going after a malformed field, so that every bad row can be reported at once.
 * Records are numbered as a spreadsheet numbers its rows, which differs from line numbers as soon as a quoted
 * field spans lines.
 */
final class CsvReader {

    /** @param unterminated a quoted field ran to the end of the input, so this record swallowed the rest */
    record Record(int row, List<String> fields, List<SyntaxError> errors, boolean unterminated) {

        /** A spreadsheet shows an empty line, or a row of empty cells, as nothing at all. */
        boolean isBlank() {
            return errors.isEmpty() && fields.stream().allMatch(String::isEmpty);
        }
    }

    record SyntaxError(int field, String message) {}

    static final String UNTERMINATED = "a quoted value is not closed, so the rest of the file was read into it";
    static final String QUOTE_IN_UNQUOTED =
            "a value containing a quote must be enclosed in quotes, with the quote written twice";
    static final String TEXT_AFTER_QUOTE =
            "text follows the closing quote; a quote inside a value must be written twice";

    private final String text;
    private int position;
    private int row;

    CsvReader(String text) {
        // Excel writes a byte order mark in front of UTF-8 CSV; it is not part of the first column's name.
        this.text = text;
        this.position = text.startsWith("\uFEFF") ? 1 : 0;
    }

    /** The next record, or {@code null} at the end of the input. */
    Record next() {
        if (position >= text.length()) {
            return null;
        }
        row++;
        List<String> fields = new ArrayList<>();
        List<SyntaxError> errors = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            if (position < text.length() && text.charAt(position) == '"') {
                if (!readQuoted(field)) {
                    errors.add(new SyntaxError(fields.size(), UNTERMINATED));
                    fields.add(field.toString());
                    return new Record(row, fields, errors, true);
                }
                if (!atFieldEnd()) {
                    errors.add(new SyntaxError(fields.size(), TEXT_AFTER_QUOTE));
                    readUnquoted(field);
                }
            } else if (readUnquoted(field)) {
                errors.add(new SyntaxError(fields.size(), QUOTE_IN_UNQUOTED));
            }
            fields.add(field.length() == 0 ? "" : field.toString());
            field.setLength(0);
            if (position < text.length() && text.charAt(position) == ',') {
                position++;
                continue;
            }
            skipLineEnd();
            return new Record(row, fields, errors, false);
        }
    }

    /** Reads a quoted value after its opening quote; false if the input ends first. */
    private boolean readQuoted(StringBuilder field) {
        position++;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '"') {
                if (position + 1 < text.length() && text.charAt(position + 1) == '"') {
                    field.append('"');
                    position += 2;
                } else {
                    position++;
                    return true;
                }
            } else {
                field.append(c);
                position++;
            }
        }
        return false;
    }

    /** Reads up to the next separator or line end; true if a stray quote was seen on the way. */
    private boolean readUnquoted(StringBuilder field) {
        boolean strayQuote = false;
        while (!atFieldEnd()) {
            char c = text.charAt(position);
            strayQuote |= c == '"';
            field.append(c);
            position++;
        }
        return strayQuote;
    }

    private boolean atFieldEnd() {
        if (position >= text.length()) {
            return true;
        }
        char c = text.charAt(position);
        return c == ',' || c == '\r' || c == '\n';
    }

    // CRLF is the RFC 4180 line end, LF what Unix tools write; a lone CR (old Mac exports) is taken as one too.
    private void skipLineEnd() {
        if (position < text.length() && text.charAt(position) == '\r') {
            position++;
        }
        if (position < text.length() && text.charAt(position) == '\n') {
            position++;
        }
    }
}
