package io.conformity.evidence.internal.analysis;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The small vocabulary the JSON analyzers share on top of a {@link SafeParsers#json hardened} streaming parser:
 * walk an object's fields and an array's elements, read a scalar, say where the parser is as a JSON Pointer.
 * Every value the analyzer does not want is skipped without being materialised, so memory stays flat.
 */
final class JsonReading {

    private JsonReading() {}

    @FunctionalInterface
    interface Body<T> {
        T read(JsonParser parser) throws IOException;
    }

    /** Runs {@code body} over a hardened parser; malformed or over-limit JSON becomes a rejection with a place. */
    static <T> T read(InputStream content, Body<T> body) throws IOException {
        JsonParser parser = SafeParsers.json(content);
        try (parser) {
            T result = body.read(parser);
            if (parser.nextToken() != null) {
                throw new RejectedContentException(
                        where(parser), "There is more content after the end of the JSON document.");
            }
            return result;
        } catch (JsonProcessingException e) {
            RejectedContentException rejected = SafeParsers.rejected(e);
            // A limit (nesting depth, string length) is reported without a location: the parser still knows it.
            throw e.getLocation() == null
                    ? new RejectedContentException(where(parser), rejected.getMessage(), e)
                    : rejected;
        }
    }

    /** Opens the root object; anything else (an array, a bare value, nothing) is not the format. */
    static void root(JsonParser parser, String format) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new NotRecognisedException("The file is not a JSON object, so it is not " + format + ".");
        }
    }

    /**
     * Moves to the next field of the object the parser is in: true with the parser on the field's value (its name
     * is {@link JsonParser#currentName()}), false at the object's end. The caller consumes the value: reads it with
     * {@link #text}, walks it, or {@link #skip}s it.
     */
    static boolean nextField(JsonParser parser) throws IOException {
        JsonToken token = next(parser);
        if (token == JsonToken.END_OBJECT) {
            return false;
        }
        next(parser);
        return true;
    }

    /** Moves to the next element of the array the parser is in: true on the element, false at the array's end. */
    static boolean nextElement(JsonParser parser) throws IOException {
        return next(parser) != JsonToken.END_ARRAY;
    }

    /** True when the parser is on an object; any other value is skipped (a lenient reader ignores odd shapes). */
    static boolean object(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.START_OBJECT) {
            return true;
        }
        parser.skipChildren();
        return false;
    }

    /** True when the parser is on an array; any other value is skipped. */
    static boolean array(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.START_ARRAY) {
            return true;
        }
        parser.skipChildren();
        return false;
    }

    /** The current scalar as written (numbers and booleans as text); null for null, objects and arrays (skipped). */
    static String text(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token.isScalarValue()) {
            return parser.getText();
        }
        parser.skipChildren();
        return null;
    }

    static void skip(JsonParser parser) throws IOException {
        parser.skipChildren();
    }

    /** Where the parser is, as a JSON Pointer ({@code /Results/0/Vulnerabilities/3}); on a container's start, its own. */
    static String pointer(JsonParser parser) {
        return parser.getParsingContext().pathAsPointer().toString();
    }

    static String where(JsonParser parser) {
        JsonLocation at = parser.currentLocation();
        return "line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    private static JsonToken next(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new RejectedContentException(where(parser), "The JSON ends before the document is complete.");
        }
        return token;
    }
}
