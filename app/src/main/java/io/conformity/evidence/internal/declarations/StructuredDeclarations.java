package io.conformity.evidence.internal.declarations;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.erdtman.jcs.JsonCanonicalizer;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.NodePath;

import io.conformity.evidence.Provision;
import io.conformity.problem.InvalidInputException;
import io.conformity.problem.NotFoundException;

/**
 * The structured declarations a manufacturer can make (modelled on the IXIT forms of ETSI TS 103 701), each kind with
 * its JSON Schema (draft 2020-12), and the one way to accept such a document: strict parsing, schema validation,
 * RFC 8785 canonical form and its SHA-256.
 * <p>
 * A document says which kind it is by the URL it is posted to; it may also carry {@code "schema":
 * "urn:conformity:evidence:<kind>:<version>"}, which must then name that kind and a version this server knows. The
 * canonical form always carries it, so the stored bytes and their hash name kind and version by themselves.
 * <p>
 * The index and every schema are read and compiled once, in the constructor; a broken schema folder fails start-up.
 * Instances are immutable and thread-safe. Nothing is fetched from the network: schemas identify themselves by
 * {@code urn:} ids.
 */
public final class StructuredDeclarations {

    /** Where the index and schemas are packaged (app/pom.xml copies {@code evidence-schema/} there). */
    public static final String DEFAULT_LOCATION = "classpath:conformity/evidence-schema/evidence/";

    /** The property through which a document may name its kind and version. */
    public static final String SCHEMA_PROPERTY = "schema";

    static final String ID_PREFIX = "urn:conformity:evidence:";
    static final int MAX_DOCUMENT_BYTES = 1 << 20;
    static final int MAX_DEPTH = 32;
    static final int MAX_REPORTED_ERRORS = 20;

    // Longer than any string a schema admits (4000), so an over-long value is reported by the schema, with its
    // pointer, rather than as a parse failure; short enough that a hostile document cannot make one huge token.
    private static final int MAX_STRING_CHARS = 16_384;
    private static final int MAX_NAME_CHARS = 256;
    // 40 digits cover every realistic value; longer literals only serve to make BigInteger/BigDecimal parsing slow.
    private static final int MAX_NUMBER_CHARS = 40;
    private static final int MAX_VALUE_CHARS = 60;
    private static final String INDEX = "index.json";
    private static final String INDEX_SCHEMA = "index.schema.json";

    private static final JsonMapper STRICT = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxStringLength(MAX_STRING_CHARS)
                            .maxNameLength(MAX_NAME_CHARS)
                            .maxNumberLength(MAX_NUMBER_CHARS)
                            .maxDocumentLength(MAX_DOCUMENT_BYTES)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    // Our own files: trusted, but still refused when they repeat a key, which would silently drop a constraint.
    private static final ObjectMapper FILES = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Map<String, Kind> kinds;
    private final List<Kind> order;
    private final Map<String, Schema> schemas;

    /**
     * Reads {@code index.json} and every schema it lists from {@code location}.
     *
     * @param loader   resolves {@code classpath:} and {@code file:} locations
     * @param location the folder, e.g. {@link #DEFAULT_LOCATION}
     * @throws IllegalStateException if the index or a schema is missing, malformed or inconsistent
     */
    public StructuredDeclarations(ResourceLoader loader, String location) {
        String base = location.endsWith("/") ? location : location + "/";
        // Only the 2020-12 dialect, no remote resources (as the catalog does). Formats are asserted: a declaration
        // with "2030-02-30" as its end date or "not a url" as its policy is wrong, not merely annotated.
        SchemaRegistry registry = SchemaRegistry.withDialect(
                Dialects.getDraft202012(),
                builder -> builder.schemaLoader(schemaLoader -> schemaLoader.fetchRemoteResources(false))
                        .schemaRegistryConfig(SchemaRegistryConfig.builder()
                                .formatAssertionsEnabled(true)
                                .locale(Locale.ENGLISH)
                                .build()));
        Schema indexSchema =
                compile(registry, loader.getResource(base + INDEX_SCHEMA), read(loader, base + INDEX_SCHEMA));
        JsonNode index = read(loader, base + INDEX);
        List<Error> indexErrors = indexSchema.validate(index);
        if (!indexErrors.isEmpty()) {
            throw new IllegalStateException(base + INDEX + " does not match " + INDEX_SCHEMA + ": "
                    + indexErrors.stream().map(Error::toString).toList());
        }
        Map<String, Kind> loadedKinds = new LinkedHashMap<>();
        Map<String, Schema> loadedSchemas = new HashMap<>();
        for (JsonNode entry : index.get("kinds")) {
            Kind kind = kind(entry);
            String file = entry.get("schema").textValue();
            JsonNode schemaNode = read(loader, base + file);
            String schemaId = schemaNode.path("$id").asText();
            if (!schemaId.equals(kind.schemaId()) || !file.equals(kind.name() + ".schema.json")) {
                throw new IllegalStateException(base + file + " has $id " + schemaId + "; the index expects "
                        + kind.schemaId() + " in " + kind.name() + ".schema.json");
            }
            if (!schemaNode.path("title").asText().equals(kind.title())) {
                throw new IllegalStateException(base + file + " has another title than the index gives");
            }
            if (loadedKinds.put(
                            kind.name(),
                            kind.withDescription(schemaNode.path("description").asText()))
                    != null) {
                throw new IllegalStateException(base + INDEX + " lists kind " + kind.name() + " twice");
            }
            loadedSchemas.put(kind.name(), compile(registry, loader.getResource(base + file), schemaNode));
        }
        this.kinds = Map.copyOf(loadedKinds);
        this.schemas = Map.copyOf(loadedSchemas);
        this.order = List.copyOf(loadedKinds.values());
    }

    /** Every kind, in the order of the index. */
    public List<Kind> kinds() {
        return order;
    }

    /** The kind of that name, if there is one. */
    public Optional<Kind> find(String name) {
        return Optional.ofNullable(name == null ? null : kinds.get(name));
    }

    /**
     * The kind of that name.
     *
     * @throws NotFoundException (404) for a name the index does not list
     */
    public Kind kind(String name) {
        return find(name).orElseThrow(() -> new NotFoundException("Declaration kind", name));
    }

    /**
     * Accepts a declaration of {@code kind}: UTF-8 JSON with at most {@value #MAX_DEPTH} levels of nesting, no
     * duplicate keys, nothing after the value, bounded strings and numbers, no unpaired surrogates, that satisfies
     * the kind's schema.
     *
     * @throws NotFoundException     for an unknown kind
     * @throws InvalidInputException listing up to {@value #MAX_REPORTED_ERRORS} problems, each at the JSON Pointer of
     *                               the offending (or missing) value
     */
    public Validated validate(String kind, byte[] json) {
        Kind declared = kind(kind);
        Objects.requireNonNull(json, "json");
        JsonNode document = parse(json);
        checkDeclaredSchema(declared, document);
        List<Violation> errors = violations(schemas.get(declared.name()).validate(document));
        if (errors.isEmpty()) {
            errors = semanticErrors(declared.name(), document);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(
                    "The " + declared.name() + " declaration does not satisfy " + declared.schemaId() + ": "
                            + errors.size() + (errors.size() == 1 ? " problem" : " problems")
                            + (errors.size() > MAX_REPORTED_ERRORS
                                    ? ", the first " + MAX_REPORTED_ERRORS + " listed."
                                    : "."),
                    errors.stream()
                            .limit(MAX_REPORTED_ERRORS)
                            .map(v -> InvalidInputException.at(v.pointer(), v.detail()))
                            .toList());
        }
        ((ObjectNode) document).put(SCHEMA_PROPERTY, declared.schemaId());
        byte[] canonical = canonicalize(document);
        // Read back from the canonical bytes, so the tree callers see has the same numbers (1.0 became 1) as the
        // bytes that are stored and hashed.
        JsonNode normalised = parse(canonical);
        return new Validated(declared.name(), declared.schemaId(), normalised, canonical, sha256(canonical));
    }

    /**
     * The RFC 8785 (JSON Canonicalization Scheme) bytes of a well-formed JSON text. Object members are sorted by
     * their UTF-16 code units, whitespace is removed, numbers are written the ECMAScript way ({@code 1.0} → {@code
     * 1}, {@code 1E30} → {@code 1e+30}) and strings are written with the minimal escapes.
     *
     * @throws InvalidInputException if {@code json} is not strict JSON (see {@link #validate})
     */
    public static byte[] canonicalize(byte[] json) {
        return canonicalize(parse(json));
    }

    private static byte[] canonicalize(JsonNode document) {
        try {
            // Jackson writes the already-checked tree (doubles as Java writes them, which JCS reads back to the same
            // double); the canonicaliser then applies RFC 8785's ordering and ECMAScript number formatting.
            return new JsonCanonicalizer(STRICT.writeValueAsString(document)).getEncodedUTF8();
        } catch (IOException e) {
            throw new IllegalStateException("A parsed document could not be canonicalised", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static JsonNode parse(byte[] json) {
        if (json.length > MAX_DOCUMENT_BYTES) {
            throw invalid("The declaration is larger than " + MAX_DOCUMENT_BYTES + " bytes.", "", "is too large");
        }
        String text;
        try {
            // RFC 8259 §8.1: JSON exchanged between systems is UTF-8; a lenient decode would put replacement
            // characters into the manufacturer's statement and hash them.
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(json))
                    .toString();
        } catch (CharacterCodingException e) {
            throw invalid("The declaration is not UTF-8 text.", "", "is not valid UTF-8");
        }
        JsonNode tree;
        try {
            tree = STRICT.readTree(text);
        } catch (StreamConstraintsException e) {
            throw invalid("The declaration exceeds a parsing limit.", "", e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : "line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ": ";
            throw invalid("The declaration is not well-formed JSON.", "", where + e.getOriginalMessage());
        }
        if (tree == null || tree.isMissingNode()) {
            throw invalid("The declaration is empty.", "", "is empty");
        }
        // I-JSON (RFC 7493 §2.1) and RFC 8785 need Unicode text; "\ud800" alone would otherwise reach the
        // canonicaliser and come out as bytes that are not UTF-8.
        Optional<String> broken = unpairedSurrogate(tree, JsonPointer.empty());
        if (broken.isPresent()) {
            throw invalid(
                    "The declaration contains text that is not valid Unicode.",
                    broken.get(),
                    "contains an unpaired surrogate (\\ud800-\\udfff escape)");
        }
        return tree;
    }

    private static Optional<String> unpairedSurrogate(JsonNode node, JsonPointer at) {
        if (node.isTextual()) {
            return broken(node.textValue()) ? Optional.of(at.toString()) : Optional.empty();
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = unpairedSurrogate(node.get(i), at.appendIndex(i));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                JsonPointer here = at.appendProperty(member.getKey());
                if (broken(member.getKey())) {
                    return Optional.of(here.toString());
                }
                Optional<String> found = unpairedSurrogate(member.getValue(), here);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean broken(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One focused error instead of a screenful: a document naming another kind or version was posted to the wrong
     * place, and checking it against this kind's schema would only list unrelated violations.
     */
    private void checkDeclaredSchema(Kind kind, JsonNode document) {
        JsonNode declared = document.get(SCHEMA_PROPERTY);
        // Anything else (not an object, a non-string "schema") is left to the schema, which types it.
        if (declared == null || !declared.isTextual() || declared.textValue().equals(kind.schemaId())) {
            return;
        }
        String value = declared.textValue();
        String pointer = "/" + SCHEMA_PROPERTY;
        Optional<Kind> other =
                kinds.values().stream().filter(k -> k.schemaId().equals(value)).findFirst();
        String detail = other.isPresent()
                ? "names the " + other.get().name() + " kind, but this is a " + kind.name()
                        + " declaration; post it to that kind instead"
                : value.startsWith(ID_PREFIX + kind.name() + ":")
                        ? "names a version of " + kind.name() + " this server does not know; it supports "
                                + kind.schemaId()
                        : "must be " + quote(kind.schemaId()) + " (or left out); value " + quote(value);
        throw new InvalidInputException(
                "The declaration names another schema than " + kind.schemaId() + ".",
                List.of(InvalidInputException.at(pointer, detail)));
    }

    /** Rules a JSON Schema cannot express; kept to those a later step relies on. */
    private static List<Violation> semanticErrors(String kind, JsonNode document) {
        List<Violation> errors = new ArrayList<>();
        if (kind.equals("interfaces")) {
            // DeclaredFacts keys network interfaces by port/protocol; two entries for one port would make the
            // comparison with a port scan depend on which one wins.
            Map<String, Integer> seen = new HashMap<>();
            JsonNode interfaces = document.path("interfaces");
            for (int i = 0; i < interfaces.size(); i++) {
                JsonNode entry = interfaces.get(i);
                if (!"network".equals(entry.path("type").asText())) {
                    continue;
                }
                String key = DeclaredFacts.key(
                        entry.path("port").asInt(), entry.path("protocol").asText());
                Integer first = seen.putIfAbsent(key, i);
                if (first != null) {
                    errors.add(new Violation(
                            "/interfaces/" + i + "/port",
                            "declares " + key + " again; it is already declared at /interfaces/" + first));
                }
            }
        }
        return errors;
    }

    private static List<Violation> violations(List<Error> errors) {
        return errors.stream()
                .map(Violation::of)
                .distinct()
                .sorted(Violation.ORDER)
                .toList();
    }

    private static InvalidInputException invalid(String detail, String pointer, String message) {
        return new InvalidInputException(detail, List.of(InvalidInputException.at(pointer, message)));
    }

    private static String quote(String value) {
        String shown = value.length() > MAX_VALUE_CHARS ? value.substring(0, MAX_VALUE_CHARS) + "..." : value;
        // JSON-escaped, so a quote or line break inside the value cannot garble the one-line message.
        return TextNode.valueOf(shown).toString();
    }

    private static JsonNode read(ResourceLoader loader, String location) {
        Resource resource = loader.getResource(location);
        try (InputStream in = resource.getInputStream()) {
            return FILES.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + location + ": " + e.getMessage(), e);
        }
    }

    private static Schema compile(SchemaRegistry registry, Resource resource, JsonNode node) {
        try {
            Schema schema =
                    registry.getSchema(SchemaLocation.of(node.path("$id").asText(resource.getDescription())), node);
            // Resolves every $ref now, so a broken schema fails start-up with its own name.
            schema.initializeValidators();
            return schema;
        } catch (SchemaException e) {
            throw new IllegalStateException(resource.getDescription() + " is not a usable JSON Schema", e);
        }
    }

    private static Kind kind(JsonNode entry) {
        List<Provision> provisions = new ArrayList<>();
        for (JsonNode group : entry.get("provisions")) {
            String framework = group.get("framework").textValue();
            group.get("ids").forEach(id -> provisions.add(new Provision(framework, id.textValue())));
        }
        List<String> ixit = new ArrayList<>();
        entry.get("ixit").forEach(form -> ixit.add("IXIT " + form.textValue()));
        String name = entry.get("kind").textValue();
        int version = entry.get("version").intValue();
        String id = entry.get("id").textValue();
        if (!id.equals(ID_PREFIX + name + ":" + version)) {
            throw new IllegalStateException(
                    "Index entry " + name + " has id " + id + "; expected " + ID_PREFIX + name + ":" + version);
        }
        return new Kind(name, version, id, entry.get("title").textValue(), "", ixit, provisions);
    }

    /**
     * One kind of structured declaration.
     *
     * @param name        the name in URLs ({@code interfaces})
     * @param version     the schema version this server accepts
     * @param schemaId    {@code urn:conformity:evidence:<name>:<version>}, the schema's {@code $id}
     * @param title       a short title
     * @param description what the declaration states and what it evidences
     * @param ixit        the TS 103 701 IXIT forms it is modelled on ({@code IXIT 1-AuthMech})
     * @param provisions  the provisions it evidences, across EN 303 645, UK PSTI and the CRA
     */
    public record Kind(
            String name,
            int version,
            String schemaId,
            String title,
            String description,
            List<String> ixit,
            List<Provision> provisions) {

        public Kind {
            ixit = List.copyOf(ixit);
            provisions = List.copyOf(provisions);
        }

        Kind withDescription(String text) {
            return new Kind(name, version, schemaId, title, text, ixit, provisions);
        }
    }

    /**
     * A declaration that passed {@link #validate}.
     *
     * @param kind      the kind's name
     * @param schemaId  the schema it satisfies ({@code urn:conformity:evidence:interfaces:1})
     * @param document  the document as read back from the canonical bytes (so it carries {@code "schema"})
     * @param canonical its RFC 8785 bytes, always including {@code "schema": schemaId}
     * @param sha256    lower-case hex SHA-256 of {@code canonical}
     */
    public record Validated(String kind, String schemaId, JsonNode document, byte[] canonical, String sha256) {

        public Validated {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(schemaId, "schemaId");
            document = document.deepCopy();
            canonical = canonical.clone();
        }

        /** A copy: the declaration as accepted cannot be changed through it. */
        @Override
        public JsonNode document() {
            return document.deepCopy();
        }

        /** A copy of the canonical bytes. */
        @Override
        public byte[] canonical() {
            return canonical.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Validated that
                    && kind.equals(that.kind)
                    && schemaId.equals(that.schemaId)
                    && Arrays.equals(canonical, that.canonical);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, schemaId, Arrays.hashCode(canonical));
        }

        @Override
        public String toString() {
            return "Validated[" + kind + ", " + schemaId + ", sha256=" + sha256 + "]";
        }
    }

    private record Violation(String pointer, String detail) {

        static final Comparator<Violation> ORDER = Comparator.comparing(Violation::pointer, Violation::comparePointers)
                .thenComparing(Violation::detail);

        static Violation of(Error error) {
            JsonPointer pointer = toPointer(error.getInstanceLocation());
            String keyword = error.getKeyword();
            String detail = error.getMessage();
            if ("required".equals(keyword) && error.getProperty() != null) {
                // The error is raised on the enclosing object; the client has to add the property, so point there.
                pointer = pointer.appendProperty(error.getProperty());
                detail = "is required";
            } else if ("additionalProperties".equals(keyword) && error.getProperty() != null) {
                pointer = pointer.appendProperty(error.getProperty());
                detail = "is not a property of this declaration";
            } else {
                JsonNode value = error.getInstanceNode();
                // "does not match the regex pattern" alone hides what was written.
                if (value != null && value.isValueNode()) {
                    detail += "; value " + (value.isTextual() ? quote(value.textValue()) : value.toString());
                }
            }
            return new Violation(pointer.toString(), detail);
        }

        private static JsonPointer toPointer(NodePath path) {
            JsonPointer pointer = JsonPointer.empty();
            for (int i = 0; i < path.getNameCount(); i++) {
                Object element = path.getElement(i);
                pointer = element instanceof Integer index
                        ? pointer.appendIndex(index)
                        : pointer.appendProperty(String.valueOf(element));
            }
            return pointer;
        }

        /** Document-like order: array indexes numerically, so /interfaces/2 comes before /interfaces/10. */
        private static int comparePointers(String a, String b) {
            String[] left = a.split("/", -1);
            String[] right = b.split("/", -1);
            for (int i = 0; i < Math.min(left.length, right.length); i++) {
                int order = isIndex(left[i]) && isIndex(right[i])
                        ? Long.compare(Long.parseLong(left[i]), Long.parseLong(right[i]))
                        : left[i].compareTo(right[i]);
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(left.length, right.length);
        }

        private static boolean isIndex(String segment) {
            return !segment.isEmpty()
                    && segment.length() < 10
                    && segment.chars().allMatch(Character::isDigit);
        }
    }
}
