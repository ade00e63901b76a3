package io.conformity.assessment.ics;

import static io.conformity.assessment.ics.ProblemList.shown;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the ICS (EN 303 645 Annex B Table B.1) as CSV and JSON.
 *
 * <p>The readers only check what can be checked without the catalog; {@link IcsRules} does the rest. They never
 * stop at the first problem: a supplier fixing a spreadsheet wants the whole list, not one round trip per typo.
 * A statement that was written here reads back equal.
 */
public final class IcsCodec {

    public static final int MAX_ROWS = 1000;
    public static final int MAX_DETAIL_CHARACTERS = 4000;
    public static final int MAX_INPUT_BYTES = 2 * 1024 * 1024;

    static final List<String> COLUMNS = List.of("provision", "status", "support", "detail");
    private static final String HEADER = String.join(",", COLUMNS);
    private static final Set<String> TOP_LEVEL_FIELDS = Set.of("framework", "version", "rows");
    private static final Set<String> ROW_FIELDS = Set.copyOf(COLUMNS);

    // OWASP's CSV-injection rule: a spreadsheet runs a cell starting with one of these as a formula. Apostrophes
    // in front are part of the pattern so that a value already starting with them still reads back unchanged:
    // export adds one apostrophe to every value matching the first pattern, import takes one away from every cell
    // matching the second, and a cell matches the second exactly when the value it was written from matches the
    // first. Possessive, because the apostrophe is not itself a formula start and so backtracking could not help.
    private static final Pattern RUNS_AS_FORMULA = Pattern.compile("'*+[=+\\-@\t\r]");
    private static final Pattern NEUTRALISED_FORMULA = Pattern.compile("'++[=+\\-@\t\r]");

    private static final JsonMapper JSON = JsonMapper.builder()
            // Two "support" keys in one row would otherwise silently keep the last one.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private IcsCodec() {}

    /**
     * RFC 4180 with CRLF line ends and the header {@code provision,status,support,detail}. A value a spreadsheet
     * would run as a formula is written with an apostrophe in front, which {@link #fromCsv} takes away again.
     */
    public static String toCsv(IcsStatement statement) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (IcsRow row : statement.rows()) {
            appendCsvField(out, row.provision()).append(',');
            appendCsvField(out, row.status()).append(',');
            appendCsvField(out, row.support().label()).append(',');
            appendCsvField(out, row.detail()).append("\r\n");
        }
        return out.toString();
    }

    public static String toJson(IcsStatement statement) {
        ObjectNode root = JSON.createObjectNode();
        root.put("framework", statement.framework());
        root.put("version", statement.version());
        ArrayNode rows = root.putArray("rows");
        for (IcsRow row : statement.rows()) {
            rows.addObject()
                    .put("provision", row.provision())
                    .put("status", row.status())
                    .put("support", row.support().label())
                    .put("detail", row.detail());
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            // A tree of strings always serialises; reaching this is a bug, not bad input.
            throw new IllegalStateException("Could not write the ICS as JSON", e);
        }
    }

    /**
     * Reads a CSV statement. The CSV has no place for the framework and version, so the caller names them.
     *
     * @throws IcsFormatException with every problem found
     */
    public static IcsStatement fromCsv(String csv, String framework, String version) {
        Objects.requireNonNull(csv, "csv");
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(version, "version");
        ProblemList problems = new ProblemList();
        if (tooLarge(csv, problems)) {
            throw problems.toException();
        }
        CsvReader reader = new CsvReader(csv);
        CsvReader.Record headerRecord = reader.next();
        if (headerRecord == null) {
            problems.add(1, null, "the header row is missing; expected " + HEADER);
            throw problems.toException();
        }
        CsvHeader header = CsvHeader.read(headerRecord, problems);
        RowChecker checker = new RowChecker(problems);
        List<IcsRow> rows = new ArrayList<>();
        int dataRows = 0;
        for (CsvReader.Record record = reader.next(); record != null; record = reader.next()) {
            if (record.isBlank()) {
                continue;
            }
            if (++dataRows > MAX_ROWS) {
                problems.add(
                        record.row(),
                        null,
                        "an ICS has at most " + MAX_ROWS + " rows; this row and those after it were not checked");
                break;
            }
            for (CsvReader.SyntaxError error : record.errors()) {
                problems.add(record.row(), header.nameAt(error.field()), error.message());
            }
            if (record.unterminated()) {
                continue;
            }
            if (record.fields().size() != header.width()) {
                // The columns of this row cannot be trusted, so checking its values would only add noise.
                problems.add(
                        record.row(),
                        null,
                        "the row has " + record.fields().size() + " values but the header has " + header.width()
                                + "; a value containing a comma must be enclosed in quotes");
                continue;
            }
            IcsRow row = checker.check(
                    record.row(),
                    header.value(record, "provision"),
                    header.value(record, "status"),
                    header.value(record, "support"),
                    header.value(record, "detail"));
            if (row != null) {
                rows.add(row);
            }
        }
        problems.throwIfAny();
        return new IcsStatement(framework, version, rows);
    }

    /**
     * Reads a JSON statement: {@code {"framework", "version", "rows": [{"provision", "status", "support",
     * "detail"}]}}. Problems in a row carry its 1-based position in {@code rows} and the field name.
     *
     * @throws IcsFormatException with every problem found
     */
    public static IcsStatement fromJson(String json) {
        Objects.requireNonNull(json, "json");
        ProblemList problems = new ProblemList();
        if (tooLarge(json, problems)) {
            throw problems.toException();
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            problems.add(0, null, "not valid JSON" + where(e.getLocation()) + ": " + e.getOriginalMessage());
            throw problems.toException();
        }
        if (root == null || !root.isObject()) {
            problems.add(0, null, "the statement must be a JSON object with framework, version and rows");
            throw problems.toException();
        }
        reportUnknownFields(root, TOP_LEVEL_FIELDS, 0, problems);
        String framework = requiredText(root, "framework", problems);
        String version = requiredText(root, "version", problems);
        List<IcsRow> rows = new ArrayList<>();
        JsonNode rowsNode = root.get("rows");
        if (rowsNode == null || rowsNode.isNull()) {
            problems.add(0, "rows", "rows is missing");
        } else if (!rowsNode.isArray()) {
            problems.add(0, "rows", "rows must be an array");
        } else {
            if (rowsNode.size() > MAX_ROWS) {
                problems.add(
                        0,
                        "rows",
                        "rows has " + rowsNode.size() + " entries but an ICS has at most " + MAX_ROWS
                                + "; only the first " + MAX_ROWS + " were checked");
            }
            RowChecker checker = new RowChecker(problems);
            for (int i = 0; i < Math.min(rowsNode.size(), MAX_ROWS); i++) {
                int number = i + 1;
                JsonNode node = rowsNode.get(i);
                if (!node.isObject()) {
                    problems.add(number, null, "the row must be a JSON object");
                    continue;
                }
                reportUnknownFields(node, ROW_FIELDS, number, problems);
                IcsRow row = checker.check(
                        number,
                        rowText(node, "provision", number, problems),
                        rowText(node, "status", number, problems),
                        rowText(node, "support", number, problems),
                        rowText(node, "detail", number, problems));
                if (row != null) {
                    rows.add(row);
                }
            }
        }
        problems.throwIfAny();
        return new IcsStatement(framework, version, rows);
    }

    /** Every cell the CSV export writes goes through here, so none of them can reach a spreadsheet as a formula. */
    private static StringBuilder appendCsvField(StringBuilder out, String value) {
        boolean neutralise = RUNS_AS_FORMULA.matcher(value).lookingAt();
        // A neutralised cell is always quoted, as OWASP asks, so that it stays one cell even in a spreadsheet
        // import that also splits at tabs. Otherwise surrounding spaces are quoted too: spreadsheets trim unquoted
        // cells, and detail keeps its spaces.
        boolean quote = neutralise
                || !value.isEmpty()
                        && (Character.isWhitespace(value.charAt(0))
                                || Character.isWhitespace(value.charAt(value.length() - 1))
                                || value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n'));
        String cell = neutralise ? "'" + value : value;
        if (!quote) {
            return out.append(cell);
        }
        return out.append('"').append(cell.replace("\"", "\"\"")).append('"');
    }

    /**
     * The value a CSV cell was written from: the apostrophe {@link #appendCsvField} put in front of a would-be
     * formula is taken away. Only that one: {@code ''=x} was written from {@code '=x}, and {@code 'x} from itself.
     */
    private static String csvValue(String cell) {
        return NEUTRALISED_FORMULA.matcher(cell).lookingAt() ? cell.substring(1) : cell;
    }

    /** Refuses oversized input before any parsing, since bounding that work is the point of the limit. */
    private static boolean tooLarge(String input, ProblemList problems) {
        if (utf8Length(input) <= MAX_INPUT_BYTES) {
            return false;
        }
        problems.add(0, null, "the input is larger than 2 MB (" + MAX_INPUT_BYTES + " bytes of UTF-8)");
        return true;
    }

    /** The size the input had as an uploaded UTF-8 file, stopping early once it is over the limit. */
    private static long utf8Length(String text) {
        if ((long) text.length() * 3 <= MAX_INPUT_BYTES) {
            return text.length();
        }
        long bytes = 0;
        for (int i = 0; i < text.length() && bytes <= MAX_INPUT_BYTES; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static void reportUnknownFields(JsonNode node, Set<String> known, int row, ProblemList problems) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                String allowed = row == 0 ? "framework, version, rows" : String.join(", ", COLUMNS);
                problems.add(row, shown(name), "field '" + shown(name) + "' is not one of " + allowed);
            }
        }
    }

    private static String requiredText(JsonNode root, String field, ProblemList problems) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            problems.add(0, field, field + " is missing");
            return "";
        }
        if (!node.isTextual()) {
            problems.add(0, field, field + " must be a string");
            return "";
        }
        if (node.asText().isBlank()) {
            problems.add(0, field, field + " is blank");
        }
        return node.asText();
    }

    /** "" for an absent field, so the checks report it as blank; null for a wrong type, which is reported here. */
    private static String rowText(JsonNode row, String field, int number, ProblemList problems) {
        JsonNode node = row.get(field);
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isTextual()) {
            problems.add(number, field, field + " must be a string");
            return null;
        }
        return node.asText();
    }

    /** The header row: which field holds which column, and a name for every field to locate problems by. */
    private record CsvHeader(int width, Map<String, Integer> indexOf, List<String> names) {

        static CsvHeader read(CsvReader.Record record, ProblemList problems) {
            for (CsvReader.SyntaxError error : record.errors()) {
                problems.add(1, null, error.message());
            }
            Map<String, Integer> indexOf = new HashMap<>();
            List<String> names = new ArrayList<>();
            Set<String> reportedTwice = new HashSet<>();
            for (int i = 0; i < record.fields().size(); i++) {
                String written = record.fields().get(i).strip();
                String name = written.toLowerCase(Locale.ROOT);
                if (COLUMNS.contains(name)) {
                    names.add(name);
                    if (indexOf.putIfAbsent(name, i) != null && reportedTwice.add(name)) {
                        problems.add(1, name, "column '" + name + "' appears more than once");
                    }
                } else if (written.isEmpty()) {
                    names.add(null);
                    problems.add(1, null, "column " + (i + 1) + " has no name; expected one of " + HEADER);
                } else {
                    names.add(shown(written));
                    problems.add(1, shown(written), "column '" + shown(written) + "' is not one of " + HEADER);
                }
            }
            for (String column : COLUMNS) {
                if (!indexOf.containsKey(column)) {
                    problems.add(1, column, "column '" + column + "' is missing");
                }
            }
            return new CsvHeader(record.fields().size(), indexOf, names);
        }

        String nameAt(int field) {
            return field < names.size() ? names.get(field) : null;
        }

        /**
         * The value the column's cell was written from, before any stripping, so that the apostrophe is found where
         * the export put it. null when the header lacks the column, which was reported once at the header already.
         */
        String value(CsvReader.Record record, String column) {
            Integer index = indexOf.get(column);
            return index == null ? null : csvValue(record.fields().get(index));
        }
    }

    /**
     * The checks both formats share. A null value means "not available" (already reported), so it is skipped
     * rather than reported a second time.
     */
    private static final class RowChecker {

        private final ProblemList problems;
        private final Map<String, Integer> rowOfProvision = new HashMap<>();

        RowChecker(ProblemList problems) {
            this.problems = problems;
        }

        /** The row if it is well-formed, otherwise null with its problems recorded. */
        IcsRow check(int row, String provision, String status, String support, String detail) {
            int before = problems.count();
            String provisionId = provision == null ? null : provision.strip();
            if (provisionId != null) {
                if (provisionId.isEmpty()) {
                    problems.add(row, "provision", "provision is blank");
                } else {
                    Integer first = rowOfProvision.putIfAbsent(provisionId, row);
                    if (first != null) {
                        problems.add(
                                row, "provision", "provision " + shown(provisionId) + " is already on row " + first);
                    }
                }
            }
            String statusText = status == null ? null : status.strip();
            if (statusText != null) {
                if (statusText.isEmpty()) {
                    problems.add(row, "status", "status is blank");
                } else if (!IcsNotation.isValid(statusText)) {
                    problems.add(
                            row,
                            "status",
                            "status '" + shown(statusText) + "' is not in the ICS notation (" + IcsNotation.DESCRIPTION
                                    + ")");
                }
            }
            Support parsed = null;
            if (support != null) {
                if (support.isBlank()) {
                    problems.add(row, "support", "support is missing");
                } else {
                    parsed = Support.parse(support).orElse(null);
                    if (parsed == null) {
                        problems.add(row, "support", "support '" + shown(support.strip()) + "' is not Y, N or N/A");
                    }
                }
            }
            if (detail != null) {
                int characters = detail.codePointCount(0, detail.length());
                if (characters > MAX_DETAIL_CHARACTERS) {
                    problems.add(
                            row,
                            "detail",
                            "detail has " + characters + " characters; at most " + MAX_DETAIL_CHARACTERS
                                    + " are allowed");
                }
            }
            if (problems.count() > before
                    || provisionId == null
                    || statusText == null
                    || parsed == null
                    || detail == null) {
                return null;
            }
            return new IcsRow(provisionId, statusText, parsed, detail);
        }
    }
}
