package io.conformity.evidence.internal.analysis;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.core.JsonParser;

import io.conformity.evidence.Provision;
import io.conformity.evidence.Severity;

/**
 * CycloneDX 1.4–1.6 software bills of materials, JSON and XML. Every component (nested ones included, and the
 * described product in {@code metadata.component}) goes to the sink; the findings are those of {@link SbomInventory}.
 * A BOM that carries {@code vulnerabilities} (a VEX, or a BOM with vulnerabilities) yields one
 * {@link KnownVulnerability} finding per vulnerability whose analysis does not say it is not affected, a false
 * positive or resolved.
 *
 * <p>Components found anywhere else (a component's pedigree, the tools that made the BOM or rated a vulnerability)
 * are not part of the inventory and are skipped.
 *
 * <p>Why not cyclonedx-core-java: it builds the whole BOM as an object tree, so memory grows with the file, and its
 * validator pins an older networknt json-schema-validator than the one the catalog uses (2.0.8). The format is read
 * with Jackson streaming and StAX through {@link SafeParsers} instead, in one pass and bounded memory.
 */
public final class CycloneDxAnalyzer implements Analyzer {

    static final String XML_NAMESPACE = "http://cyclonedx.org/schema/bom/";

    private static final Pattern JSON_HEAD = Pattern.compile("\"bomFormat\"\\s*:\\s*\"CycloneDX\"");
    private static final Pattern XML_ROOT = Pattern.compile("<(?:[A-Za-z_][\\w.-]*:)?bom[\\s>]");

    /** VEX analysis states that mean the product is not exposed: no finding. */
    private static final Set<String> NOT_EXPOSED =
            Set.of("not_affected", "false_positive", "resolved", "resolved_with_pedigree");

    /** Components remembered by bom-ref to name a vulnerability's target; beyond this the ref itself is shown. */
    private static final int REMEMBERED_REFS = 10_000;

    public CycloneDxAnalyzer() {}

    @Override
    public String name() {
        return "cyclonedx";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public List<Provision> evidences() {
        return SbomInventory.PROVISIONS;
    }

    @Override
    public String mediaType() {
        return "application/vnd.cyclonedx+json";
    }

    @Override
    public String mediaType(Head head) {
        return head.looksLikeJsonObject() ? mediaType() : "application/vnd.cyclonedx+xml";
    }

    @Override
    public boolean recognises(Head head) {
        if (head.looksLikeJsonObject()) {
            return JSON_HEAD.matcher(head.text()).find();
        }
        if (head.looksLikeXml()) {
            String text = head.text();
            return text.contains(XML_NAMESPACE + "1.") && XML_ROOT.matcher(text).find();
        }
        return false;
    }

    @Override
    public String analyse(InputStream content, AnalysisContext context, AnalysisSink sink) throws IOException {
        InputStream in = content.markSupported() ? content : new BufferedInputStream(content);
        return firstSignificantByte(in) == '<' ? analyseXml(in, sink) : analyseJson(in, sink);
    }

    /** The first byte past blanks and a UTF-8 byte-order mark, without consuming it: JSON and XML both start so. */
    private static int firstSignificantByte(InputStream in) throws IOException {
        in.mark(Head.SIZE);
        try {
            for (int i = 0; i < Head.SIZE; i++) {
                int b = in.read();
                if (b < 0 || !(Character.isWhitespace(b) || b == 0xEF || b == 0xBB || b == 0xBF)) {
                    return b;
                }
            }
            return -1;
        } finally {
            in.reset();
        }
    }

    private String analyseJson(InputStream content, AnalysisSink sink) throws IOException {
        return JsonReading.read(content, parser -> {
            JsonReading.root(parser, "a CycloneDX BOM");
            Bom bom = new Bom(sink);
            String format = null;
            while (JsonReading.nextField(parser)) {
                switch (parser.currentName()) {
                    case "bomFormat" -> format = JsonReading.text(parser);
                    case "specVersion" -> bom.specVersion = JsonReading.text(parser);
                    case "metadata" -> jsonMetadata(parser, bom);
                    case "components" -> {
                        bom.componentsAt = JsonReading.pointer(parser);
                        jsonComponents(parser, bom);
                    }
                    case "vulnerabilities" -> jsonVulnerabilities(parser, bom);
                    default -> JsonReading.skip(parser);
                }
            }
            if (!"CycloneDX".equals(format)) {
                throw new NotRecognisedException("The JSON has no \"bomFormat\": \"CycloneDX\".");
            }
            return bom.finish();
        });
    }

    private void jsonMetadata(JsonParser parser, Bom bom) throws IOException {
        if (!JsonReading.object(parser)) {
            return;
        }
        while (JsonReading.nextField(parser)) {
            if (parser.currentName().equals("component")) {
                jsonComponent(parser, bom, true, () -> "/metadata/component");
            } else {
                JsonReading.skip(parser);
            }
        }
    }

    private void jsonComponents(JsonParser parser, Bom bom) throws IOException {
        if (!JsonReading.array(parser)) {
            return;
        }
        bom.componentsSeen = true;
        String list = JsonReading.pointer(parser);
        int index = 0;
        while (JsonReading.nextElement(parser)) {
            int at = index++;
            jsonComponent(parser, bom, false, () -> list + "/" + at);
        }
    }

    private void jsonComponent(JsonParser parser, Bom bom, boolean subject, Supplier<String> location)
            throws IOException {
        if (!JsonReading.object(parser)) {
            return;
        }
        Entry entry = new Entry();
        while (JsonReading.nextField(parser)) {
            switch (parser.currentName()) {
                case "name" -> entry.name = Texts.value(JsonReading.text(parser));
                case "version" -> entry.version = Texts.value(JsonReading.text(parser));
                case "purl" -> entry.purl = Texts.value(JsonReading.text(parser));
                case "type" -> entry.type = Texts.value(JsonReading.text(parser));
                case "bom-ref" -> entry.ref = Texts.value(JsonReading.text(parser));
                // Nested components are part of the inventory (an assembly), pedigree ones are not.
                case "components" -> jsonComponents(parser, bom);
                default -> JsonReading.skip(parser);
            }
        }
        bom.component(entry, subject, location);
    }

    private void jsonVulnerabilities(JsonParser parser, Bom bom) throws IOException {
        if (!JsonReading.array(parser)) {
            return;
        }
        while (JsonReading.nextElement(parser)) {
            if (!JsonReading.object(parser)) {
                continue;
            }
            String location = JsonReading.pointer(parser);
            Vulnerability vulnerability = new Vulnerability();
            while (JsonReading.nextField(parser)) {
                switch (parser.currentName()) {
                    case "id" -> vulnerability.id = Texts.value(JsonReading.text(parser));
                    case "description" -> vulnerability.description = JsonReading.text(parser);
                    case "recommendation" -> vulnerability.recommendation = JsonReading.text(parser);
                    case "ratings" -> jsonRatings(parser, vulnerability);
                    case "analysis" -> jsonAnalysis(parser, vulnerability);
                    case "affects" -> jsonAffects(parser, vulnerability);
                    default -> JsonReading.skip(parser);
                }
            }
            bom.vulnerability(vulnerability, location);
        }
    }

    private void jsonRatings(JsonParser parser, Vulnerability vulnerability) throws IOException {
        if (!JsonReading.array(parser)) {
            return;
        }
        while (JsonReading.nextElement(parser)) {
            if (!JsonReading.object(parser)) {
                continue;
            }
            while (JsonReading.nextField(parser)) {
                if (parser.currentName().equals("severity")) {
                    vulnerability.rating(JsonReading.text(parser));
                } else {
                    JsonReading.skip(parser);
                }
            }
        }
    }

    private void jsonAnalysis(JsonParser parser, Vulnerability vulnerability) throws IOException {
        if (!JsonReading.object(parser)) {
            return;
        }
        while (JsonReading.nextField(parser)) {
            switch (parser.currentName()) {
                case "state" -> vulnerability.state = Texts.value(JsonReading.text(parser));
                case "detail" -> vulnerability.detail = JsonReading.text(parser);
                default -> JsonReading.skip(parser);
            }
        }
    }

    private void jsonAffects(JsonParser parser, Vulnerability vulnerability) throws IOException {
        if (!JsonReading.array(parser)) {
            return;
        }
        while (JsonReading.nextElement(parser)) {
            if (!JsonReading.object(parser)) {
                continue;
            }
            while (JsonReading.nextField(parser)) {
                if (parser.currentName().equals("ref")) {
                    vulnerability.affects(Texts.value(JsonReading.text(parser)));
                } else {
                    JsonReading.skip(parser);
                }
            }
        }
    }

    private String analyseXml(InputStream content, AnalysisSink sink) {
        XMLStreamReader reader = SafeParsers.xml(content);
        try {
            if (!root(reader)) {
                throw new NotRecognisedException("The XML has no root element.");
            }
            String namespace = reader.getNamespaceURI();
            if (!reader.getLocalName().equals("bom")
                    || namespace == null
                    || !namespace.startsWith(XML_NAMESPACE + "1.")) {
                throw new NotRecognisedException("The XML root is not a CycloneDX bom element.");
            }
            Bom bom = new Bom(sink);
            bom.specVersion = namespace.substring(XML_NAMESPACE.length());
            while (child(reader)) {
                if (!namespace.equals(reader.getNamespaceURI())) {
                    skip(reader);
                    continue;
                }
                switch (reader.getLocalName()) {
                    case "metadata" -> xmlMetadata(reader, namespace, bom);
                    case "components" -> {
                        bom.componentsAt = line(reader);
                        bom.componentsSeen = true;
                        xmlComponents(reader, namespace, bom, 1);
                    }
                    case "vulnerabilities" -> xmlVulnerabilities(reader, namespace, bom);
                    default -> skip(reader);
                }
            }
            // Read to the end so that anything malformed after the root is still rejected.
            while (reader.hasNext()) {
                reader.next();
            }
            return bom.finish();
        } catch (XMLStreamException e) {
            throw SafeParsers.rejected(e);
        } finally {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // Closing the reader releases nothing the caller still needs.
            }
        }
    }

    private void xmlMetadata(XMLStreamReader reader, String namespace, Bom bom) throws XMLStreamException {
        while (child(reader)) {
            if (namespace.equals(reader.getNamespaceURI())
                    && reader.getLocalName().equals("component")) {
                xmlComponent(reader, namespace, bom, true, 1);
            } else {
                skip(reader);
            }
        }
    }

    private void xmlComponents(XMLStreamReader reader, String namespace, Bom bom, int depth) throws XMLStreamException {
        if (depth > SafeParsers.MAX_JSON_DEPTH) {
            // StAX itself does not bound nesting; the reading below recurses per level.
            throw new RejectedContentException(
                    line(reader), "Components are nested deeper than " + SafeParsers.MAX_JSON_DEPTH + " levels.");
        }
        while (child(reader)) {
            if (namespace.equals(reader.getNamespaceURI())
                    && reader.getLocalName().equals("component")) {
                xmlComponent(reader, namespace, bom, false, depth);
            } else {
                skip(reader);
            }
        }
    }

    private void xmlComponent(XMLStreamReader reader, String namespace, Bom bom, boolean subject, int depth)
            throws XMLStreamException {
        String line = line(reader);
        Supplier<String> location = () -> line;
        Entry entry = new Entry();
        entry.type = Texts.value(reader.getAttributeValue(null, "type"));
        entry.ref = Texts.value(reader.getAttributeValue(null, "bom-ref"));
        while (child(reader)) {
            if (!namespace.equals(reader.getNamespaceURI())) {
                skip(reader);
                continue;
            }
            switch (reader.getLocalName()) {
                case "name" -> entry.name = Texts.value(SafeParsers.elementText(reader));
                case "version" -> entry.version = Texts.value(SafeParsers.elementText(reader));
                case "purl" -> entry.purl = Texts.value(SafeParsers.elementText(reader));
                case "components" -> xmlComponents(reader, namespace, bom, depth + 1);
                default -> skip(reader);
            }
        }
        bom.component(entry, subject, location);
    }

    private void xmlVulnerabilities(XMLStreamReader reader, String namespace, Bom bom) throws XMLStreamException {
        while (child(reader)) {
            if (!namespace.equals(reader.getNamespaceURI())
                    || !reader.getLocalName().equals("vulnerability")) {
                skip(reader);
                continue;
            }
            String location = line(reader);
            Vulnerability vulnerability = new Vulnerability();
            while (child(reader)) {
                if (!namespace.equals(reader.getNamespaceURI())) {
                    skip(reader);
                    continue;
                }
                switch (reader.getLocalName()) {
                    case "id" -> vulnerability.id = Texts.value(SafeParsers.elementText(reader));
                    case "description" -> vulnerability.description = SafeParsers.elementText(reader);
                    case "recommendation" -> vulnerability.recommendation = SafeParsers.elementText(reader);
                    case "ratings" -> grandchildren(reader, namespace, "rating", "severity", vulnerability::rating);
                    case "analysis" -> xmlAnalysis(reader, namespace, vulnerability);
                    case "affects" ->
                        grandchildren(
                                reader, namespace, "target", "ref", ref -> vulnerability.affects(Texts.value(ref)));
                    default -> skip(reader);
                }
            }
            bom.vulnerability(vulnerability, location);
        }
    }

    private void xmlAnalysis(XMLStreamReader reader, String namespace, Vulnerability vulnerability)
            throws XMLStreamException {
        while (child(reader)) {
            if (!namespace.equals(reader.getNamespaceURI())) {
                skip(reader);
                continue;
            }
            switch (reader.getLocalName()) {
                case "state" -> vulnerability.state = Texts.value(SafeParsers.elementText(reader));
                case "detail" -> vulnerability.detail = SafeParsers.elementText(reader);
                default -> skip(reader);
            }
        }
    }

    /** Hands each text of {@code <outer><inner>text</inner></outer>} under the current element to {@code each}. */
    private static void grandchildren(
            XMLStreamReader reader, String namespace, String outer, String inner, Consumer<String> each)
            throws XMLStreamException {
        while (child(reader)) {
            if (!namespace.equals(reader.getNamespaceURI())
                    || !reader.getLocalName().equals(outer)) {
                skip(reader);
                continue;
            }
            while (child(reader)) {
                if (namespace.equals(reader.getNamespaceURI())
                        && reader.getLocalName().equals(inner)) {
                    each.accept(SafeParsers.elementText(reader));
                } else {
                    skip(reader);
                }
            }
        }
    }

    private static boolean root(XMLStreamReader reader) throws XMLStreamException {
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
        }
        return false;
    }

    /** Moves to the next child element of the current one: true on its start, false on the current one's end. */
    private static boolean child(XMLStreamReader reader) throws XMLStreamException {
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
        throw new RejectedContentException(line(reader), "The XML ends before the document is complete.");
    }

    /** Skips the current element with everything in it, leaving the reader on its end. */
    private static void skip(XMLStreamReader reader) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static String line(XMLStreamReader reader) {
        return "line " + reader.getLocation().getLineNumber();
    }

    /** One component as read, before it is reported. */
    private static final class Entry {
        String name;
        String version;
        String purl;
        String type;
        String ref;
    }

    /** One vulnerability as read: a few short fields, whatever the size of its advisories and attachments. */
    private static final class Vulnerability {
        String id;
        String description;
        String recommendation;
        String state;
        String detail;
        Severity severity;
        String firstTarget;
        int targets;

        void rating(String rating) {
            if (KnownVulnerability.rated(rating)) {
                severity = KnownVulnerability.max(severity, KnownVulnerability.severity(rating));
            }
        }

        void affects(String ref) {
            if (ref == null) {
                return;
            }
            if (firstTarget == null) {
                firstTarget = ref;
            }
            targets++;
        }
    }

    /** What is counted and remembered while one BOM streams past. */
    private static final class Bom {
        final AnalysisSink sink;
        final SbomInventory inventory;
        final Map<String, Component> refs = new HashMap<>();
        String specVersion;
        String subject;
        String componentsAt;
        boolean componentsSeen;
        long vulnerabilities;
        long notExposed;

        Bom(AnalysisSink sink) {
            this.sink = sink;
            this.inventory = new SbomInventory(sink, "component");
        }

        void component(Entry entry, boolean subject, Supplier<String> location) {
            if (subject) {
                this.subject = entry.name;
                inventory.subject(entry.name, entry.version, entry.purl);
            } else {
                inventory.component(entry.name, entry.version, entry.purl, entry.type, location);
            }
            if (entry.ref != null && refs.size() < REMEMBERED_REFS) {
                refs.put(entry.ref, new Component(entry.name, entry.version, entry.purl));
            }
        }

        void vulnerability(Vulnerability vulnerability, String location) {
            vulnerabilities++;
            if (vulnerability.state != null && NOT_EXPOSED.contains(vulnerability.state)) {
                notExposed++;
                return;
            }
            Component target = vulnerability.firstTarget == null ? null : refs.get(vulnerability.firstTarget);
            String name = target == null ? vulnerability.firstTarget : target.name();
            String version = target == null ? null : target.version();
            String purl = target == null ? null : target.purl();
            String remedy = analysis(vulnerability.state);
            String recommendation = Texts.clip(vulnerability.recommendation, Texts.TITLE_LENGTH);
            if (recommendation != null) {
                remedy += "; recommendation: " + Texts.withoutFullStop(recommendation);
            }
            if (vulnerability.targets > 1) {
                int others = vulnerability.targets - 1;
                remedy += "; it also affects " + others + " other component" + (others == 1 ? "" : "s");
            }
            String title = Texts.clip(vulnerability.description, Texts.TITLE_LENGTH) != null
                    ? vulnerability.description
                    : vulnerability.detail;
            sink.finding(KnownVulnerability.finding(
                    vulnerability.id,
                    List.of(),
                    name,
                    version,
                    purl,
                    title,
                    remedy,
                    vulnerability.severity == null ? KnownVulnerability.severity(null) : vulnerability.severity,
                    location));
        }

        private static String analysis(String state) {
            if (state == null) {
                return "no impact analysis given";
            }
            return switch (state) {
                case "exploitable" -> "the analysis says it is exploitable";
                case "in_triage" -> "it is still being analysed";
                default -> "analysis state " + state;
            };
        }

        String finish() {
            if (specVersion == null || !specVersion.startsWith("1.")) {
                throw new NotRecognisedException("The BOM names no CycloneDX 1.x specVersion.");
            }
            boolean sbom = componentsSeen || vulnerabilities == 0;
            String what = "CycloneDX " + specVersion + (sbom ? " SBOM" : " VEX");
            StringBuilder summary = new StringBuilder(what).append(": ");
            if (sbom) {
                inventory.finish(what, subject, componentsAt);
                summary.append(inventory.tally());
            }
            if (vulnerabilities > 0) {
                summary.append(sbom ? "; " : "")
                        .append(vulnerabilities)
                        .append(vulnerabilities == 1 ? " vulnerability" : " vulnerabilities")
                        .append(" (")
                        .append(notExposed)
                        .append(" not affected or resolved)");
            }
            return summary.toString();
        }
    }
}
