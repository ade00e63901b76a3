package io.conformity.evidence.internal.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;

import io.conformity.evidence.Provision;
import io.conformity.evidence.Severity;

/**
 * Trivy's own JSON report ({@code "SchemaVersion": 2}): {@code Results[].Vulnerabilities[]} become
 * {@link KnownVulnerability} findings, {@code Results[].Secrets[]} become {@code secret.exposed} findings.
 *
 * <p>Trivy's vulnerability {@code Status} {@code fixed} means a fixed version exists upstream, not that the product
 * has it: such entries are findings. Only {@code not_affected} entries, and the findings Trivy moved to
 * {@code ExperimentalModifiedFindings} (VEX statements, {@code .trivyignore}), produce none; they are counted.
 *
 * <p>A secret is reported by rule, file and line only. The matched text ({@code Match}) and the surrounding lines
 * ({@code Code}) are never read, so no part of a key or password reaches a message, a log or the store.
 */
public final class TrivyAnalyzer implements Analyzer {

    /**
     * A key or credential left in the software is a hard-coded critical security parameter (EN 303 645 5.4-3),
     * sits unprotected in persistent storage (5.4-1), and breaks the confidentiality of stored data (CRA Annex I
     * Part I 2(e)).
     */
    static final List<Provision> SECRET_PROVISIONS =
            List.of(Provision.en("5.4-3"), Provision.en("5.4-1"), Provision.cra("I.2e"));

    private static final Pattern SCHEMA_VERSION = Pattern.compile("\"SchemaVersion\"\\s*:\\s*2\\b");
    private static final Pattern TRIVY_FIELD = Pattern.compile("\"(ArtifactName|ArtifactType|Results)\"\\s*:");

    public TrivyAnalyzer() {}

    @Override
    public String name() {
        return "trivy";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public List<Provision> evidences() {
        return List.of(Provision.en("5.2-3"), Provision.en("5.3-8"), Provision.cra("I.2a"), Provision.en("5.4-3"));
    }

    @Override
    public boolean readsContext() {
        return true;
    }

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public boolean recognises(Head head) {
        if (!head.looksLikeJsonObject()) {
            return false;
        }
        String text = head.text();
        return SCHEMA_VERSION.matcher(text).find() && TRIVY_FIELD.matcher(text).find();
    }

    @Override
    public String analyse(InputStream content, AnalysisContext context, AnalysisSink sink) throws IOException {
        return JsonReading.read(content, parser -> {
            JsonReading.root(parser, "a Trivy report");
            Report report = new Report(sink);
            String schemaVersion = null;
            String artifact = null;
            while (JsonReading.nextField(parser)) {
                switch (parser.currentName()) {
                    case "SchemaVersion" -> schemaVersion = JsonReading.text(parser);
                    case "ArtifactName" -> artifact = Texts.clip(JsonReading.text(parser), Texts.TITLE_LENGTH);
                    case "Results" -> results(parser, report);
                    default -> JsonReading.skip(parser);
                }
            }
            if (!"2".equals(schemaVersion)) {
                throw new NotRecognisedException("The JSON is not a Trivy report of SchemaVersion 2.");
            }
            return "Trivy report" + (artifact == null ? "" : " for " + artifact) + ": " + report.vulnerabilities
                    + (report.vulnerabilities == 1 ? " known vulnerability, " : " known vulnerabilities, ")
                    + report.notAffected + " not affected or ignored; " + report.secrets
                    + (report.secrets == 1 ? " secret" : " secrets");
        });
    }

    private static void results(JsonParser parser, Report report) throws IOException {
        if (!JsonReading.array(parser)) {
            return;
        }
        while (JsonReading.nextElement(parser)) {
            if (!JsonReading.object(parser)) {
                continue;
            }
            String target = null;
            while (JsonReading.nextField(parser)) {
                switch (parser.currentName()) {
                    case "Target" -> target = Texts.clip(JsonReading.text(parser), 300);
                    case "Vulnerabilities" -> vulnerabilities(parser, report);
                    case "Secrets" -> secrets(parser, report, target);
                    case "ExperimentalModifiedFindings", "ModifiedFindings" -> report.notAffected += count(parser);
                    default -> JsonReading.skip(parser);
                }
            }
        }
    }

    private static void vulnerabilities(JsonParser parser, Report report) throws IOException {
        if (!JsonReading.array(parser)) {
            return;
        }
        while (JsonReading.nextElement(parser)) {
            if (!JsonReading.object(parser)) {
                continue;
            }
            String location = JsonReading.pointer(parser);
            String id = null;
            String name = null;
            String installed = null;
            String fixed = null;
            String status = null;
            String severity = null;
            String title = null;
            String description = null;
            String purl = null;
            while (JsonReading.nextField(parser)) {
                switch (parser.currentName()) {
                    case "VulnerabilityID" -> id = Texts.value(JsonReading.text(parser));
                    case "PkgName" -> name = Texts.value(JsonReading.text(parser));
                    case "InstalledVersion" -> installed = Texts.value(JsonReading.text(parser));
                    case "FixedVersion" -> fixed = Texts.value(JsonReading.text(parser));
                    case "Status" -> status = Texts.value(JsonReading.text(parser));
                    case "Severity" -> severity = JsonReading.text(parser);
                    case "Title" -> title = JsonReading.text(parser);
                    case "Description" -> description = JsonReading.text(parser);
                    case "PkgIdentifier" -> purl = purl(parser);
                    default -> JsonReading.skip(parser);
                }
            }
            if ("not_affected".equals(status)) {
                report.notAffected++;
                continue;
            }
            report.vulnerabilities++;
            report.sink.finding(KnownVulnerability.finding(
                    id,
                    List.of(),
                    name,
                    installed,
                    purl,
                    Texts.clip(title, Texts.TITLE_LENGTH) != null ? title : description,
                    remedy(fixed, status),
                    KnownVulnerability.severity(severity),
                    location));
        }
    }

    private static String remedy(String fixed, String status) {
        if (fixed != null) {
            return "fixed in " + Texts.clip(fixed, Texts.TITLE_LENGTH);
        }
        if (status == null) {
            return "no fixed version listed";
        }
        return switch (status) {
            case "will_not_fix" -> "the maintainers will not fix it";
            case "fix_deferred" -> "the fix is deferred";
            case "end_of_life" -> "the package is at its end of life";
            case "under_investigation" -> "the maintainers are still investigating";
            default -> "no fixed version listed";
        };
    }

    private static String purl(JsonParser parser) throws IOException {
        if (!JsonReading.object(parser)) {
            return null;
        }
        String purl = null;
        while (JsonReading.nextField(parser)) {
            if (parser.currentName().equals("PURL")) {
                purl = Texts.value(JsonReading.text(parser));
            } else {
                JsonReading.skip(parser);
            }
        }
        return purl;
    }

    private static void secrets(JsonParser parser, Report report, String target) throws IOException {
        if (!JsonReading.array(parser)) {
            return;
        }
        while (JsonReading.nextElement(parser)) {
            if (!JsonReading.object(parser)) {
                continue;
            }
            String location = JsonReading.pointer(parser);
            String rule = null;
            String title = null;
            String startLine = null;
            String endLine = null;
            while (JsonReading.nextField(parser)) {
                switch (parser.currentName()) {
                    case "RuleID" -> rule = Texts.clip(JsonReading.text(parser), 100);
                    case "Title" -> title = Texts.clip(JsonReading.text(parser), 100);
                    case "StartLine" -> startLine = Texts.clip(JsonReading.text(parser), 12);
                    case "EndLine" -> endLine = Texts.clip(JsonReading.text(parser), 12);
                    // Match and Code hold the secret itself: skipped unread, never copied.
                    default -> JsonReading.skip(parser);
                }
            }
            report.secrets++;
            report.sink.finding(new Finding(
                    "secret.exposed",
                    Severity.CRITICAL,
                    SECRET_PROVISIONS,
                    "A secret matching Trivy rule " + (rule == null ? "(unnamed)" : rule)
                            + (title == null ? "" : " (" + title + ")") + " is stored in "
                            + (target == null ? "a scanned file" : target) + lines(startLine, endLine)
                            + ": a key or credential shipped in the software can be extracted from any unit"
                            + " and must be removed and replaced.",
                    location));
        }
    }

    private static String lines(String start, String end) {
        if (start == null || start.equals("0")) {
            return "";
        }
        return end == null || end.equals(start) ? " at line " + start : " at lines " + start + "–" + end;
    }

    private static long count(JsonParser parser) throws IOException {
        if (!JsonReading.array(parser)) {
            return 0;
        }
        long count = 0;
        while (JsonReading.nextElement(parser)) {
            JsonReading.skip(parser);
            count++;
        }
        return count;
    }

    private static final class Report {
        final AnalysisSink sink;
        long vulnerabilities;
        long notAffected;
        long secrets;

        Report(AnalysisSink sink) {
            this.sink = sink;
        }
    }
}
