package io.conformity.ui.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A structured declaration's JSON Schema as a form, and the form's answers as the JSON the schema validates: the
 * schema stays the one source of truth for the API and the page. Inputs are named by the JSON Pointer of the value
 * they hold, with dots ({@code /publication/inEnglish} is {@code publication.inEnglish}), so the validator's
 * errors land at their field as {@link FormErrors} names them.
 *
 * <p>The form leaves the checking to the schema: a number field that holds words is sent as a string, so the
 * validator names the field rather than the form guessing.
 */
final class SchemaForm {

    /** How a value is asked for. */
    enum Widget {
        TEXT,
        TEXTAREA,
        DATE,
        URL,
        EMAIL,
        NUMBER,
        CHECKBOX,
        SELECT,
        /** An array of strings: one per line. */
        LINES,
        /** An array of values from a list: one checkbox each. */
        CHOICES,
        /** A nested object: a fieldset. */
        GROUP,
        /** An array of objects: a fieldset per row, each a {@link #GROUP}. */
        ROWS
    }

    /**
     * One input (or group of inputs) with what the person typed and the error at it.
     *
     * @param name     the JSON Pointer of its value, with dots
     * @param value    the text typed (lines joined for {@link Widget#LINES})
     * @param values   the options chosen ({@link Widget#CHOICES})
     * @param error    the validator's message at this value or at an item of it; null without one
     * @param children the fields of a group, or the rows (groups) of {@link Widget#ROWS}
     */
    record Field(
            String name,
            String label,
            String hint,
            Widget widget,
            boolean required,
            List<String> options,
            String value,
            List<String> values,
            boolean checked,
            String error,
            List<Field> children) {

        /** The id of the input; a dot is valid in an id and keeps it equal to the name. */
        public String id() {
            return name;
        }

        public boolean group() {
            return widget == Widget.GROUP || widget == Widget.ROWS;
        }
    }

    /** The fields, and the errors that none of them holds (about the whole document), for the summary. */
    record Rendered(List<Field> fields, Map<String, String> unplaced) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern WORD_START = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
    private static final Pattern ACRONYMS = Pattern.compile("\\b(url|uri|tls|id|sbom|ota)\\b");
    private static final int LONG_TEXT = 4000;
    private static final int MAX_ROWS = 100;

    private final JsonNode root;

    private SchemaForm(JsonNode root) {
        this.root = root;
    }

    static SchemaForm of(String schema) {
        try {
            return new SchemaForm(JSON.readTree(schema));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a JSON Schema", e);
        }
    }

    String title() {
        return root.path("title").asText("");
    }

    String description() {
        return root.path("description").asText("");
    }

    /** The fields of an empty form. */
    Rendered fields() {
        return fields(Map.of(), FormErrors.NONE);
    }

    /** The fields holding what was posted, each with its error. */
    Rendered fields(Map<String, String[]> posted, FormErrors errors) {
        Set<String> placed = new HashSet<>();
        List<Field> fields = objectFields(root, "", posted, errors, placed);
        Map<String, String> unplaced = new LinkedHashMap<>(errors.fields());
        unplaced.keySet().removeAll(placed);
        return new Rendered(fields, unplaced);
    }

    /** The declaration the posted form states, as the API takes it. */
    byte[] json(Map<String, String[]> posted) {
        ObjectNode document = object(root, "", posted, true);
        try {
            return JSON.writeValueAsString(document).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tree of plain nodes always writes", e);
        }
    }

    // Reading the schema.

    private JsonNode resolve(JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        if (ref != null && ref.asText().startsWith("#/")) {
            return root.at(ref.asText().substring(1));
        }
        return schema;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return schema.has("properties") ? "object" : "string";
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        return type.asText();
    }

    /** The properties a person fills in: a constant (the optional {@code schema} marker) has only one answer. */
    private Map<String, JsonNode> properties(JsonNode object) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = object.path("properties").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> p = it.next();
            JsonNode schema = resolve(p.getValue());
            if (!schema.has("const")) {
                properties.put(p.getKey(), schema);
            }
        }
        return properties;
    }

    private static Set<String> required(JsonNode object) {
        Set<String> required = new HashSet<>();
        object.path("required").forEach(r -> required.add(r.asText()));
        return required;
    }

    private static String name(String prefix, String property) {
        return prefix.isEmpty() ? property : prefix + "." + property;
    }

    /** {@code acknowledgementDays} reads as "Acknowledgement days" where the schema gives no title. */
    static String label(String property, JsonNode schema) {
        if (schema.hasNonNull("title")) {
            return schema.get("title").asText();
        }
        String words = WORD_START.matcher(property).replaceAll(" ").toLowerCase();
        words = ACRONYMS.matcher(words).replaceAll(m -> m.group().toUpperCase());
        words = words.replace("english", "English");
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private Widget widget(JsonNode schema) {
        return switch (type(schema)) {
            case "object" -> Widget.GROUP;
            case "boolean" -> Widget.CHECKBOX;
            case "integer", "number" -> Widget.NUMBER;
            case "array" -> {
                JsonNode items = resolve(schema.path("items"));
                if ("object".equals(type(items))) {
                    yield Widget.ROWS;
                }
                yield items.has("enum") ? Widget.CHOICES : Widget.LINES;
            }
            default -> {
                if (schema.has("enum")) {
                    yield Widget.SELECT;
                }
                String format = schema.path("format").asText("");
                yield switch (format) {
                    case "date" -> Widget.DATE;
                    case "uri" -> Widget.URL;
                    case "email" -> Widget.EMAIL;
                    default -> schema.path("maxLength").asInt(LONG_TEXT) >= LONG_TEXT ? Widget.TEXTAREA : Widget.TEXT;
                };
            }
        };
    }

    private static List<String> options(JsonNode schema) {
        List<String> options = new ArrayList<>();
        schema.path("enum").forEach(o -> options.add(o.asText()));
        return options;
    }

    // The form.

    private List<Field> objectFields(
            JsonNode object, String prefix, Map<String, String[]> posted, FormErrors errors, Set<String> placed) {
        Set<String> required = required(object);
        List<Field> fields = new ArrayList<>();
        properties(object)
                .forEach((property, schema) -> fields.add(field(
                        property,
                        schema,
                        name(prefix, property),
                        required.contains(property),
                        posted,
                        errors,
                        placed)));
        return fields;
    }

    private Field field(
            String property,
            JsonNode schema,
            String name,
            boolean required,
            Map<String, String[]> posted,
            FormErrors errors,
            Set<String> placed) {
        Widget widget = widget(schema);
        String label = label(property, schema);
        String hint = schema.path("description").asText(null);
        List<Field> children = List.of();
        List<String> options = List.of();
        String value = null;
        List<String> values = List.of();
        switch (widget) {
            case GROUP -> children = objectFields(schema, name, posted, errors, placed);
            case ROWS -> {
                JsonNode items = resolve(schema.path("items"));
                int rows = Math.min(
                        rowsOf(name, posted) + 1, schema.path("maxItems").asInt(MAX_ROWS));
                List<Field> groups = new ArrayList<>();
                for (int row = 0; row < rows; row++) {
                    String rowName = name + "." + row;
                    groups.add(new Field(
                            rowName,
                            singular(label) + " " + (row + 1),
                            row == 0 ? items.path("description").asText(null) : null,
                            Widget.GROUP,
                            // A row is there to be filled or left empty; "optional" on each would be noise.
                            true,
                            List.of(),
                            null,
                            List.of(),
                            false,
                            take(errors, rowName, false, placed),
                            objectFields(items, rowName, posted, errors, placed)));
                }
                children = groups;
            }
            case SELECT -> options = options(schema);
            case CHOICES -> options = options(resolve(schema.path("items")));
            default -> {}
        }
        switch (widget) {
            case LINES -> value = String.join("\n", lines(first(posted, name)));
            case CHOICES -> values = posted.containsKey(name) ? Arrays.asList(posted.get(name)) : List.of();
            case GROUP, ROWS, CHECKBOX -> {}
            default -> value = first(posted, name);
        }
        boolean itemErrors = widget == Widget.LINES || widget == Widget.CHOICES;
        return new Field(
                name,
                label,
                hint,
                widget,
                required,
                options,
                value,
                values,
                posted.containsKey(name),
                take(errors, name, itemErrors, placed),
                children);
    }

    /** The error at a field, and with {@code items}, at its items ({@code contacts.1}), which have no input. */
    private static String take(FormErrors errors, String name, boolean items, Set<String> placed) {
        List<String> messages = new ArrayList<>();
        errors.fields().forEach((field, message) -> {
            if (field.equals(name) || (items && field.startsWith(name + "."))) {
                messages.add(field.equals(name) ? message : "item " + (index(name, field) + 1) + " " + message);
                placed.add(field);
            }
        });
        return messages.isEmpty() ? null : String.join("; ", messages);
    }

    private static int index(String name, String field) {
        String rest = field.substring(name.length() + 1);
        int dot = rest.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? rest : rest.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String singular(String label) {
        return label.endsWith("s") && !label.endsWith("ss") ? label.substring(0, label.length() - 1) : label;
    }

    /** How many rows of an array of objects hold something; the form shows one empty row more. */
    private static int rowsOf(String name, Map<String, String[]> posted) {
        int rows = 0;
        String prefix = name + ".";
        for (Map.Entry<String, String[]> entry : posted.entrySet()) {
            if (entry.getKey().startsWith(prefix) && hasText(entry.getValue())) {
                int index = index(name, entry.getKey());
                if (index >= 0 && index < MAX_ROWS) {
                    rows = Math.max(rows, index + 1);
                }
            }
        }
        return rows;
    }

    private static boolean hasText(String[] values) {
        return values != null && Arrays.stream(values).anyMatch(v -> v != null && !v.isBlank());
    }

    private static String first(Map<String, String[]> posted, String name) {
        String[] values = posted.get(name);
        return values == null || values.length == 0 || values[0] == null ? "" : values[0];
    }

    /** Browsers send a textarea's line breaks as CR LF; the declaration's hash should not depend on the browser. */
    private static String text(String value) {
        return value.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    private static List<String> lines(String value) {
        return text(value).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    // The document.

    /** The object the fields under {@code prefix} state; null when they state nothing and it is not required. */
    private ObjectNode object(JsonNode schema, String prefix, Map<String, String[]> posted, boolean required) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        Set<String> requiredProperties = required(schema);
        boolean content = false;
        for (Map.Entry<String, JsonNode> p : properties(schema).entrySet()) {
            String name = name(prefix, p.getKey());
            JsonNode property = p.getValue();
            boolean mandatory = requiredProperties.contains(p.getKey());
            JsonNode value = value(property, name, posted, mandatory);
            if (value != null) {
                object.set(p.getKey(), value);
                // An unticked box says "no" only inside an object that says something else too.
                content |= !(value.isBoolean() && !value.booleanValue());
            }
        }
        return content || required ? object : null;
    }

    private JsonNode value(JsonNode schema, String name, Map<String, String[]> posted, boolean required) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (widget(schema)) {
            case GROUP:
                return object(schema, name, posted, required);
            case CHECKBOX:
                return nodes.booleanNode(posted.containsKey(name));
            case NUMBER: {
                String text = first(posted, name).strip();
                if (text.isEmpty()) {
                    return null;
                }
                if (INTEGER.matcher(text).matches()) {
                    return nodes.numberNode(Long.parseLong(text));
                }
                try {
                    return "number".equals(type(schema))
                            ? nodes.numberNode(new BigDecimal(text))
                            : nodes.textNode(text);
                } catch (NumberFormatException e) {
                    return nodes.textNode(text);
                }
            }
            case LINES: {
                ArrayNode array = nodes.arrayNode();
                lines(first(posted, name)).forEach(array::add);
                return array.isEmpty() && !required ? null : array;
            }
            case CHOICES: {
                ArrayNode array = nodes.arrayNode();
                if (posted.containsKey(name)) {
                    Arrays.stream(posted.get(name)).filter(v -> !v.isBlank()).forEach(array::add);
                }
                return array.isEmpty() && !required ? null : array;
            }
            case ROWS: {
                ArrayNode array = nodes.arrayNode();
                JsonNode items = resolve(schema.path("items"));
                int rows = rowsOf(name, posted);
                for (int row = 0; row < rows; row++) {
                    ObjectNode item = object(items, name + "." + row, posted, false);
                    if (item != null) {
                        array.add(item);
                    }
                }
                return array.isEmpty() && !required ? null : array;
            }
            default: {
                String text = text(first(posted, name));
                return text.isEmpty() ? null : nodes.textNode(text);
            }
        }
    }
}
