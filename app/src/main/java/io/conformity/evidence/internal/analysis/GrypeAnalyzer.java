package io.conformity.evidence.internal.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;

import io.conformity.evidence.Provision;

/**
 * Grype's JSON report: each entry of {@code matches[]} (a vulnerability matched to a package) becomes a
 * {@link KnownVulnerability} finding. Entries of {@code ignoredMatches[]} (ignore rules, VEX {@code not_affected} or
 * {@code fixed} statements) produce none and are counted. Grype's {@code fix.state} {@code fixed} means a fixed
 * version exists upstream, not that the product has it.
 */
public final class GrypeAnalyzer implements Analyzer {

    private static final Pattern FIRST_FIELD = Pattern.compile("^\\s*\\{\\s*\"matches\"\\s*:");
    private static final Pattern GRYPE_FIELD = Pattern.compile("\"(dataSource|matchDetails|descriptor)\"\\s*:");
    private static final int ALIASES = 5;
    private static final int FIXED_VERSIONS = 5;

    public GrypeAnalyzer() {}

    @Override
    public String name() {
        return "grype";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public List<Provision> evidences() {
        return KnownVulnerability.PROVISIONS;
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
        String text = head.text();
        return FIRST_FIELD.matcher(text).find() && GRYPE_FIELD.matcher(text).find();
    }

    @Override
    public String analyse(InputStream content, AnalysisContext context, AnalysisSink sink) throws IOException {
        return JsonReading.read(content, parser -> {
            JsonReading.root(parser, "a Grype report");
            boolean matchesSeen = false;
            long matches = 0;
            long ignored = 0;
            String tool = null;
            while (JsonReading.nextField(parser)) {
                switch (parser.currentName()) {
                    case "matches" -> {
                        matchesSeen = JsonReading.array(parser);
                        if (matchesSeen) {
                            matches = matches(parser, sink);
                        }
                    }
                    case "ignoredMatches" -> ignored += count(parser);
                    case "descriptor" -> tool = descriptor(parser);
                    default -> JsonReading.skip(parser);
                }
            }
            if (!matchesSeen || (tool != null && !tool.equals("grype"))) {
                throw new NotRecognisedException("The JSON is not a Grype report: no \"matches\" list from grype.");
            }
            return "Grype report: " + matches + (matches == 1 ? " known vulnerability, " : " known vulnerabilities, ")
                    + ignored + " ignored or not affected";
        });
    }

    private static long matches(JsonParser parser, AnalysisSink sink) throws IOException {
        long count = 0;
        while (JsonReading.nextElement(parser)) {
            if (!JsonReading.object(parser)) {
                continue;
            }
            String location = JsonReading.pointer(parser);
            Match match = new Match();
            while (JsonReading.nextField(parser)) {
                switch (parser.currentName()) {
                    case "vulnerability" -> vulnerability(parser, match);
                    case "relatedVulnerabilities" -> related(parser, match);
                    case "artifact" -> artifact(parser, match);
                    default -> JsonReading.skip(parser);
                }
            }
            match.aliases.remove(match.id);
            count++;
            sink.finding(KnownVulnerability.finding(
                    match.id,
                    match.aliases,
                    match.name,
                    match.version,
                    match.purl,
                    Texts.clip(match.description, Texts.TITLE_LENGTH) != null
                            ? match.description
                            : match.relatedDescription,
                    match.remedy(),
                    KnownVulnerability.severity(match.severity),
                    location));
        }
        return count;
    }

    private static void vulnerability(JsonParser parser, Match match) throws IOException {
        if (!JsonReading.object(parser)) {
            return;
        }
        while (JsonReading.nextField(parser)) {
            switch (parser.currentName()) {
                case "id" -> match.id = Texts.value(JsonReading.text(parser));
                case "severity" -> match.severity = JsonReading.text(parser);
                case "description" -> match.description = JsonReading.text(parser);
                case "fix" -> fix(parser, match);
                default -> JsonReading.skip(parser);
            }
        }
    }

    private static void fix(JsonParser parser, Match match) throws IOException {
        if (!JsonReading.object(parser)) {
            return;
        }
        while (JsonReading.nextField(parser)) {
            switch (parser.currentName()) {
                case "state" -> match.fixState = Texts.value(JsonReading.text(parser));
                case "versions" -> {
                    if (JsonReading.array(parser)) {
                        while (JsonReading.nextElement(parser)) {
                            String version = Texts.clip(JsonReading.text(parser), 100);
                            if (version != null && match.fixedVersions.size() < FIXED_VERSIONS) {
                                match.fixedVersions.add(version);
                            }
                        }
                    }
                }
                default -> JsonReading.skip(parser);
            }
        }
    }

    private static void related(JsonParser parser, Match match) throws IOException {
        if (!JsonReading.array(parser)) {
            return;
        }
        while (JsonReading.nextElement(parser)) {
            if (!JsonReading.object(parser)) {
                continue;
            }
            while (JsonReading.nextField(parser)) {
                switch (parser.currentName()) {
                    case "id" -> {
                        String id = Texts.clip(JsonReading.text(parser), 100);
                        if (id != null && match.aliases.size() < ALIASES) {
                            match.aliases.add(id);
                        }
                    }
                    case "description" -> {
                        String description = JsonReading.text(parser);
                        if (match.relatedDescription == null) {
                            match.relatedDescription = description;
                        }
                    }
                    default -> JsonReading.skip(parser);
                }
            }
        }
    }

    private static void artifact(JsonParser parser, Match match) throws IOException {
        if (!JsonReading.object(parser)) {
            return;
        }
        while (JsonReading.nextField(parser)) {
            switch (parser.currentName()) {
                case "name" -> match.name = Texts.value(JsonReading.text(parser));
                case "version" -> match.version = Texts.value(JsonReading.text(parser));
                case "purl" -> match.purl = Texts.value(JsonReading.text(parser));
                default -> JsonReading.skip(parser);
            }
        }
    }

    private static String descriptor(JsonParser parser) throws IOException {
        if (!JsonReading.object(parser)) {
            return null;
        }
        String name = null;
        while (JsonReading.nextField(parser)) {
            if (parser.currentName().equals("name")) {
                name = JsonReading.text(parser);
            } else {
                JsonReading.skip(parser);
            }
        }
        return name;
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

    /** One match as read: a few short fields, whatever the size of its URLs, CVSS vectors and match details. */
    private static final class Match {
        String id;
        String severity;
        String description;
        String relatedDescription;
        String fixState;
        final List<String> fixedVersions = new ArrayList<>();
        final Set<String> aliases = new LinkedHashSet<>();
        String name;
        String version;
        String purl;

        String remedy() {
            if (fixState == null) {
                return "no fixed version listed";
            }
            return switch (fixState) {
                case "fixed" ->
                    fixedVersions.isEmpty() ? "a fixed version exists" : KnownVulnerability.fixedIn(fixedVersions);
                case "not-fixed" -> "no fix is available yet";
                case "wont-fix" -> "the maintainers will not fix it";
                default -> "no fixed version listed";
            };
        }
    }
}
