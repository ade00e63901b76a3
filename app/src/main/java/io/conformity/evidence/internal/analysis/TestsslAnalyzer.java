package io.conformity.evidence.internal.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import io.conformity.evidence.Provision;
import io.conformity.evidence.Severity;

/**
 * Reads a testssl.sh JSON report, either form: {@code --jsonfile-pretty} (an object whose {@code scanResult} holds
 * one object per target, with sections of {@code {id, severity, finding}} entries) or {@code --jsonfile} (a flat
 * array of entries that carry {@code ip} and {@code port} themselves).
 *
 * <p>It judges what bears on best-practice cryptography in transit (EN 303 645 5.5-1, CRA Annex I I.2e):
 * <ul>
 *   <li>{@code tls.protocol.legacy}: SSLv2/SSLv3 offered (CRITICAL), TLS 1.0/1.1 offered (HIGH), one per protocol;
 *   <li>{@code tls.protocol.tls13-missing} (INFO);
 *   <li>{@code tls.certificate.untrusted} (HIGH) from {@code cert_chain_of_trust} and {@code cert_trust};
 *   <li>{@code tls.certificate.expired} (HIGH) and {@code tls.certificate.expiring} (MEDIUM, within
 *       {@value #EXPIRY_WARNING_DAYS} days) from {@code cert_notAfter}, judged against the analysis date rather than
 *       the scan date, so the same report reads differently as time passes;
 *   <li>{@code tls.cipher.null-or-anonymous} (CRITICAL) from {@code cipherlist_NULL}, {@code _aNULL},
 *       {@code _EXPORT}, and {@code tls.cipher.weak} (HIGH) from {@code cipherlist_LOW}, {@code _3DES_IDEA}, one per
 *       cipher class, naming the suites when the report lists them (cipherTests);
 *   <li>{@code tls.vulnerability.<id>} for testssl's vulnerability checks (heartbleed, ROBOT, BEAST …) that testssl
 *       rates LOW or worse, with testssl's rating (these also bear on CRA I.2a);
 *   <li>{@code tls.scan.problem} (MEDIUM) when testssl says the scan failed, so that a broken scan never reads as a
 *       clean one.
 * </ul>
 * Everything else testssl rates (HSTS, cipher order, revocation, headers …) stays in the stored report for the
 * officer; it does not bear on these provisions directly enough to weigh automatically.
 */
public final class TestsslAnalyzer implements Analyzer {

    static final int EXPIRY_WARNING_DAYS = 30;
    static final int LISTED_CIPHERS = 10;

    private static final List<Provision> TLS = List.of(Provision.en("5.5-1"), Provision.cra("I.2e"));
    private static final List<Provision> VULNERABILITY =
            List.of(Provision.en("5.5-1"), Provision.cra("I.2e"), Provision.cra("I.2a"));

    private static final Map<String, String> PROTOCOLS = Map.of(
            "SSLv2", "SSL 2.0",
            "SSLv3", "SSL 3.0",
            "TLS1", "TLS 1.0",
            "TLS1_1", "TLS 1.1",
            "TLS1_2", "TLS 1.2",
            "TLS1_3", "TLS 1.3");
    private static final Map<String, String> CIPHER_CLASSES = Map.of(
            "cipherlist_NULL", "NULL cipher suites (no encryption)",
            "cipherlist_aNULL", "anonymous cipher suites (aNULL: no server authentication)",
            "cipherlist_EXPORT", "export-grade cipher suites",
            "cipherlist_LOW", "low-strength cipher suites (64-bit, DES, RC2, RC4, MD5)",
            "cipherlist_3DES_IDEA", "triple-DES or IDEA cipher suites (64-bit blocks, SWEET32)");
    // testssl's vulnerability checks (testssl.sh 3.0/3.2 ids); BEAST_CBC_* only lists the ciphers behind BEAST.
    private static final Set<String> VULNERABILITIES = Set.of(
            "heartbleed",
            "CCS",
            "ticketbleed",
            "opossum",
            "ROBOT",
            "secure_renego",
            "secure_client_renego",
            "CRIME_TLS",
            "BREACH",
            "POODLE_SSL",
            "POODLE_TLS",
            "fallback_SCSV",
            "SWEET32",
            "FREAK",
            "DROWN",
            "LOGJAM",
            "LOGJAM-common_primes",
            "BEAST",
            "LUCKY13",
            "winshock",
            "RC4",
            "starttls_injection");
    // With several certificates testssl appends " <hostCert#2>" to the certificate ids.
    private static final Pattern CERTIFICATE_SUFFIX = Pattern.compile("\\s+<[^>]*>$");
    private static final DateTimeFormatter NOT_AFTER = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int FIELD_LENGTH = 300;

    @Override
    public String name() {
        return "testssl";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public List<Provision> evidences() {
        return List.of(Provision.en("5.5-1"), Provision.cra("I.2e"));
    }

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public boolean recognises(Head head) {
        String text = head.text().stripLeading();
        if (text.startsWith("{")) {
            return text.contains("\"scanResult\"") && text.contains("\"Invocation\"");
        }
        return text.startsWith("[")
                && text.contains("\"id\"")
                && text.contains("\"ip\"")
                && text.contains("\"port\"")
                && text.contains("\"severity\"")
                && text.contains("\"finding\"");
    }

    @Override
    public String analyse(InputStream content, AnalysisContext context, AnalysisSink sink) throws IOException {
        Report report = new Report(context, sink);
        try (JsonParser json = SafeParsers.json(content)) {
            JsonToken first = json.nextToken();
            if (first == JsonToken.START_OBJECT) {
                readPretty(json, report);
            } else if (first == JsonToken.START_ARRAY) {
                readFlat(json, report);
            } else {
                throw new NotRecognisedException("A testssl report is a JSON object or array.");
            }
            if (json.nextToken() != null) {
                throw new RejectedContentException(
                        location(json), "The JSON carries more after testssl's report has ended.");
            }
        } catch (JsonProcessingException e) {
            throw SafeParsers.rejected(e);
        }
        return report.summary();
    }

    private static void readPretty(JsonParser json, Report report) throws IOException {
        boolean scanResult = false;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (field.equals("scanResult") && value == JsonToken.START_ARRAY) {
                scanResult = true;
                while (nextInArray(json)) {
                    if (json.currentToken() == JsonToken.START_OBJECT) {
                        readTarget(json, report);
                    } else {
                        json.skipChildren();
                    }
                }
            } else {
                json.skipChildren();
            }
        }
        if (!scanResult) {
            throw new NotRecognisedException("The JSON object has no testssl scanResult.");
        }
    }

    private static void readTarget(JsonParser json, Report report) throws IOException {
        Target target = report.startTarget();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (value == JsonToken.START_ARRAY) {
                while (nextInArray(json)) {
                    Entry entry = readEntry(json);
                    if (entry != null) {
                        target.accept(entry);
                    }
                }
            } else if (value.isScalarValue()) {
                switch (field) {
                    case "targetHost" -> target.host = bounded(json.getText());
                    case "ip" -> target.ip = bounded(json.getText());
                    case "port" -> target.port = bounded(json.getText());
                    default -> {}
                }
            } else {
                json.skipChildren();
            }
        }
        report.finish(target);
    }

    private static void readFlat(JsonParser json, Report report) throws IOException {
        Target target = null;
        boolean any = false;
        while (nextInArray(json)) {
            Entry entry = readEntry(json);
            if (entry == null || entry.id() == null || entry.severity() == null) {
                if (!any) {
                    throw new NotRecognisedException("The JSON array does not hold testssl findings.");
                }
                continue;
            }
            any = true;
            // The flat form writes "ip" as hostname/address.
            String ip =
                    entry.ip() == null ? null : entry.ip().substring(entry.ip().indexOf('/') + 1);
            if (target == null || !same(target.ip, ip) || !same(target.port, entry.port())) {
                if (target != null) {
                    report.finish(target);
                }
                target = report.startTarget();
                target.ip = ip;
                target.port = entry.port();
                target.host = entry.ip() == null || entry.ip().indexOf('/') < 0
                        ? ip
                        : entry.ip().substring(0, entry.ip().indexOf('/'));
            }
            target.accept(entry);
        }
        if (target != null) {
            report.finish(target);
        }
    }

    /** Moves to the next element of an array; false at its end. */
    private static boolean nextInArray(JsonParser json) throws IOException {
        JsonToken token = json.nextToken();
        if (token == null) {
            throw new RejectedContentException(location(json), "The JSON ends inside an array.");
        }
        return token != JsonToken.END_ARRAY;
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    /** One {@code {id, severity, finding …}} object, or null when the element is something else. */
    private static Entry readEntry(JsonParser json) throws IOException {
        if (json.currentToken() != JsonToken.START_OBJECT) {
            json.skipChildren();
            return null;
        }
        String id = null;
        String severity = null;
        String finding = null;
        String cve = null;
        String ip = null;
        String port = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (!value.isScalarValue()) {
                json.skipChildren();
                continue;
            }
            switch (field) {
                case "id" -> id = bounded(json.getText());
                case "severity" -> severity = bounded(json.getText());
                case "finding" -> finding = bounded(json.getText());
                case "cve" -> cve = bounded(json.getText());
                case "ip" -> ip = bounded(json.getText());
                case "port" -> port = bounded(json.getText());
                default -> {}
            }
        }
        return new Entry(id, severity, finding == null ? "" : finding, cve, ip, port);
    }

    private static String bounded(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() > FIELD_LENGTH ? stripped.substring(0, FIELD_LENGTH) + "…" : stripped;
    }

    private static String location(JsonParser json) {
        return "line " + json.currentLocation().getLineNr() + ", column "
                + json.currentLocation().getColumnNr();
    }

    /** testssl's rating as a finding severity; null for OK, INFO, DEBUG, WARN and FATAL (not a weakness). */
    private static Severity severity(String testssl) {
        return switch (testssl == null ? "" : testssl.toUpperCase(Locale.ROOT)) {
            case "LOW" -> Severity.LOW;
            case "MEDIUM" -> Severity.MEDIUM;
            case "HIGH" -> Severity.HIGH;
            case "CRITICAL" -> Severity.CRITICAL;
            default -> null;
        };
    }

    private static boolean offered(String finding) {
        String text = finding.toLowerCase(Locale.ROOT);
        return text.startsWith("offered") || text.startsWith("supported");
    }

    private static boolean notOffered(String finding) {
        return finding.toLowerCase(Locale.ROOT).startsWith("not offered");
    }

    /** The cipherlist class a suite falls in, from its OpenSSL and IANA names; null when none of the weak ones. */
    private static String cipherClass(String openssl, String iana) {
        String both = openssl + " " + iana;
        if (both.contains("_WITH_NULL_") || openssl.startsWith("NULL-") || openssl.contains("-NULL-")) {
            return "cipherlist_NULL";
        }
        if (both.contains("_anon_") || openssl.startsWith("ADH-") || openssl.startsWith("AECDH-")) {
            return "cipherlist_aNULL";
        }
        if (openssl.startsWith("EXP") || iana.contains("_EXPORT")) {
            return "cipherlist_EXPORT";
        }
        if (both.contains("DES-CBC3") || both.contains("3DES") || both.contains("IDEA")) {
            return "cipherlist_3DES_IDEA";
        }
        if (both.contains("RC4") || both.contains("DES") || both.contains("RC2") || both.contains("MD5")) {
            return "cipherlist_LOW";
        }
        return null;
    }

    /** One line of testssl's report. */
    private record Entry(String id, String severity, String finding, String cve, String ip, String port) {}

    /** The distinct suites of one cipher class the report names; the set of all suites bounds it. */
    private static final class Suites {
        static final int MAX = 512;
        final Set<String> names = new LinkedHashSet<>();

        void add(String name) {
            if (names.size() < MAX) {
                names.add(name);
            }
        }

        String listed() {
            List<String> listed = names.stream().limit(LISTED_CIPHERS).toList();
            int more = names.size() - listed.size();
            return String.join(", ", listed) + (more > 0 ? " and " + more + " more" : "");
        }
    }

    /** One scanned host and port: the findings wait until its end only for cipher classes, to name the suites. */
    private static final class Target {
        final Report report;
        String host;
        String ip;
        String port;
        final Map<String, Entry> offeredClasses = new LinkedHashMap<>();
        final Map<String, Suites> suites = new LinkedHashMap<>();
        final List<String> protocols = new ArrayList<>();

        Target(Report report) {
            this.report = report;
        }

        String where() {
            return (ip == null || ip.isEmpty() ? host == null ? "unknown host" : host : ip) + "/"
                    + (port == null ? "?" : port);
        }

        String endpoint() {
            return (ip == null || ip.isEmpty() ? host == null ? "unknown host" : host : ip) + ":"
                    + (port == null ? "?" : port);
        }

        void accept(Entry entry) {
            String id = entry.id();
            if (id == null) {
                return;
            }
            String base = CERTIFICATE_SUFFIX.matcher(id).replaceFirst("");
            String location = id + " @ " + where();
            if (PROTOCOLS.containsKey(base)) {
                protocol(base, entry, location);
            } else if (CIPHER_CLASSES.containsKey(base)) {
                if (offered(entry.finding())) {
                    offeredClasses.putIfAbsent(base, entry);
                }
            } else if (base.startsWith("cipher_x") || base.startsWith("cipher-")) {
                suite(entry.finding());
            } else if (base.equals("cert_chain_of_trust") && severity(entry.severity()) != null) {
                report.emit(
                        "tls.certificate.untrusted",
                        Severity.HIGH,
                        TLS,
                        "The certificate of " + endpoint() + " is not trusted: its chain of trust "
                                + entry.finding().replaceFirst("\\.$", "") + ".",
                        location);
            } else if (base.equals("cert_trust") && severity(entry.severity()) != null) {
                report.emit(
                        "tls.certificate.untrusted",
                        Severity.HIGH,
                        TLS,
                        "The certificate of " + endpoint() + " is not trusted for the name scanned: " + entry.finding()
                                + ".",
                        location);
            } else if (base.equals("cert_notAfter")) {
                notAfter(entry.finding(), location);
            } else if (VULNERABILITIES.contains(base) && severity(entry.severity()) != null) {
                String cve = entry.cve() == null || entry.cve().isBlank() ? "" : " (" + entry.cve() + ")";
                report.emit(
                        "tls.vulnerability." + base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"),
                        severity(entry.severity()),
                        VULNERABILITY,
                        "testssl rates " + endpoint() + " " + entry.severity().toUpperCase(Locale.ROOT) + " for " + base
                                + cve + ": " + entry.finding() + ".",
                        location);
            } else if (base.equals("scanProblem")
                    && ("FATAL".equalsIgnoreCase(entry.severity()) || "WARN".equalsIgnoreCase(entry.severity()))) {
                report.emit(
                        "tls.scan.problem",
                        Severity.MEDIUM,
                        TLS,
                        "testssl could not complete the scan of " + endpoint() + ": " + entry.finding()
                                + ". Its findings are incomplete.",
                        location);
            }
        }

        private void protocol(String id, Entry entry, String location) {
            String name = PROTOCOLS.get(id);
            if (offered(entry.finding())) {
                protocols.add(name);
                if (id.startsWith("SSL") || id.equals("TLS1") || id.equals("TLS1_1")) {
                    report.emit(
                            "tls.protocol.legacy",
                            id.startsWith("SSL") ? Severity.CRITICAL : Severity.HIGH,
                            TLS,
                            name + " is offered on " + endpoint() + "; it is deprecated and no longer best-practice"
                                    + " cryptography.",
                            location);
                }
            } else if (id.equals("TLS1_3") && notOffered(entry.finding())) {
                report.emit(
                        "tls.protocol.tls13-missing",
                        Severity.INFO,
                        TLS,
                        "TLS 1.3 is not offered on " + endpoint() + ".",
                        location);
            }
        }

        private void suite(String finding) {
            // "xc019   AECDH-AES256-SHA   ECDH 253   AES   256   TLS_ECDH_anon_WITH_AES_256_CBC_SHA"
            String[] columns = finding.strip().split("\\s+");
            if (columns.length < 3) {
                return;
            }
            String openssl = columns[1];
            String cipherClass = cipherClass(openssl, columns[columns.length - 1]);
            if (cipherClass != null) {
                suites.computeIfAbsent(cipherClass, c -> new Suites()).add(openssl);
            }
        }

        private void notAfter(String finding, String location) {
            LocalDate notAfter;
            try {
                notAfter = LocalDate.parse(finding.strip(), NOT_AFTER);
            } catch (DateTimeParseException e) {
                return;
            }
            LocalDate today = report.context.today();
            if (notAfter.isBefore(today)) {
                report.emit(
                        "tls.certificate.expired",
                        Severity.HIGH,
                        TLS,
                        "The certificate of " + endpoint() + " expired on " + notAfter + ".",
                        location);
            } else if (!notAfter.isAfter(today.plusDays(EXPIRY_WARNING_DAYS))) {
                report.emit(
                        "tls.certificate.expiring",
                        Severity.MEDIUM,
                        TLS,
                        "The certificate of " + endpoint() + " expires on " + notAfter + ", within "
                                + EXPIRY_WARNING_DAYS + " days of " + today + ".",
                        location);
            }
        }

        void finish() {
            for (Map.Entry<String, Entry> offered : offeredClasses.entrySet()) {
                String id = offered.getKey();
                boolean nullOrAnonymous = !id.equals("cipherlist_LOW") && !id.equals("cipherlist_3DES_IDEA");
                Suites named = suites.get(id);
                String which = named == null ? "" : ": " + named.listed();
                String text = CIPHER_CLASSES.get(id);
                report.emit(
                        nullOrAnonymous ? "tls.cipher.null-or-anonymous" : "tls.cipher.weak",
                        nullOrAnonymous ? Severity.CRITICAL : Severity.HIGH,
                        TLS,
                        Character.toUpperCase(text.charAt(0)) + text.substring(1) + " are offered on " + endpoint()
                                + which + ".",
                        id + " @ " + where());
            }
        }
    }

    /** The whole report: the sink, the date, and counts for the summary. */
    private static final class Report {
        final AnalysisContext context;
        final AnalysisSink sink;
        final Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        String firstTarget;
        String firstProtocols;
        int targets;

        Report(AnalysisContext context, AnalysisSink sink) {
            this.context = context;
            this.sink = sink;
        }

        Target startTarget() {
            return new Target(this);
        }

        void finish(Target target) {
            target.finish();
            targets++;
            if (targets == 1) {
                firstTarget = target.endpoint();
                firstProtocols = String.join(", ", target.protocols);
            }
        }

        void emit(String code, Severity severity, List<Provision> provisions, String message, String location) {
            counts.merge(severity, 1, Integer::sum);
            sink.finding(new Finding(code, severity, provisions, message, location));
        }

        String summary() {
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            StringBuilder summary = new StringBuilder()
                    .append(total)
                    .append(total == 1 ? " TLS finding on " : " TLS findings on ")
                    .append(targets == 1 ? firstTarget : targets + " targets");
            if (total > 0) {
                List<String> parts = new ArrayList<>();
                for (Severity severity :
                        List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)) {
                    if (counts.containsKey(severity)) {
                        parts.add(counts.get(severity) + " " + severity.name().toLowerCase(Locale.ROOT));
                    }
                }
                summary.append(" (").append(String.join(", ", parts)).append(')');
            }
            if (targets == 1 && !firstProtocols.isEmpty()) {
                summary.append("; offers ").append(firstProtocols);
            }
            return summary.toString();
        }
    }
}
