package io.conformity.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.NodePath;

import io.conformity.catalog.internal.JsonPointerLocator.Position;

/**
 * Checks a catalog file against the JSON Schema (draft 2020-12) of its kind before anything maps it, so a mistyped
 * status or a stray field stops start-up with the line to fix instead of loading a catalog that is quietly wrong.
 * <p>
 * Schemas are read from the catalog's own schemas folder and compiled once per file name. Nothing is fetched from
 * the network: the schemas identify themselves by {@code urn:} ids, and a start-up that depends on a remote host
 * would fail (or be steered) from outside.
 */
final class CatalogSchemaValidator {

    // Enough to show a pattern in the mistakes without burying the first one.
    private static final int MAX_REPORTED = 10;
    private static final int MAX_VALUE_CHARS = 60;

    private final ObjectMapper json = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    // Only the 2020-12 dialect: a schema declaring another draft is refused rather than half-understood. Not
    // fetching remote resources is already the 2.0 default; it is spelled out so that no upgrade changes it silently.
    private final SchemaRegistry registry = SchemaRegistry.withDialect(
            Dialects.getDraft202012(),
            builder -> builder.schemaLoader(schemaLoader -> schemaLoader.fetchRemoteResources(false)));

    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final ResourceLoader loader;
    private final String schemasLocation;

    CatalogSchemaValidator(ResourceLoader loader, String schemasLocation) {
        this.loader = loader;
        this.schemasLocation = schemasLocation.endsWith("/") ? schemasLocation : schemasLocation + "/";
    }

    /**
     * The parsed content of {@code file}, once it is well-formed JSON without duplicate keys, declares (if it
     * declares one) the schema {@code schemaFileName}, and satisfies that schema.
     *
     * @throws CatalogLoadException naming the file and the line and column of each problem
     */
    JsonNode readValidated(Resource file, String schemaFileName) {
        Schema schema = schemas.computeIfAbsent(schemaFileName, this::loadSchema);
        String text = readText(file);
        JsonNode tree = parse(file, text);
        checkDeclaredSchema(file, text, tree, schemaFileName);
        List<Error> errors = schema.validate(tree);
        if (!errors.isEmpty()) {
            throw new CatalogLoadException(file, describe(file, text, errors, schemaFileName));
        }
        return tree;
    }

    private Schema loadSchema(String schemaFileName) {
        Resource resource = loader.getResource(schemasLocation + schemaFileName);
        JsonNode node;
        try (InputStream in = resource.getInputStream()) {
            node = json.readTree(in);
        } catch (JsonProcessingException e) {
            throw new CatalogLoadException(resource, syntaxProblem(e));
        } catch (IOException e) {
            throw new CatalogLoadException(resource, "schema cannot be read: " + e.getMessage());
        }
        // The $id is the base for resolving "$ref"s, so it has to win over wherever the file happens to sit.
        JsonNode id = node.get("$id");
        String base = id != null && id.isTextual() ? id.textValue() : schemasLocation + schemaFileName;
        try {
            Schema schema = registry.getSchema(SchemaLocation.of(base), node);
            // Resolves every $ref now: a broken schema should fail here, with its own name, not while checking
            // the first catalog file that happens to reach the broken branch.
            schema.initializeValidators();
            return schema;
        } catch (SchemaException e) {
            throw new CatalogLoadException(resource, "not a usable JSON Schema: " + e.getMessage());
        }
    }

    private static String readText(Resource file) {
        byte[] bytes;
        try (InputStream in = file.getInputStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new CatalogLoadException(file, "cannot be read: " + e.getMessage());
        }
        String text;
        try {
            // JSON exchanged between systems is UTF-8 (RFC 8259 §8.1); a lenient decode would turn a wrongly saved
            // file into replacement characters inside requirement texts.
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CatalogLoadException(file, "is not UTF-8 text");
        }
        // Editors hide a byte order mark, so leaving it in would shift every column on line 1.
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private JsonNode parse(Resource file, String text) {
        JsonNode tree;
        try {
            tree = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new CatalogLoadException(file, syntaxProblem(e));
        }
        if (tree == null || tree.isMissingNode()) {
            throw new CatalogLoadException(file, "is empty");
        }
        return tree;
    }

    private static String syntaxProblem(JsonProcessingException e) {
        if (e.getLocation() == null) {
            return e.getOriginalMessage();
        }
        return "line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage();
    }

    /**
     * A file that names another schema is probably in the wrong folder; validating it against this folder's schema
     * would only produce a screenful of unrelated violations.
     */
    private static void checkDeclaredSchema(Resource file, String text, JsonNode tree, String schemaFileName) {
        JsonNode declared = tree.get("$schema");
        // A non-string "$schema" is left to the schema, which types it.
        if (declared == null || !declared.isTextual()) {
            return;
        }
        String value = declared.textValue();
        if (value.equals(schemaFileName) || value.endsWith("/" + schemaFileName)) {
            return;
        }
        String pointer = "/$schema";
        Position at = locate(file, text, List.of(pointer)).get(pointer);
        throw new CatalogLoadException(
                file,
                format(at, pointer, "names schema " + quote(value) + " but files here must use " + schemaFileName));
    }

    private static String describe(Resource file, String text, List<Error> errors, String schemaFileName) {
        List<Violation> violations =
                errors.stream().map(Violation::of).distinct().toList();
        Map<String, Position> positions = locate(
                file,
                text,
                violations.stream().map(Violation::pointer).distinct().toList());
        List<String> lines = violations.stream()
                .map(v -> new Located(positions.get(v.pointer()), v))
                .sorted(Comparator.comparingInt((Located l) -> l.at().line())
                        .thenComparingInt(l -> l.at().column())
                        .thenComparing(l -> l.violation().pointer()))
                .limit(MAX_REPORTED)
                .map(l -> "  "
                        + format(l.at(), l.violation().pointer(), l.violation().message()))
                .toList();
        StringBuilder problem = new StringBuilder()
                .append(violations.size())
                .append(violations.size() == 1 ? " violation" : " violations")
                .append(" of ")
                .append(schemaFileName)
                .append(':');
        lines.forEach(line -> problem.append('\n').append(line));
        if (violations.size() > MAX_REPORTED) {
            problem.append("\n  ... and ")
                    .append(violations.size() - MAX_REPORTED)
                    .append(" more");
        }
        return problem.toString();
    }

    private static Map<String, Position> locate(Resource file, String text, List<String> pointers) {
        try {
            return JsonPointerLocator.locate(text, pointers);
        } catch (IOException e) {
            // The text parsed a moment ago, so this is not the file's fault.
            throw new IllegalStateException("Cannot re-read " + file.getDescription() + " for positions", e);
        }
    }

    private static String format(Position at, String pointer, String message) {
        return "line " + at.line() + ", column " + at.column() + " (" + (pointer.isEmpty() ? "root" : pointer) + "): "
                + message;
    }

    private static String quote(String value) {
        String shown = value.length() > MAX_VALUE_CHARS ? value.substring(0, MAX_VALUE_CHARS) + "..." : value;
        // JSON-escaped, so a quote or line break inside the value cannot garble the one-line report.
        return TextNode.valueOf(shown).toString();
    }

    private record Violation(String pointer, String message) {

        static Violation of(Error error) {
            JsonPointer pointer = pointer(error.getInstanceLocation());
            String keyword = error.getKeyword();
            // These report the enclosing object; the stray property itself is the line to delete.
            if (("additionalProperties".equals(keyword) || "unevaluatedProperties".equals(keyword))
                    && error.getProperty() != null) {
                pointer = pointer.appendProperty(error.getProperty());
            }
            String message = error.getMessage();
            JsonNode value = error.getInstanceNode();
            // "does not match the regex pattern ^...$" alone hides what was actually written.
            if (value != null && value.isValueNode()) {
                message += "; value " + (value.isTextual() ? quote(value.textValue()) : value.toString());
            }
            return new Violation(pointer.toString(), message);
        }

        private static JsonPointer pointer(NodePath path) {
            JsonPointer pointer = JsonPointer.empty();
            for (int i = 0; i < path.getNameCount(); i++) {
                Object element = path.getElement(i);
                pointer = element instanceof Integer index
                        ? pointer.appendIndex(index)
                        : pointer.appendProperty(String.valueOf(element));
            }
            return pointer;
        }
    }

    private record Located(Position at, Violation violation) {}
}
