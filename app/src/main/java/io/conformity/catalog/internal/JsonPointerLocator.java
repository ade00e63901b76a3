package io.conformity.catalog.internal;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Turns JSON Pointers back into line and column in the source text. A parsed tree keeps no positions, and a schema
 * violation is only actionable for whoever edits the catalog file if it says which line to fix.
 */
final class JsonPointerLocator {

    /** 1-based, as editors count; the column counts characters, not UTF-8 bytes. */
    record Position(int line, int column) {}

    // Parsing from a String (not bytes) makes Jackson count columns in characters: the catalog texts contain
    // "—", "§" and "≈", and byte columns would point past the value on such lines.
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonPointerLocator() {}

    /**
     * Where the value each pointer names starts in {@code json}, which must be well-formed. A pointer to something
     * absent (the slot of a missing property) gets the position of its nearest existing ancestor: that is where the
     * reader has to add it.
     */
    static Map<String, Position> locate(String json, Collection<String> pointers) throws IOException {
        Set<String> wanted = new HashSet<>();
        for (String pointer : pointers) {
            for (JsonPointer p = JsonPointer.compile(pointer); p != null; p = p.head()) {
                wanted.add(p.toString());
            }
        }
        Map<String, Position> found = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken token;
            while (found.size() < wanted.size() && (token = parser.nextToken()) != null) {
                // A property's name and its value share one pointer; the value is what a violation is about.
                if (token == JsonToken.FIELD_NAME || token.isStructEnd()) {
                    continue;
                }
                String here = parser.getParsingContext().pathAsPointer().toString();
                if (wanted.contains(here)) {
                    JsonLocation at = parser.currentTokenLocation();
                    found.putIfAbsent(here, new Position(at.getLineNr(), at.getColumnNr()));
                }
            }
        }
        Map<String, Position> located = new LinkedHashMap<>();
        for (String pointer : pointers) {
            JsonPointer p = JsonPointer.compile(pointer);
            while (p != null && !found.containsKey(p.toString())) {
                p = p.head();
            }
            if (p == null) {
                throw new IllegalArgumentException("No value in the text, not even at the root, for " + pointer);
            }
            located.put(pointer, found.get(p.toString()));
        }
        return located;
    }
}
