package io.conformity.declaration.pdf;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.conformity.declaration.DeclarationContent;
import io.conformity.declaration.pdf.TemplateVocabulary.ListBinding;

/**
 * A parsed declaration template (format: templates/README.md). Parsing checks every directive and placeholder
 * up front, so a typo in the template is reported with its line number before any content is looked at;
 * {@link #resolve} then only has to notice values the declaration lacks.
 */
final class DeclarationTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9]*)(\\?)?\\s*}}");
    private static final Pattern DIRECTIVE = Pattern.compile("[a-z][a-z-]*");
    private static final Set<String> SETTINGS =
            Set.of("language", "date-format", "font-regular", "font-bold", "font-mono", "footer");
    private static final Set<String> COLUMN_OPTIONS = Set.of("nowrap", "mono", "right");

    private final String name;
    private final Locale locale;
    private final String language;
    private final DateTimeFormatter dates;
    private final String fontRegular;
    private final String fontBold;
    private final String fontMono;
    private final Text footerLeft;
    private final Text footerRight;
    private final List<Node> body;

    private DeclarationTemplate(String name, Map<String, Setting> settings, List<Node> body) {
        this.name = name;
        this.body = List.copyOf(body);
        this.language =
                settings.containsKey("language") ? settings.get("language").value() : "en-GB";
        this.locale = Locale.forLanguageTag(language);
        if (locale.getLanguage().isEmpty()) {
            throw error(
                    settings.get("language").line(), "language '" + language + "' is not a language tag such as en-GB");
        }
        Setting dateFormat = settings.get("date-format");
        try {
            this.dates = DateTimeFormatter.ofPattern(dateFormat == null ? "d MMMM uuuu" : dateFormat.value(), locale);
            // A pattern asking for a time of day compiles but cannot format a date; find out now, not mid-render.
            dates.format(LocalDate.of(2024, 4, 29));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw error(
                    dateFormat.line(),
                    "date-format '" + dateFormat.value() + "' is not a valid date pattern: " + e.getMessage());
        }
        this.fontRegular = required(settings, "font-regular").value();
        this.fontBold = required(settings, "font-bold").value();
        this.fontMono = required(settings, "font-mono").value();
        Setting footer = required(settings, "footer");
        Scope footerScope = new Scope(null, true);
        int bar = footer.value().indexOf('|');
        this.footerLeft =
                compile(bar < 0 ? footer.value() : footer.value().substring(0, bar), footer.line(), footerScope);
        this.footerRight = compile(bar < 0 ? "" : footer.value().substring(bar + 1), footer.line(), footerScope);
    }

    /**
     * @param name   file name, used in every error message
     * @param source the template text
     */
    static DeclarationTemplate parse(String name, String source) {
        return new Parser(name, logicalLines(name, source)).parse();
    }

    String name() {
        return name;
    }

    String language() {
        return language;
    }

    String fontRegular() {
        return fontRegular;
    }

    String fontBold() {
        return fontBold;
    }

    String fontMono() {
        return fontMono;
    }

    /** The statement's blocks in reading order, every placeholder replaced by the declaration's value. */
    List<Block> resolve(DeclarationContent content) {
        List<Block> blocks = new ArrayList<>();
        Env env = new Env(this, content, null, 0, 0, 0);
        for (Node node : body) {
            node.emit(env, blocks);
        }
        return blocks;
    }

    /** The footer's left and right text for one page. */
    String[] footer(DeclarationContent content, int page, int pages) {
        Env env = new Env(this, content, null, 0, page, pages);
        return new String[] {
            resolve(footerLeft, env).strip(), resolve(footerRight, env).strip()
        };
    }

    private String resolve(Text text, Env env) {
        StringBuilder out = new StringBuilder();
        for (Segment segment : text.segments()) {
            if (segment.literal() != null) {
                out.append(segment.literal());
                continue;
            }
            Object value = segment.value().apply(env);
            boolean missing = value == null || (value instanceof String s && s.isBlank());
            if (missing && !segment.optional()) {
                throw error(
                        text.line(),
                        "placeholder {{" + segment.placeholder() + "}} has no value in declaration "
                                + env.content().declarationId() + "; supply it, or write {{" + segment.placeholder()
                                + "?}} in the template if it may be left empty");
            }
            out.append(missing ? "" : format(value));
        }
        return out.toString();
    }

    private String format(Object value) {
        if (value instanceof LocalDate date) {
            return dates.format(date);
        }
        if (value instanceof Long || value instanceof Integer) {
            return String.format(locale, "%,d", value);
        }
        return value.toString();
    }

    private Setting required(Map<String, Setting> settings, String key) {
        Setting setting = settings.get(key);
        if (setting == null || setting.value().isBlank()) {
            throw new DeclarationTemplateException("Template " + name + ": the setting '" + key + ":' is missing");
        }
        return setting;
    }

    private DeclarationTemplateException error(int line, String message) {
        return new DeclarationTemplateException("Template " + name + ", line " + line + ": " + message);
    }

    /**
     * Turns text with placeholders into segments, rejecting any name the scope does not offer. Item fields
     * shadow document values of the same name (a standard's dateOfIssue inside {@code each: standards}).
     */
    private static Text compile(String raw, int line, Scope scope, String templateName) {
        List<Segment> segments = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(raw);
        int at = 0;
        while (matcher.find()) {
            addLiteral(segments, raw.substring(at, matcher.start()), line, templateName);
            String placeholder = matcher.group(1);
            boolean optional = matcher.group(2) != null;
            segments.add(new Segment(null, placeholder, optional, lookup(placeholder, line, scope, templateName)));
            at = matcher.end();
        }
        addLiteral(segments, raw.substring(at), line, templateName);
        return new Text(List.copyOf(segments), line);
    }

    private Text compile(String raw, int line, Scope scope) {
        return compile(raw, line, scope, name);
    }

    private static void addLiteral(List<Segment> segments, String literal, int line, String templateName) {
        if (literal.contains("{{") || literal.contains("}}")) {
            throw new DeclarationTemplateException("Template " + templateName + ", line " + line
                    + ": malformed placeholder in '" + literal.strip()
                    + "'; write a placeholder as {{name}} or {{name?}}");
        }
        if (!literal.isEmpty()) {
            segments.add(new Segment(literal, null, false, null));
        }
    }

    private static Function<Env, Object> lookup(String placeholder, int line, Scope scope, String templateName) {
        if (scope.list() != null) {
            Function<Object, Object> field = scope.list().fields().get(placeholder);
            if (field != null) {
                return env -> field.apply(env.item());
            }
            if (placeholder.equals(TemplateVocabulary.INDEX)) {
                return Env::index;
            }
        }
        if (scope.footer()) {
            if (placeholder.equals(TemplateVocabulary.PAGE)) {
                return Env::page;
            }
            if (placeholder.equals(TemplateVocabulary.PAGES)) {
                return Env::pages;
            }
        }
        Function<DeclarationContent, Object> document = TemplateVocabulary.DOCUMENT.get(placeholder);
        if (document != null) {
            return env -> document.apply(env.content());
        }
        Set<String> available = new LinkedHashSet<>();
        if (scope.list() != null) {
            available.addAll(scope.list().fields().keySet());
            available.add(TemplateVocabulary.INDEX);
        }
        if (scope.footer()) {
            available.add(TemplateVocabulary.PAGE);
            available.add(TemplateVocabulary.PAGES);
        }
        available.addAll(TemplateVocabulary.DOCUMENT.keySet());
        String where = scope.list() != null
                ? "inside '" + scope.list().name() + "'"
                : scope.footer() ? "in the footer" : "here";
        throw new DeclarationTemplateException("Template " + templateName + ", line " + line
                + ": unknown placeholder {{" + placeholder + "}}; available " + where + ": "
                + String.join(", ", available));
    }

    /**
     * Joins continuation lines and drops comments and blank lines, keeping the first physical line number of
     * each logical line for error messages.
     */
    private static List<SourceLine> logicalLines(String name, String source) {
        List<SourceLine> lines = new ArrayList<>();
        String[] physical = source.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        StringBuilder pending = null;
        int pendingLine = 0;
        for (int i = 0; i < physical.length; i++) {
            String text = physical[i].strip();
            if (pending == null && (text.isEmpty() || text.startsWith("#"))) {
                continue;
            }
            if (pending == null) {
                pending = new StringBuilder();
                pendingLine = i + 1;
            } else if (!text.isEmpty()) {
                pending.append(' ');
            }
            boolean continues = text.endsWith("\\");
            pending.append(continues ? text.substring(0, text.length() - 1).stripTrailing() : text);
            if (!continues) {
                lines.add(directive(name, pendingLine, pending.toString()));
                pending = null;
            }
        }
        if (pending != null) {
            lines.add(directive(name, pendingLine, pending.toString()));
        }
        return lines;
    }

    private static SourceLine directive(String name, int line, String text) {
        int colon = text.indexOf(':');
        String directive = (colon < 0 ? text : text.substring(0, colon)).strip();
        if (!DIRECTIVE.matcher(directive).matches()) {
            throw new DeclarationTemplateException(
                    "Template " + name + ", line " + line + ": expected 'directive: text', found '" + text + "'");
        }
        return new SourceLine(
                line, directive, colon < 0 ? "" : text.substring(colon + 1).strip());
    }

    private record SourceLine(int line, String directive, String argument) {}

    private record Setting(String value, int line) {}

    /** What placeholders may refer to at one point of the template. */
    private record Scope(ListBinding list, boolean footer) {}

    private record Text(List<Segment> segments, int line) {}

    private record ColumnSpec(float weight, boolean nowrap, boolean mono, boolean right, Text header, Text cell) {}

    /** Either a literal or a placeholder with the function that fetches its value. */
    private record Segment(String literal, String placeholder, boolean optional, Function<Env, Object> value) {}

    /** The values in reach while resolving: the declaration, and the current item when inside a block. */
    private record Env(
            DeclarationTemplate template, DeclarationContent content, Object item, int index, int page, int pages) {

        Env forItem(Object item, int index) {
            return new Env(template, content, item, index, 0, 0);
        }

        String resolve(Text text) {
            return template.resolve(text, this);
        }
    }

    @FunctionalInterface
    private interface Node {
        void emit(Env env, List<Block> out);
    }

    private static final class Parser {
        private final String name;
        private final List<SourceLine> lines;
        private final Map<String, Setting> settings = new LinkedHashMap<>();
        private int next;

        private Parser(String name, List<SourceLine> lines) {
            this.name = name;
            this.lines = lines;
        }

        DeclarationTemplate parse() {
            List<Node> body = parseBody(new Scope(null, false), Set.of());
            return new DeclarationTemplate(name, settings, body);
        }

        /** Parses blocks until one of the terminators (left unconsumed) or the end of the template. */
        private List<Node> parseBody(Scope scope, Set<String> terminators) {
            List<Node> nodes = new ArrayList<>();
            while (next < lines.size()) {
                SourceLine line = lines.get(next);
                if (terminators.contains(line.directive())) {
                    return nodes;
                }
                next++;
                switch (line.directive()) {
                    case "title" -> nodes.add(single(line, scope, Block.Title::new));
                    case "subtitle" -> nodes.add(single(line, scope, Block.Subtitle::new));
                    case "heading" -> nodes.add(single(line, scope, Block.Heading::new));
                    case "paragraph" -> nodes.add(single(line, scope, Block.Paragraph::new));
                    case "signature" -> nodes.add(single(line, scope, Block.Signature::new));
                    case "field" -> {
                        Text[] pair = pair(line, scope);
                        nodes.add((env, out) -> out.add(new Block.Field(env.resolve(pair[0]), env.resolve(pair[1]))));
                    }
                    case "item" -> {
                        Text[] pair = pair(line, scope);
                        nodes.add((env, out) -> out.add(new Block.Item(env.resolve(pair[0]), env.resolve(pair[1]))));
                    }
                    case "space" -> nodes.add(space(line));
                    case "pagebreak" -> {
                        noArgument(line);
                        nodes.add((env, out) -> out.add(new Block.PageBreak()));
                    }
                    case "each" -> nodes.add(each(line, scope));
                    case "table" -> nodes.add(table(line, scope));
                    case "else", "end" ->
                        throw error(line, "'" + line.directive() + "' without a matching 'each:' or 'table:'");
                    case "column" -> throw error(line, "'column:' belongs directly after 'table:'");
                    default -> {
                        if (!SETTINGS.contains(line.directive())) {
                            throw error(line, "unknown directive '" + line.directive() + ":'");
                        }
                        if (scope.list() != null) {
                            throw error(
                                    line,
                                    "the setting '" + line.directive()
                                            + ":' must stand outside 'each:' and 'table:' blocks");
                        }
                        if (settings.putIfAbsent(line.directive(), new Setting(line.argument(), line.line())) != null) {
                            throw error(line, "the setting '" + line.directive() + ":' appears twice");
                        }
                    }
                }
            }
            return nodes;
        }

        private Node single(SourceLine line, Scope scope, Function<String, Block> block) {
            Text text = compile(requireArgument(line), line.line(), scope, name);
            return (env, out) -> out.add(block.apply(env.resolve(text)));
        }

        private Text[] pair(SourceLine line, Scope scope) {
            String argument = requireArgument(line);
            int bar = argument.indexOf('|');
            if (bar < 0) {
                throw error(line, "'" + line.directive() + ":' needs two parts separated by '|'");
            }
            return new Text[] {
                compile(argument.substring(0, bar).strip(), line.line(), scope, name),
                compile(argument.substring(bar + 1).strip(), line.line(), scope, name)
            };
        }

        private Node space(SourceLine line) {
            float points;
            try {
                points = line.argument().isEmpty() ? 10f : Float.parseFloat(line.argument());
            } catch (NumberFormatException e) {
                throw error(line, "'space:' takes a number of points, found '" + line.argument() + "'");
            }
            if (!(points > 0 && points <= 400)) {
                throw error(line, "'space:' must be between 0 and 400 points, found '" + line.argument() + "'");
            }
            return (env, out) -> out.add(new Block.Space(points));
        }

        private Node each(SourceLine line, Scope scope) {
            ListBinding list = list(line, scope);
            Scope itemScope = new Scope(list, false);
            List<Node> body = parseBody(itemScope, Set.of("else", "end"));
            List<Node> otherwise = elseAndEnd(line);
            return (env, out) -> {
                List<?> items = list.items().apply(env.content());
                if (items.isEmpty()) {
                    otherwise.forEach(node -> node.emit(env, out));
                    return;
                }
                for (int i = 0; i < items.size(); i++) {
                    Env itemEnv = env.forItem(items.get(i), i + 1);
                    body.forEach(node -> node.emit(itemEnv, out));
                }
            };
        }

        private Node table(SourceLine line, Scope scope) {
            ListBinding list = list(line, scope);
            Scope itemScope = new Scope(list, false);
            List<ColumnSpec> columns = new ArrayList<>();
            while (next < lines.size() && lines.get(next).directive().equals("column")) {
                columns.add(column(lines.get(next++), scope, itemScope));
            }
            if (columns.isEmpty()) {
                throw error(line, "'table:' must be followed by at least one 'column:' line");
            }
            List<Node> otherwise = elseAndEnd(line);
            return (env, out) -> {
                List<?> items = list.items().apply(env.content());
                if (items.isEmpty()) {
                    otherwise.forEach(node -> node.emit(env, out));
                    return;
                }
                List<Block.Column> resolved = new ArrayList<>();
                for (ColumnSpec column : columns) {
                    resolved.add(new Block.Column(
                            column.weight(),
                            column.nowrap(),
                            column.mono(),
                            column.right(),
                            env.resolve(column.header())));
                }
                List<List<String>> rows = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    Env itemEnv = env.forItem(items.get(i), i + 1);
                    rows.add(columns.stream()
                            .map(column -> itemEnv.resolve(column.cell()))
                            .toList());
                }
                out.add(new Block.Table(resolved, rows));
            };
        }

        private ColumnSpec column(SourceLine column, Scope scope, Scope itemScope) {
            String[] parts = requireArgument(column).split("\\|", 3);
            if (parts.length != 3) {
                throw error(column, "'column:' needs three parts: width and options | header | cell");
            }
            String[] spec = parts[0].strip().split("\\s+");
            float weight;
            try {
                weight = Float.parseFloat(spec[0]);
            } catch (NumberFormatException e) {
                throw error(column, "a column starts with its relative width, found '" + spec[0] + "'");
            }
            if (!(weight > 0)) {
                throw error(column, "a column's relative width must be positive, found '" + spec[0] + "'");
            }
            Set<String> options = new LinkedHashSet<>();
            for (int i = 1; i < spec.length; i++) {
                if (!COLUMN_OPTIONS.contains(spec[i])) {
                    throw error(column, "unknown column option '" + spec[i] + "'; known: nowrap, mono, right");
                }
                options.add(spec[i]);
            }
            // Headers repeat on every page, outside any item, so they see only document values.
            return new ColumnSpec(
                    weight,
                    options.contains("nowrap"),
                    options.contains("mono"),
                    options.contains("right"),
                    compile(parts[1].strip(), column.line(), scope, name),
                    compile(parts[2].strip(), column.line(), itemScope, name));
        }

        /** Consumes an optional 'else' part and the closing 'end' of a block opened at {@code opening}. */
        private List<Node> elseAndEnd(SourceLine opening) {
            List<Node> otherwise = List.of();
            if (next < lines.size() && lines.get(next).directive().equals("else")) {
                noArgument(lines.get(next++));
                otherwise = parseBody(new Scope(null, false), Set.of("else", "end"));
            }
            if (next >= lines.size() || !lines.get(next).directive().equals("end")) {
                throw error(
                        opening, "'" + opening.directive() + ": " + opening.argument() + "' is not closed by 'end'");
            }
            noArgument(lines.get(next++));
            return otherwise;
        }

        private ListBinding list(SourceLine line, Scope scope) {
            if (scope.list() != null) {
                throw error(line, "'" + line.directive() + ":' cannot stand inside another 'each:' or 'table:'");
            }
            ListBinding list = TemplateVocabulary.LISTS.get(requireArgument(line));
            if (list == null) {
                throw error(
                        line,
                        "unknown list '" + line.argument() + "'; known: "
                                + String.join(", ", TemplateVocabulary.LISTS.keySet()));
            }
            return list;
        }

        private String requireArgument(SourceLine line) {
            if (line.argument().isEmpty()) {
                throw error(line, "'" + line.directive() + ":' needs text after the colon");
            }
            return line.argument();
        }

        private void noArgument(SourceLine line) {
            if (!line.argument().isEmpty()) {
                throw error(line, "'" + line.directive() + "' takes nothing after it, found '" + line.argument() + "'");
            }
        }

        private DeclarationTemplateException error(SourceLine line, String message) {
            return new DeclarationTemplateException("Template " + name + ", line " + line.line() + ": " + message);
        }
    }
}
