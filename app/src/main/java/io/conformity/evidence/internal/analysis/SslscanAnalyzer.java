package io.conformity.evidence.internal.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import io.conformity.evidence.Provision;
import io.conformity.evidence.Severity;

/**
 * Reads an sslscan XML report ({@code sslscan --xml}) with the finding codes of {@link TestsslAnalyzer} wherever
 * the two tools say the same thing (EN 303 645 5.5-1, CRA Annex I I.2e):
 * <ul>
 *   <li>{@code tls.protocol.legacy} per enabled legacy protocol: SSLv2/SSLv3 CRITICAL, TLS 1.0/1.1 HIGH;
 *   <li>{@code tls.protocol.tls13-missing} (INFO) when sslscan tested TLS 1.3 and found it off;
 *   <li>{@code tls.cipher.null-or-anonymous} (CRITICAL) for NULL, anonymous and export suites accepted, and
 *       {@code tls.cipher.weak} (HIGH) for RC4, DES, triple-DES, IDEA, RC2, MD5 or under 128 bits — one finding per
 *       class for the whole target, naming the protocols and (a bounded number of) the suites, because sslscan lists
 *       each suite once per protocol and the officer should read a few lines, not eighty;
 *   <li>{@code tls.certificate.untrusted} (HIGH) for a self-signed certificate, {@code tls.certificate.expired}
 *       (HIGH) and {@code tls.certificate.expiring} (MEDIUM, within {@value TestsslAnalyzer#EXPIRY_WARNING_DAYS}
 *       days) against the analysis date;
 *   <li>{@code tls.vulnerability.heartbleed} (CRITICAL), {@code tls.vulnerability.secure-renego} (CRITICAL,
 *       insecure renegotiation) and {@code tls.vulnerability.crime-tls} (HIGH, TLS compression), as testssl rates
 *       them; these also bear on CRA I.2a.
 * </ul>
 * Findings of one target are emitted at its end: the protocol findings then say how many suites each protocol
 * accepts. What is held meanwhile is a handful of counters and at most {@value #LISTED_CIPHERS} names per class.
 */
public final class SslscanAnalyzer implements Analyzer {

    static final int LISTED_CIPHERS = 10;

    private static final List<Provision> TLS = List.of(Provision.en("5.5-1"), Provision.cra("I.2e"));
    private static final List<Provision> VULNERABILITY =
            List.of(Provision.en("5.5-1"), Provision.cra("I.2e"), Provision.cra("I.2a"));
    private static final Pattern WEAK_NAME = Pattern.compile("RC4|DES|IDEA|RC2|MD5");
    private static final Pattern NULL_OR_ANONYMOUS_NAME = Pattern.compile("NULL|^ADH|^AECDH|_anon_|^EXP|_EXPORT");
    // OpenSSL's ASN1_TIME_print: "Dec 28 20:41:49 2026 GMT", the day padded with a space.
    private static final DateTimeFormatter CERTIFICATE_DATE =
            DateTimeFormatter.ofPattern("MMM d HH:mm:ss yyyy", Locale.ENGLISH);
    // More protocol names than SSL and TLS have ever had: a hostile file cannot grow the per-protocol counters.
    private static final int MAX_PROTOCOLS = 8;

    @Override
    public String name() {
        return "sslscan";
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
        return "application/xml";
    }

    @Override
    public boolean recognises(Head head) {
        String text = head.text();
        return head.looksLikeXml()
                && text.contains("<document")
                && (text.contains("SSLScan Results") || text.contains("rbsec/sslscan"));
    }

    @Override
    public String analyse(InputStream content, AnalysisContext context, AnalysisSink sink) throws IOException {
        XMLStreamReader xml = SafeParsers.xml(content);
        try {
            return read(xml, context, sink);
        } catch (XMLStreamException e) {
            throw SafeParsers.rejected(e);
        } finally {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // Closing the reader frees its buffers only; the stream is the caller's.
            }
        }
    }

    private static String read(XMLStreamReader xml, AnalysisContext context, AnalysisSink sink)
            throws XMLStreamException {
        boolean root = false;
        Target target = null;
        String text = null;
        List<String> summaries = new ArrayList<>();
        int targets = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD && xml.getText().contains("[")) {
                throw new RejectedContentException(
                        where(xml),
                        "The sslscan file declares a DTD internal subset (entities), which sslscan never writes.");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String element = xml.getLocalName();
                text = null;
                if (!root) {
                    String title = attribute(xml, "title") + " " + attribute(xml, "web");
                    if (!element.equals("document")
                            || !title.toLowerCase(Locale.ROOT).contains("sslscan")) {
                        throw new NotRecognisedException("The XML is not an sslscan report.");
                    }
                    root = true;
                } else if (element.equals("ssltest")) {
                    target = new Target(attribute(xml, "host"), attribute(xml, "port"));
                } else if (target != null) {
                    target.element(element, xml);
                }
            } else if (event == XMLStreamConstants.CHARACTERS && target != null) {
                // Only short certificate fields are read as text: 200 characters hold any of them.
                String chunk = xml.getText();
                text = text == null ? chunk : text + chunk;
                if (text.length() > 200) {
                    text = text.substring(0, 200);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && target != null) {
                String element = xml.getLocalName();
                if (element.equals("ssltest")) {
                    target.finish(context, sink);
                    targets++;
                    if (summaries.size() < 5) {
                        summaries.add(target.summary());
                    }
                    target = null;
                } else {
                    target.end(element, text == null ? null : text.strip());
                }
                text = null;
            }
        }
        if (!root) {
            throw new NotRecognisedException("The XML has no sslscan <document> element.");
        }
        if (targets == 0) {
            return "No target in the sslscan report";
        }
        return String.join("; ", summaries)
                + (targets > summaries.size() ? "; and " + (targets - summaries.size()) + " more" : "");
    }

    private static String attribute(XMLStreamReader xml, String name) {
        return xml.getAttributeValue(null, name);
    }

    private static String where(XMLStreamReader xml) {
        return "line " + xml.getLocation().getLineNumber() + ", column "
                + xml.getLocation().getColumnNumber();
    }

    /** {@code ssl}/{@code 3} → SSLv3, {@code tls}/{@code 1.0} → TLSv1.0: the names sslscan gives its ciphers. */
    private static String protocolName(String type, String version) {
        if (type == null || version == null) {
            return null;
        }
        return type.equalsIgnoreCase("ssl") ? "SSLv" + version : "TLSv" + version;
    }

    private static String plural(int count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    /** The suites of one class: how many were accepted, under which protocols, and their distinct names. */
    private static final class CipherClass {
        // The set of all cipher suites bounds the distinct names; a hostile file cannot grow it further.
        static final int MAX_NAMES = 512;
        int accepted;
        final Set<String> protocols = new LinkedHashSet<>();
        final Set<String> names = new LinkedHashSet<>();

        void add(String protocol, String name) {
            accepted++;
            if (protocol != null && protocols.size() < MAX_PROTOCOLS) {
                protocols.add(protocol);
            }
            if (names.size() < MAX_NAMES) {
                names.add(name);
            }
        }

        String describe(String what, String endpoint) {
            List<String> listed = names.stream().limit(LISTED_CIPHERS).toList();
            int more = names.size() - listed.size();
            return plural(accepted, what + " cipher suite is", what + " cipher suites are") + " accepted on "
                    + endpoint + " (" + String.join(", ", protocols) + "), " + names.size() + " distinct: "
                    + String.join(", ", listed) + (more > 0 ? " and " + more + " more" : "") + ".";
        }
    }

    /** One {@code <ssltest>}: a host and port. */
    private static final class Target {
        final String host;
        final String port;
        final Map<String, Boolean> protocols = new LinkedHashMap<>();
        final Map<String, Integer> accepted = new LinkedHashMap<>();
        final CipherClass nullOrAnonymous = new CipherClass();
        final CipherClass weak = new CipherClass();
        final Set<String> heartbleed = new LinkedHashSet<>();
        int ciphers;
        boolean insecureRenegotiation;
        boolean compression;
        boolean inCertificate;
        boolean selfSigned;
        boolean expiredFlag;
        String notAfter;
        int findings;

        Target(String host, String port) {
            this.host = host == null ? "unknown host" : host;
            this.port = port == null ? "?" : port;
        }

        String endpoint() {
            return host + ":" + port;
        }

        String location(String what) {
            return what + " @ " + host + "/" + port;
        }

        void element(String element, XMLStreamReader xml) {
            switch (element) {
                case "protocol" -> {
                    String name = protocolName(attribute(xml, "type"), attribute(xml, "version"));
                    if (name != null && (protocols.containsKey(name) || protocols.size() < MAX_PROTOCOLS)) {
                        protocols.merge(name, "1".equals(attribute(xml, "enabled")), Boolean::logicalOr);
                    }
                }
                case "cipher" -> cipher(xml);
                case "heartbleed" -> {
                    if ("1".equals(attribute(xml, "vulnerable")) && heartbleed.size() < MAX_PROTOCOLS) {
                        heartbleed.add(String.valueOf(attribute(xml, "sslversion")));
                    }
                }
                case "renegotiation" ->
                    insecureRenegotiation |=
                            "1".equals(attribute(xml, "supported")) && "0".equals(attribute(xml, "secure"));
                case "compression" -> compression |= "1".equals(attribute(xml, "supported"));
                case "certificate" -> inCertificate = true;
                default -> {}
            }
        }

        private void cipher(XMLStreamReader xml) {
            String protocol = attribute(xml, "sslversion");
            String name = attribute(xml, "cipher");
            String strength = String.valueOf(attribute(xml, "strength"));
            if (name == null) {
                return;
            }
            ciphers++;
            if (protocol != null && (accepted.containsKey(protocol) || accepted.size() < MAX_PROTOCOLS)) {
                accepted.merge(protocol, 1, Integer::sum);
                // Older sslscan versions list no <protocol> elements: a suite accepted shows its protocol is on.
                if (protocols.containsKey(protocol) || protocols.size() < MAX_PROTOCOLS) {
                    protocols.put(protocol, true);
                }
            }
            int bits;
            try {
                bits = Integer.parseInt(String.valueOf(attribute(xml, "bits")).strip());
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (strength.equals("null")
                    || strength.equals("anonymous")
                    || NULL_OR_ANONYMOUS_NAME.matcher(name).find()) {
                nullOrAnonymous.add(protocol, name);
            } else if (strength.equals("weak")
                    || (bits >= 0 && bits < 128)
                    || WEAK_NAME.matcher(name).find()) {
                weak.add(protocol, name);
            }
        }

        void end(String element, String value) {
            if (element.equals("certificate")) {
                inCertificate = false;
            } else if (inCertificate && value != null) {
                // sslscan shows the server's own certificate only; its short and full forms agree.
                switch (element) {
                    case "self-signed" -> selfSigned |= value.equalsIgnoreCase("true");
                    case "expired" -> expiredFlag |= value.equalsIgnoreCase("true");
                    case "not-valid-after" -> notAfter = notAfter == null ? value : notAfter;
                    default -> {}
                }
            }
        }

        void finish(AnalysisContext context, AnalysisSink sink) {
            for (Map.Entry<String, Boolean> protocol : protocols.entrySet()) {
                String name = protocol.getKey();
                boolean legacy = name.startsWith("SSL") || name.equals("TLSv1.0") || name.equals("TLSv1.1");
                if (protocol.getValue() && legacy) {
                    int suites = accepted.getOrDefault(name, 0);
                    emit(
                            sink,
                            "tls.protocol.legacy",
                            name.startsWith("SSL") ? Severity.CRITICAL : Severity.HIGH,
                            TLS,
                            name + " is enabled on " + endpoint() + " ("
                                    + plural(suites, "cipher suite", "cipher suites")
                                    + " accepted); it is deprecated and no longer best-practice cryptography.",
                            location(name));
                }
            }
            if (Boolean.FALSE.equals(protocols.get("TLSv1.3"))) {
                emit(
                        sink,
                        "tls.protocol.tls13-missing",
                        Severity.INFO,
                        TLS,
                        "TLS 1.3 is not enabled on " + endpoint() + ".",
                        location("TLSv1.3"));
            }
            if (nullOrAnonymous.accepted > 0) {
                emit(
                        sink,
                        "tls.cipher.null-or-anonymous",
                        Severity.CRITICAL,
                        TLS,
                        nullOrAnonymous.describe("NULL, anonymous or export", endpoint()),
                        location("ciphers"));
            }
            if (weak.accepted > 0) {
                emit(
                        sink,
                        "tls.cipher.weak",
                        Severity.HIGH,
                        TLS,
                        weak.describe("weak", endpoint()),
                        location("ciphers"));
            }
            certificate(context, sink);
            if (!heartbleed.isEmpty()) {
                emit(
                        sink,
                        "tls.vulnerability.heartbleed",
                        Severity.CRITICAL,
                        VULNERABILITY,
                        endpoint() + " is vulnerable to Heartbleed (CVE-2014-0160) over "
                                + String.join(", ", heartbleed) + ".",
                        location("heartbleed"));
            }
            if (insecureRenegotiation) {
                emit(
                        sink,
                        "tls.vulnerability.secure-renego",
                        Severity.CRITICAL,
                        VULNERABILITY,
                        endpoint() + " supports insecure TLS renegotiation (CVE-2009-3555).",
                        location("renegotiation"));
            }
            if (compression) {
                emit(
                        sink,
                        "tls.vulnerability.crime-tls",
                        Severity.HIGH,
                        VULNERABILITY,
                        endpoint() + " supports TLS compression, open to CRIME (CVE-2012-4929).",
                        location("compression"));
            }
        }

        private void certificate(AnalysisContext context, AnalysisSink sink) {
            if (selfSigned) {
                emit(
                        sink,
                        "tls.certificate.untrusted",
                        Severity.HIGH,
                        TLS,
                        "The certificate of " + endpoint() + " is self-signed, so no client can trust it.",
                        location("certificate"));
            }
            LocalDate expiry = null;
            if (notAfter != null) {
                try {
                    String date = notAfter.replaceAll("\\s+", " ").replaceFirst(" GMT$", "");
                    expiry = LocalDate.parse(date, CERTIFICATE_DATE);
                } catch (DateTimeParseException e) {
                    expiry = null;
                }
            }
            LocalDate today = context.today();
            if (expiry == null ? expiredFlag : expiry.isBefore(today)) {
                emit(
                        sink,
                        "tls.certificate.expired",
                        Severity.HIGH,
                        TLS,
                        "The certificate of " + endpoint() + " has expired"
                                + (expiry == null ? "" : " (on " + expiry + ")") + ".",
                        location("certificate"));
            } else if (expiry != null && !expiry.isAfter(today.plusDays(TestsslAnalyzer.EXPIRY_WARNING_DAYS))) {
                emit(
                        sink,
                        "tls.certificate.expiring",
                        Severity.MEDIUM,
                        TLS,
                        "The certificate of " + endpoint() + " expires on " + expiry + ", within "
                                + TestsslAnalyzer.EXPIRY_WARNING_DAYS + " days of " + today + ".",
                        location("certificate"));
            }
        }

        private void emit(
                AnalysisSink sink,
                String code,
                Severity severity,
                List<Provision> provisions,
                String message,
                String location) {
            findings++;
            sink.finding(new Finding(code, severity, provisions, message, location));
        }

        String summary() {
            List<String> enabled = new ArrayList<>();
            protocols.forEach((name, on) -> {
                if (on) {
                    enabled.add(name);
                }
            });
            return endpoint() + ": " + (enabled.isEmpty() ? "no protocol" : String.join(", ", enabled))
                    + " enabled; " + plural(ciphers, "cipher suite", "cipher suites") + " accepted ("
                    + nullOrAnonymous.accepted + " NULL or anonymous, " + weak.accepted + " weak); "
                    + plural(findings, "finding", "findings");
        }
    }
}
