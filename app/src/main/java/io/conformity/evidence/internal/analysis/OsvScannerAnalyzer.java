package io.conformity.evidence.internal.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;

import io.conformity.evidence.Provision;
import io.conformity.evidence.Severity;

/**
 * OSV-Scanner's JSON report ({@code osv-scanner scan --format json}): {@code results[].packages[]}, each with its
 * {@code vulnerabilities[]} (full OSV records) and {@code groups[]} (the records that are aliases of one another, with
 * the group's {@code max_severity}). One {@link KnownVulnerability} finding per group, located at the group; a
 * vulnerability that belongs to no group is its own finding. Groups that OSV-Scanner's analysis marks
 * {@code unimportant} produce none and are counted.
 *
 * <p>Severity: the group's {@code max_severity} (a CVSS base score) on the CVSS v3 scale; when it is empty, the
 * highest {@code database_specific.severity} of the group's records (GitHub's LOW … CRITICAL, MODERATE as MEDIUM).
 *
 * <p>The order of a package's fields is not fixed (groups come before or after the records), so a package's records
 * are kept in short form (ids, summary, fixed versions) until the package ends; past {@value #BUFFERED} records in one
 * package, further ones are reported on their own as they come, so memory stays bounded.
 */
public final class OsvScannerAnalyzer implements Analyzer {

    static final int BUFFERED = 10_000;

    private static final Pattern FIRST_FIELD = Pattern.compile("^\\s*\\{\\s*\"results\"\\s*:");
    private static final Pattern OSV_FIELD = Pattern.compile("\"(packages|experimental_config)\"\\s*:");
    private static final int LISTED = 5;

    public OsvScannerAnalyzer() {}

    @Override
    public String name() {
        return "osv-scanner";
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
        return FIRST_FIELD.matcher(text).find() && OSV_FIELD.matcher(text).find();
    }

    @Override
    public String analyse(InputStream content, AnalysisContext context, AnalysisSink sink) throws IOException {
        return JsonReading.read(content, parser -> {
            JsonReading.root(parser, "an OSV-Scanner report");
            Report report = new Report(sink);
            boolean resultsSeen = false;
            while (JsonReading.nextField(parser)) {
                if (parser.currentName().equals("results") && JsonReading.array(parser)) {
                    resultsSeen = true;
                    while (JsonReading.nextElement(parser)) {
                        source(parser, report);
                    }
                } else {
                    JsonReading.skip(parser);
                }
            }
            if (!resultsSeen) {
                throw new NotRecognisedException("The JSON is not an OSV-Scanner report: no \"results\" list.");
            }
            return "OSV-Scanner report: " + report.reported
                    + (report.reported == 1 ? " known vulnerability" : " known vulnerabilities") + " in "
                    + report.affectedPackages + (report.affectedPackages == 1 ? " package" : " packages") + ", "
                    + report.unimportant + " marked unimportant";
        });
    }

    private static void source(JsonParser parser, Report report) throws IOException {
        if (!JsonReading.object(parser)) {
            return;
        }
        while (JsonReading.nextField(parser)) {
            if (parser.currentName().equals("packages") && JsonReading.array(parser)) {
                while (JsonReading.nextElement(parser)) {
                    pkg(parser, report);
                }
            } else {
                JsonReading.skip(parser);
            }
        }
    }

    private static void pkg(JsonParser parser, Report report) throws IOException {
        if (!JsonReading.object(parser)) {
            return;
        }
        Package pkg = new Package();
        while (JsonReading.nextField(parser)) {
            switch (parser.currentName()) {
                case "package" -> packageInfo(parser, pkg);
                case "vulnerabilities" -> {
                    if (JsonReading.array(parser)) {
                        while (JsonReading.nextElement(parser)) {
                            vulnerability(parser, pkg, report);
                        }
                    }
                }
                case "groups" -> {
                    if (JsonReading.array(parser)) {
                        while (JsonReading.nextElement(parser)) {
                            group(parser, pkg);
                        }
                    }
                }
                default -> JsonReading.skip(parser);
            }
        }
        report.finish(pkg);
    }

    private static void packageInfo(JsonParser parser, Package pkg) throws IOException {
        if (!JsonReading.object(parser)) {
            return;
        }
        while (JsonReading.nextField(parser)) {
            switch (parser.currentName()) {
                case "name" -> pkg.name = Texts.value(JsonReading.text(parser));
                case "version" -> pkg.version = Texts.value(JsonReading.text(parser));
                case "commit" -> pkg.commit = Texts.value(JsonReading.text(parser));
                case "ecosystem" -> pkg.ecosystem = Texts.value(JsonReading.text(parser));
                default -> JsonReading.skip(parser);
            }
        }
    }

    private static void vulnerability(JsonParser parser, Package pkg, Report report) throws IOException {
        if (!JsonReading.object(parser)) {
            return;
        }
        Record record = new Record(JsonReading.pointer(parser));
        while (JsonReading.nextField(parser)) {
            switch (parser.currentName()) {
                case "id" -> record.id = Texts.clip(JsonReading.text(parser), 100);
                case "aliases" -> strings(parser, record.aliases);
                case "summary" -> record.summary = Texts.clip(JsonReading.text(parser), Texts.TITLE_LENGTH);
                case "details" -> record.details = Texts.clip(JsonReading.text(parser), Texts.TITLE_LENGTH);
                case "database_specific" -> record.severity = databaseSeverity(parser);
                case "affected" -> affected(parser, pkg, record);
                default -> JsonReading.skip(parser);
            }
        }
        if (pkg.records.size() < BUFFERED) {
            pkg.records.putIfAbsent(record.id, record);
        } else {
            report.single(pkg, record);
        }
    }

    private static String databaseSeverity(JsonParser parser) throws IOException {
        if (!JsonReading.object(parser)) {
            return null;
        }
        String severity = null;
        while (JsonReading.nextField(parser)) {
            if (parser.currentName().equals("severity")) {
                severity = JsonReading.text(parser);
            } else {
                JsonReading.skip(parser);
            }
        }
        return severity;
    }

    /** The fixed versions of the ranges that concern the scanned package (all of them if its name is unknown). */
    private static void affected(JsonParser parser, Package pkg, Record record) throws IOException {
        if (!JsonReading.array(parser)) {
            return;
        }
        while (JsonReading.nextElement(parser)) {
            if (!JsonReading.object(parser)) {
                continue;
            }
            String name = null;
            List<String> fixed = new ArrayList<>();
            while (JsonReading.nextField(parser)) {
                switch (parser.currentName()) {
                    case "package" -> name = affectedName(parser);
                    case "ranges" -> ranges(parser, fixed);
                    default -> JsonReading.skip(parser);
                }
            }
            if (pkg.name == null || name == null || pkg.name.equals(name)) {
                for (String version : fixed) {
                    if (record.fixed.size() < LISTED) {
                        record.fixed.add(version);
                    }
                }
            }
        }
    }

    private static String affectedName(JsonParser parser) throws IOException {
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

    private static void ranges(JsonParser parser, List<String> fixed) throws IOException {
        if (!JsonReading.array(parser)) {
            return;
        }
        while (JsonReading.nextElement(parser)) {
            if (!JsonReading.object(parser)) {
                continue;
            }
            while (JsonReading.nextField(parser)) {
                if (parser.currentName().equals("events") && JsonReading.array(parser)) {
                    while (JsonReading.nextElement(parser)) {
                        if (!JsonReading.object(parser)) {
                            continue;
                        }
                        while (JsonReading.nextField(parser)) {
                            String version = parser.currentName().equals("fixed")
                                    ? Texts.clip(JsonReading.text(parser), 100)
                                    : skipped(parser);
                            if (version != null && fixed.size() < LISTED) {
                                fixed.add(version);
                            }
                        }
                    }
                } else {
                    JsonReading.skip(parser);
                }
            }
        }
    }

    private static String skipped(JsonParser parser) throws IOException {
        JsonReading.skip(parser);
        return null;
    }

    private static void group(JsonParser parser, Package pkg) throws IOException {
        if (!JsonReading.object(parser)) {
            return;
        }
        Group group = new Group(JsonReading.pointer(parser));
        while (JsonReading.nextField(parser)) {
            switch (parser.currentName()) {
                case "ids" -> strings(parser, group.ids);
                case "aliases" -> strings(parser, group.aliases);
                case "max_severity" -> group.maxSeverity = JsonReading.text(parser);
                case "experimental_analysis" -> analysis(parser, group);
                default -> JsonReading.skip(parser);
            }
        }
        if (pkg.groups.size() < BUFFERED) {
            pkg.groups.add(group);
        }
    }

    /** {@code {"GO-2021-0053": {"called": false, "unimportant": false}, …}} */
    private static void analysis(JsonParser parser, Group group) throws IOException {
        if (!JsonReading.object(parser)) {
            return;
        }
        while (JsonReading.nextField(parser)) {
            if (!JsonReading.object(parser)) {
                continue;
            }
            group.analysed = true;
            while (JsonReading.nextField(parser)) {
                switch (parser.currentName()) {
                    case "called" -> group.called |= "true".equals(JsonReading.text(parser));
                    case "unimportant" -> group.unimportant |= "true".equals(JsonReading.text(parser));
                    default -> JsonReading.skip(parser);
                }
            }
        }
    }

    private static void strings(JsonParser parser, Set<String> into) throws IOException {
        if (!JsonReading.array(parser)) {
            return;
        }
        while (JsonReading.nextElement(parser)) {
            String value = Texts.clip(JsonReading.text(parser), 100);
            if (value != null && into.size() < LISTED * 4) {
                into.add(value);
            }
        }
    }

    /** One package's entry: its coordinates and, in short form, its records and groups. */
    private static final class Package {
        String name;
        String version;
        String commit;
        String ecosystem;
        final Map<String, Record> records = new LinkedHashMap<>();
        final List<Group> groups = new ArrayList<>();
        boolean reported;
    }

    /** One OSV record, in short form. */
    private static final class Record {
        final String location;
        String id;
        final Set<String> aliases = new LinkedHashSet<>();
        String summary;
        String details;
        String severity;
        final Set<String> fixed = new LinkedHashSet<>();

        Record(String location) {
            this.location = location;
        }

        String title() {
            return summary != null ? summary : details;
        }
    }

    private static final class Group {
        final String location;
        final Set<String> ids = new LinkedHashSet<>();
        final Set<String> aliases = new LinkedHashSet<>();
        String maxSeverity;
        boolean analysed;
        boolean called;
        boolean unimportant;

        Group(String location) {
            this.location = location;
        }
    }

    private static final class Report {
        final AnalysisSink sink;
        long reported;
        long unimportant;
        long affectedPackages;

        Report(AnalysisSink sink) {
            this.sink = sink;
        }

        void finish(Package pkg) {
            Set<String> grouped = new LinkedHashSet<>();
            for (Group group : pkg.groups) {
                grouped.addAll(group.ids);
                if (group.unimportant) {
                    unimportant++;
                    continue;
                }
                List<Record> members = new ArrayList<>();
                for (String id : group.ids) {
                    Record record = pkg.records.get(id);
                    if (record != null) {
                        members.add(record);
                    }
                }
                report(pkg, group, members);
            }
            for (Record record : pkg.records.values()) {
                if (!grouped.contains(record.id)) {
                    single(pkg, record);
                }
            }
            if (pkg.reported) {
                affectedPackages++;
            }
        }

        void single(Package pkg, Record record) {
            Group group = new Group(record.location);
            if (record.id != null) {
                group.ids.add(record.id);
            }
            report(pkg, group, List.of(record));
        }

        private void report(Package pkg, Group group, List<Record> members) {
            String id = group.ids.isEmpty() ? null : group.ids.iterator().next();
            Set<String> aliases = new LinkedHashSet<>(group.ids);
            aliases.addAll(group.aliases);
            Severity database = null;
            String title = null;
            Set<String> fixed = new LinkedHashSet<>();
            for (Record member : members) {
                aliases.addAll(member.aliases);
                if (KnownVulnerability.rated(member.severity)) {
                    database = KnownVulnerability.max(database, KnownVulnerability.severity(member.severity));
                }
                if (title == null) {
                    title = member.title();
                }
                fixed.addAll(member.fixed);
            }
            Severity severity = KnownVulnerability.cvss(group.maxSeverity);
            if (severity == null) {
                severity = database != null ? database : KnownVulnerability.severity(null);
            }
            aliases.remove(id);
            List<String> shownAliases = aliases.stream().limit(LISTED).toList();
            List<String> shownFixed = fixed.stream().limit(LISTED).toList();
            String remedy = shownFixed.isEmpty() ? "no fixed version listed" : KnownVulnerability.fixedIn(shownFixed);
            if (group.analysed && !group.called) {
                remedy += "; OSV-Scanner's call analysis found the vulnerable code is not called";
            }
            reported++;
            pkg.reported = true;
            sink.finding(KnownVulnerability.finding(
                    id,
                    shownAliases,
                    pkg.name,
                    pkg.version != null ? pkg.version : pkg.commit,
                    pkg.ecosystem,
                    title,
                    remedy,
                    severity,
                    group.location));
        }
    }
}
