package io.conformity.evidence.internal.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;

import io.conformity.evidence.Provision;
import io.conformity.evidence.Severity;

/**
 * SARIF 2.1.0 results of static analysers (ESLint, Semgrep, CodeQL …): one {@code sarif.result} finding per result,
 * up to {@value #LISTED_RESULTS}; the rest are summed up in one {@code sarif.result.more} finding. Rule ids differ
 * from tool to tool, so the code is the same for all and the rule id is in the message.
 *
 * <p>Severity by the result's level: error HIGH, warning MEDIUM, note LOW, none INFO; a result without a level is a
 * warning (SARIF's default). Results of kind {@code pass} or {@code notApplicable}, and results with an accepted
 * suppression, are counted but produce no finding.
 *
 * <p>Provisions: input validation (EN 303 645 V3.1.3 5.13-1A user interfaces and 5.13-1B network interfaces, V2.1.1
 * 5.13-1; a source analyser cannot tell which interface the input arrives by). A result in a file on the software
 * update path (its URI names update, upgrade, firmware or OTA) also bears on securing the update mechanism (5.3-7).
 */
public final class SarifAnalyzer implements Analyzer {

    static final int LISTED_RESULTS = 500;

    static final List<Provision> PROVISIONS =
            List.of(Provision.en("5.13-1"), Provision.en("5.13-1A"), Provision.en("5.13-1B"));

    static final List<Provision> UPDATE_PATH_PROVISIONS =
            List.of(Provision.en("5.13-1"), Provision.en("5.13-1A"), Provision.en("5.13-1B"), Provision.en("5.3-7"));

    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"2\\.1\\.0\"");
    private static final Pattern SARIF_FIELD =
            Pattern.compile("\"\\$schema\"\\s*:\\s*\"[^\"]*sarif[^\"]*\"|\"runs\"\\s*:", Pattern.CASE_INSENSITIVE);
    private static final Pattern UPDATE_PATH =
            Pattern.compile("update|upgrade|firmware|(?<![a-z0-9])ota(?![a-z0-9])", Pattern.CASE_INSENSITIVE);
    private static final int ARTIFACTS = 10_000;

    public SarifAnalyzer() {}

    @Override
    public String name() {
        return "sarif";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public List<Provision> evidences() {
        return List.of(Provision.en("5.13-1"), Provision.en("5.13-1A"), Provision.en("5.13-1B"));
    }

    @Override
    public String mediaType() {
        return "application/sarif+json";
    }

    @Override
    public boolean recognises(Head head) {
        if (!head.looksLikeJsonObject()) {
            return false;
        }
        String text = head.text();
        return VERSION.matcher(text).find() && SARIF_FIELD.matcher(text).find();
    }

    @Override
    public String analyse(InputStream content, AnalysisContext context, AnalysisSink sink) throws IOException {
        return JsonReading.read(content, parser -> {
            JsonReading.root(parser, "a SARIF log");
            Log log = new Log(sink);
            String version = null;
            while (JsonReading.nextField(parser)) {
                switch (parser.currentName()) {
                    case "version" -> version = JsonReading.text(parser);
                    case "runs" -> {
                        if (JsonReading.array(parser)) {
                            while (JsonReading.nextElement(parser)) {
                                run(parser, log);
                            }
                        }
                    }
                    default -> JsonReading.skip(parser);
                }
            }
            if (!"2.1.0".equals(version)) {
                throw new NotRecognisedException("The JSON is not a SARIF 2.1.0 log.");
            }
            return log.finish();
        });
    }

    private static void run(JsonParser parser, Log log) throws IOException {
        if (!JsonReading.object(parser)) {
            return;
        }
        Run run = new Run();
        while (JsonReading.nextField(parser)) {
            switch (parser.currentName()) {
                case "tool" -> run.tool = toolName(parser);
                case "artifacts" -> artifacts(parser, run);
                case "results" -> {
                    if (JsonReading.array(parser)) {
                        while (JsonReading.nextElement(parser)) {
                            result(parser, run, log);
                        }
                    }
                }
                default -> JsonReading.skip(parser);
            }
        }
        if (run.tool != null && log.tools.size() < 3) {
            log.tools.add(run.tool);
        }
    }

    /** {@code tool.driver.name} */
    private static String toolName(JsonParser parser) throws IOException {
        if (!JsonReading.object(parser)) {
            return null;
        }
        String name = null;
        while (JsonReading.nextField(parser)) {
            if (parser.currentName().equals("driver") && JsonReading.object(parser)) {
                while (JsonReading.nextField(parser)) {
                    if (parser.currentName().equals("name")) {
                        name = Texts.clip(JsonReading.text(parser), 100);
                    } else {
                        JsonReading.skip(parser);
                    }
                }
            } else {
                JsonReading.skip(parser);
            }
        }
        return name;
    }

    /** The URIs of {@code artifacts[]}, which a result may point to by index instead of naming its file. */
    private static void artifacts(JsonParser parser, Run run) throws IOException {
        if (!JsonReading.array(parser)) {
            return;
        }
        while (JsonReading.nextElement(parser)) {
            String uri = null;
            if (JsonReading.object(parser)) {
                while (JsonReading.nextField(parser)) {
                    if (parser.currentName().equals("location") && JsonReading.object(parser)) {
                        while (JsonReading.nextField(parser)) {
                            if (parser.currentName().equals("uri")) {
                                uri = JsonReading.text(parser);
                            } else {
                                JsonReading.skip(parser);
                            }
                        }
                    } else {
                        JsonReading.skip(parser);
                    }
                }
            }
            if (run.artifacts.size() < ARTIFACTS) {
                run.artifacts.add(uri);
            }
        }
    }

    private static void result(JsonParser parser, Run run, Log log) throws IOException {
        if (!JsonReading.object(parser)) {
            return;
        }
        Result result = new Result();
        while (JsonReading.nextField(parser)) {
            switch (parser.currentName()) {
                case "ruleId" -> result.rule = Texts.clip(JsonReading.text(parser), 100);
                case "rule" -> {
                    String id = ruleId(parser);
                    result.rule = result.rule == null ? id : result.rule;
                }
                case "level" -> result.level = Texts.value(JsonReading.text(parser));
                case "kind" -> result.kind = Texts.value(JsonReading.text(parser));
                case "message" -> result.message = messageText(parser);
                case "locations" -> location(parser, result);
                case "suppressions" -> result.suppressed = suppressed(parser);
                default -> JsonReading.skip(parser);
            }
        }
        log.result(run, result);
    }

    private static String ruleId(JsonParser parser) throws IOException {
        if (!JsonReading.object(parser)) {
            return null;
        }
        String id = null;
        while (JsonReading.nextField(parser)) {
            if (parser.currentName().equals("id")) {
                id = Texts.clip(JsonReading.text(parser), 100);
            } else {
                JsonReading.skip(parser);
            }
        }
        return id;
    }

    private static String messageText(JsonParser parser) throws IOException {
        if (!JsonReading.object(parser)) {
            return null;
        }
        String text = null;
        while (JsonReading.nextField(parser)) {
            if (parser.currentName().equals("text")) {
                text = Texts.clip(JsonReading.text(parser), 300);
            } else {
                JsonReading.skip(parser);
            }
        }
        return text;
    }

    /** The first location's file and start line. */
    private static void location(JsonParser parser, Result result) throws IOException {
        if (!JsonReading.array(parser)) {
            return;
        }
        while (JsonReading.nextElement(parser)) {
            if (!JsonReading.object(parser) || result.located) {
                JsonReading.skip(parser);
                continue;
            }
            result.located = true;
            while (JsonReading.nextField(parser)) {
                if (!parser.currentName().equals("physicalLocation") || !JsonReading.object(parser)) {
                    JsonReading.skip(parser);
                    continue;
                }
                while (JsonReading.nextField(parser)) {
                    switch (parser.currentName()) {
                        case "artifactLocation" -> artifactLocation(parser, result);
                        case "region" -> {
                            if (JsonReading.object(parser)) {
                                while (JsonReading.nextField(parser)) {
                                    if (parser.currentName().equals("startLine")) {
                                        result.line = Texts.clip(JsonReading.text(parser), 12);
                                    } else {
                                        JsonReading.skip(parser);
                                    }
                                }
                            }
                        }
                        default -> JsonReading.skip(parser);
                    }
                }
            }
        }
    }

    private static void artifactLocation(JsonParser parser, Result result) throws IOException {
        if (!JsonReading.object(parser)) {
            return;
        }
        while (JsonReading.nextField(parser)) {
            switch (parser.currentName()) {
                case "uri" -> result.uri = JsonReading.text(parser);
                case "index" -> result.artifactIndex = JsonReading.text(parser);
                default -> JsonReading.skip(parser);
            }
        }
    }

    /** True when one of the suppressions is accepted (a suppression without a status is accepted). */
    private static boolean suppressed(JsonParser parser) throws IOException {
        if (!JsonReading.array(parser)) {
            return false;
        }
        boolean accepted = false;
        while (JsonReading.nextElement(parser)) {
            if (!JsonReading.object(parser)) {
                continue;
            }
            String status = null;
            while (JsonReading.nextField(parser)) {
                if (parser.currentName().equals("status")) {
                    status = JsonReading.text(parser);
                } else {
                    JsonReading.skip(parser);
                }
            }
            accepted |= status == null || status.equals("accepted");
        }
        return accepted;
    }

    /** A file URI as people write paths: {@code file://src2/update.js} is {@code src2/update.js}. */
    static String path(String uri) {
        if (uri == null) {
            return null;
        }
        String path = uri.regionMatches(true, 0, "file://", 0, 7) ? uri.substring(7) : uri;
        return Texts.clip(path, 300);
    }

    private static final class Run {
        String tool;
        final List<String> artifacts = new ArrayList<>();

        String artifact(String index) {
            try {
                int i = Integer.parseInt(index);
                return i >= 0 && i < artifacts.size() ? artifacts.get(i) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    private static final class Result {
        String rule;
        String level;
        String kind;
        String message;
        String uri;
        String artifactIndex;
        String line;
        boolean located;
        boolean suppressed;
    }

    private static final class Log {
        final AnalysisSink sink;
        final Set<String> tools = new LinkedHashSet<>();
        final Map<String, Long> byLevel = new TreeMap<>();
        long listed;
        long more;
        Severity moreSeverity;
        boolean moreOnUpdatePath;
        long suppressed;
        long passed;

        Log(AnalysisSink sink) {
            this.sink = sink;
        }

        void result(Run run, Result result) {
            if (result.suppressed) {
                suppressed++;
                return;
            }
            String kind = result.kind == null ? "fail" : result.kind;
            if (kind.equals("pass") || kind.equals("notApplicable")) {
                passed++;
                return;
            }
            String level = result.level != null
                    ? result.level.toLowerCase(Locale.ROOT)
                    : kind.equals("fail") ? "warning" : "none";
            Severity severity = switch (level) {
                case "error" -> Severity.HIGH;
                case "warning" -> Severity.MEDIUM;
                case "note" -> Severity.LOW;
                default -> Severity.INFO;
            };
            if (severity == Severity.INFO) {
                level = "none";
            }
            byLevel.merge(level, 1L, Long::sum);
            String file = path(result.uri != null ? result.uri : run.artifact(result.artifactIndex));
            boolean updatePath = file != null && UPDATE_PATH.matcher(file).find();
            if (listed >= LISTED_RESULTS) {
                more++;
                moreSeverity = KnownVulnerability.max(moreSeverity, severity);
                moreOnUpdatePath |= updatePath;
                return;
            }
            listed++;
            String location = file == null ? null : result.line == null ? file : file + ":" + result.line;
            String message = (run.tool == null ? "The analyser's" : run.tool) + " rule "
                    + (result.rule == null ? "(unnamed)" : result.rule) + " (" + level + ")"
                    + (location == null ? "" : " at " + location) + ": "
                    + (result.message == null ? "no message given." : result.message);
            sink.finding(new Finding(
                    "sarif.result", severity, updatePath ? UPDATE_PATH_PROVISIONS : PROVISIONS, message, location));
        }

        private static String level(Severity severity) {
            return switch (severity) {
                case CRITICAL, HIGH -> "error";
                case MEDIUM -> "warning";
                case LOW -> "note";
                case INFO -> "none";
            };
        }

        String finish() {
            if (more > 0) {
                sink.finding(new Finding(
                        "sarif.result.more",
                        moreSeverity,
                        moreOnUpdatePath ? UPDATE_PATH_PROVISIONS : PROVISIONS,
                        more + " further results, the most severe of level " + level(moreSeverity)
                                + ", are not listed one by one; the SARIF file has them all.",
                        null));
            }
            long results = listed + more;
            StringBuilder summary = new StringBuilder("SARIF 2.1.0");
            if (!tools.isEmpty()) {
                summary.append(" from ").append(String.join(", ", tools));
            }
            summary.append(": ").append(results).append(results == 1 ? " result" : " results");
            List<String> levels = new ArrayList<>();
            for (String level : List.of("error", "warning", "note", "none")) {
                Long count = byLevel.get(level);
                if (count != null) {
                    levels.add(count + " " + level);
                }
            }
            if (!levels.isEmpty()) {
                summary.append(" (").append(String.join(", ", levels)).append(')');
            }
            if (suppressed > 0) {
                summary.append(", ").append(suppressed).append(" suppressed");
            }
            if (passed > 0) {
                summary.append(", ").append(passed).append(" passed");
            }
            return summary.toString();
        }
    }
}
