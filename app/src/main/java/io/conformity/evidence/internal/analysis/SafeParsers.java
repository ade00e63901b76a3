package io.conformity.evidence.internal.analysis;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;

/**
 * The only way analyzers read XML and JSON. Every upload is hostile until parsed: XML is read with DTDs and
 * external entities off (a genuine nmap file's bare {@code <!DOCTYPE nmaprun>} still parses; any entity it would
 * need is an error), JSON with bounded nesting, string, name and number lengths. Both stream: memory does not grow
 * with the file.
 */
public final class SafeParsers {

    public static final int MAX_JSON_DEPTH = 64;
    public static final int MAX_XML_DEPTH = 256;
    public static final int MAX_STRING_LENGTH = 1 << 20;

    private static final XMLInputFactory XML = xmlFactory();
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_JSON_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNameLength(4096)
                    .maxNumberLength(100)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private SafeParsers() {}

    private static XMLInputFactory xmlFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        // Not coalescing: the parser hands text over in bounded chunks, so a 100 MB text node is never one buffer.
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        // The JDK parser's own limit: no tool output nests elements this deep, a hostile file may.
        factory.setProperty("jdk.xml.maxElementDepth", MAX_XML_DEPTH);
        return factory;
    }

    /** A streaming XML reader; the caller closes it (and the stream). */
    public static XMLStreamReader xml(InputStream in) {
        try {
            return XML.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw rejected(e);
        }
    }

    /** A streaming JSON parser; the caller closes it. */
    public static JsonParser json(InputStream in) throws IOException {
        return JSON.createParser(in);
    }

    /**
     * The text of the current element, like {@link XMLStreamReader#getElementText()} but refusing a text longer than
     * {@link #MAX_STRING_LENGTH} instead of gathering it.
     */
    public static String elementText(XMLStreamReader reader) throws XMLStreamException {
        String element = reader.getLocalName();
        StringBuilder text = new StringBuilder();
        int event = reader.next();
        while (event != XMLStreamConstants.END_ELEMENT) {
            switch (event) {
                case XMLStreamConstants.ENTITY_REFERENCE -> {
                    Location at = reader.getLocation();
                    throw new RejectedContentException(
                            "line " + at.getLineNumber() + ", column " + at.getColumnNumber(),
                            "The XML refers to the entity " + reader.getLocalName()
                                    + "; tool outputs use none, and entities are how XXE attacks work.");
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (text.length() + reader.getTextLength() > MAX_STRING_LENGTH) {
                        Location at = reader.getLocation();
                        throw new RejectedContentException(
                                "line " + at.getLineNumber() + ", column " + at.getColumnNumber(),
                                "The text of element " + element + " is longer than " + MAX_STRING_LENGTH
                                        + " characters.");
                    }
                    text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                }
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    // not part of the text
                }
                default ->
                    throw new XMLStreamException("Text only was expected in this element.", reader.getLocation());
            }
            event = reader.next();
        }
        return text.toString();
    }

    /** The place an XML error names: {@code line 12, column 4}. */
    public static RejectedContentException rejected(XMLStreamException e) {
        Location at = e.getLocation();
        String where = at == null ? "unknown" : "line " + at.getLineNumber() + ", column " + at.getColumnNumber();
        return new RejectedContentException(
                where, "The XML is not well-formed or uses a forbidden construct: " + gist(e.getMessage()), e);
    }

    /** The place a JSON error names. */
    public static RejectedContentException rejected(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        // A limit (depth, string length) is raised without a location; the parser still knows where it is.
        if (at == null && e.getProcessor() instanceof JsonParser parser) {
            at = parser.currentLocation();
        }
        String where = at == null ? "unknown" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new RejectedContentException(
                where, "The JSON is malformed or exceeds a limit: " + gist(e.getOriginalMessage()), e);
    }

    private static String gist(String message) {
        if (message == null) {
            return "no detail";
        }
        String line =
                message.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse(message);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
