package io.conformity.evidence.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.conformity.evidence.Provision;
import io.conformity.evidence.Severity;

class TestsslAnalyzerTests {

    private static final String SELF_SIGNED = "/evidence/testssl-tls12-selfsigned.json";
    private static final String LEGACY = "/evidence/testssl-legacy-weak.json";
    // Both samples were scanned on 2026-11-28 against a certificate valid until 2026-12-28 20:41 UTC.
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final List<Provision> TLS = List.of(Provision.en("5.5-1"), Provision.cra("I.2e"));
    private static final List<Provision> VULNERABILITY =
            List.of(Provision.en("5.5-1"), Provision.cra("I.2e"), Provision.cra("I.2a"));

    private final TestsslAnalyzer analyzer = new TestsslAnalyzer();

    private static byte[] bytes(String resource) throws IOException {
        try (InputStream in = TestsslAnalyzerTests.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }

    private static InputStream text(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Head head(byte[] bytes, String name) {
        return new Head(Arrays.copyOf(bytes, Math.min(bytes.length, Head.SIZE)), name);
    }

    private record Result(String summary, List<Finding> findings) {}

    private Result analyse(InputStream in, LocalDate today) throws IOException {
        List<Finding> findings = new ArrayList<>();
        String summary = analyzer.analyse(in, AnalysisContext.of(today), findings::add);
        return new Result(summary, findings);
    }

    /** The same report as testssl's {@code --jsonfile} writes it: a flat array, each entry with ip and port. */
    private static byte[] flattened(byte[] pretty) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode flat = mapper.createArrayNode();
        for (JsonNode target : mapper.readTree(pretty).path("scanResult")) {
            target.properties().forEach(section -> {
                for (JsonNode entry : section.getValue()) {
                    ObjectNode line = flat.addObject();
                    line.put("id", entry.path("id").asText());
                    line.put(
                            "ip",
                            target.path("targetHost").asText() + "/"
                                    + target.path("ip").asText());
                    line.put("port", target.path("port").asText());
                    line.put("severity", entry.path("severity").asText());
                    if (entry.has("cve")) {
                        line.put("cve", entry.path("cve").asText());
                    }
                    line.put("finding", entry.path("finding").asText());
                }
            });
        }
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(flat);
    }

    @Test
    void recognisesBothFormsAndNothingElse() throws IOException {
        byte[] pretty = bytes(LEGACY);
        assertThat(analyzer.recognises(head(pretty, "testssl.json"))).isTrue();
        assertThat(analyzer.recognises(head(flattened(pretty), "testssl.json"))).isTrue();
        assertThat(analyzer.recognises(head(
                        "{\"bomFormat\":\"CycloneDX\",\"components\":[{\"id\":1}]}".getBytes(StandardCharsets.UTF_8),
                        "bom.json")))
                .isFalse();
        assertThat(analyzer.recognises(head("<nmaprun/>".getBytes(StandardCharsets.UTF_8), "scan.xml")))
                .isFalse();
    }

    @Test
    void tls12OnlyServerWithASelfSignedCertificate() throws IOException {
        Result result = analyse(new ByteArrayInputStream(bytes(SELF_SIGNED)), TODAY);

        assertThat(result.summary())
                .isEqualTo("5 TLS findings on 127.0.0.1:18443 (2 high, 1 medium, 1 low, 1 info); offers TLS 1.2");
        assertThat(result.findings())
                .extracting(Finding::code, Finding::severity, Finding::provisions, Finding::location)
                .containsExactly(
                        tuple("tls.protocol.tls13-missing", Severity.INFO, TLS, "TLS1_3 @ 127.0.0.1/18443"),
                        tuple("tls.certificate.untrusted", Severity.HIGH, TLS, "cert_trust @ 127.0.0.1/18443"),
                        tuple("tls.certificate.untrusted", Severity.HIGH, TLS, "cert_chain_of_trust @ 127.0.0.1/18443"),
                        tuple("tls.certificate.expiring", Severity.MEDIUM, TLS, "cert_notAfter @ 127.0.0.1/18443"),
                        tuple("tls.vulnerability.lucky13", Severity.LOW, VULNERABILITY, "LUCKY13 @ 127.0.0.1/18443"));
        assertThat(result.findings())
                .extracting(Finding::message)
                .containsExactly(
                        "TLS 1.3 is not offered on 127.0.0.1:18443.",
                        "The certificate of 127.0.0.1:18443 is not trusted for the name scanned: certificate does not"
                                + " match supplied URI.",
                        "The certificate of 127.0.0.1:18443 is not trusted: its chain of trust failed (self signed).",
                        "The certificate of 127.0.0.1:18443 expires on 2026-12-28, within 30 days of 2026-12-02.",
                        "testssl rates 127.0.0.1:18443 LOW for LUCKY13 (CVE-2013-0169): potentially vulnerable, uses"
                                + " TLS CBC ciphers.");
    }

    @Test
    void legacyServerOffersTls10And11AndAnonymousSuites() throws IOException {
        Result result = analyse(new ByteArrayInputStream(bytes(LEGACY)), TODAY);

        assertThat(result.summary())
                .isEqualTo("9 TLS findings on 127.0.0.1:18444 (1 critical, 4 high, 1 medium, 2 low, 1 info);"
                        + " offers TLS 1.0, TLS 1.1, TLS 1.2");
        assertThat(result.findings())
                .extracting(Finding::code, Finding::severity, Finding::location)
                .containsExactly(
                        tuple("tls.protocol.legacy", Severity.HIGH, "TLS1 @ 127.0.0.1/18444"),
                        tuple("tls.protocol.legacy", Severity.HIGH, "TLS1_1 @ 127.0.0.1/18444"),
                        tuple("tls.protocol.tls13-missing", Severity.INFO, "TLS1_3 @ 127.0.0.1/18444"),
                        tuple("tls.certificate.untrusted", Severity.HIGH, "cert_trust @ 127.0.0.1/18444"),
                        tuple("tls.certificate.untrusted", Severity.HIGH, "cert_chain_of_trust @ 127.0.0.1/18444"),
                        tuple("tls.certificate.expiring", Severity.MEDIUM, "cert_notAfter @ 127.0.0.1/18444"),
                        tuple("tls.vulnerability.beast", Severity.LOW, "BEAST @ 127.0.0.1/18444"),
                        tuple("tls.vulnerability.lucky13", Severity.LOW, "LUCKY13 @ 127.0.0.1/18444"),
                        tuple("tls.cipher.null-or-anonymous", Severity.CRITICAL, "cipherlist_aNULL @ 127.0.0.1/18444"));
        assertThat(result.findings().get(0).message())
                .isEqualTo("TLS 1.0 is offered on 127.0.0.1:18444; it is deprecated and no longer best-practice"
                        + " cryptography.");
        assertThat(result.findings().get(8).message())
                .isEqualTo("Anonymous cipher suites (aNULL: no server authentication) are offered on 127.0.0.1:18444:"
                        + " AECDH-AES256-SHA, ADH-AES256-GCM-SHA384, ADH-AES256-SHA256, ADH-AES256-SHA,"
                        + " ADH-CAMELLIA256-SHA256, ADH-CAMELLIA256-SHA, AECDH-AES128-SHA, ADH-AES128-GCM-SHA256,"
                        + " ADH-AES128-SHA256, ADH-AES128-SHA and 2 more.");
        assertThat(result.findings())
                .filteredOn(f -> f.severity().atLeast(Severity.HIGH))
                .allSatisfy(f -> assertThat(f.provisions()).contains(Provision.en("5.5-1")));
    }

    @Test
    void theFlatFormGivesTheSameFindings() throws IOException {
        for (String sample : List.of(SELF_SIGNED, LEGACY)) {
            byte[] pretty = bytes(sample);
            Result fromPretty = analyse(new ByteArrayInputStream(pretty), TODAY);

            Result fromFlat = analyse(new ByteArrayInputStream(flattened(pretty)), TODAY);

            assertThat(fromFlat.findings()).as(sample).isEqualTo(fromPretty.findings());
            assertThat(fromFlat.summary()).as(sample).isEqualTo(fromPretty.summary());
        }
    }

    @Test
    void certificateExpiryIsJudgedAgainstTheAnalysisDate() throws IOException {
        byte[] report = bytes(SELF_SIGNED);

        assertThat(analyse(new ByteArrayInputStream(report), LocalDate.of(2026, 11, 28))
                        .findings())
                .extracting(Finding::code)
                .contains("tls.certificate.expiring");
        assertThat(analyse(new ByteArrayInputStream(report), LocalDate.of(2026, 10, 1))
                        .findings())
                .extracting(Finding::code)
                .doesNotContain("tls.certificate.expiring", "tls.certificate.expired");
        assertThat(analyse(new ByteArrayInputStream(report), LocalDate.of(2027, 1, 10))
                        .findings())
                .filteredOn(f -> f.code().startsWith("tls.certificate.expir"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.code()).isEqualTo("tls.certificate.expired");
                    assertThat(f.severity()).isEqualTo(Severity.HIGH);
                    assertThat(f.message()).isEqualTo("The certificate of 127.0.0.1:18443 expired on 2026-12-28.");
                });
    }

    @Test
    void flatReportOfTwoTargetsWithSslv3NullAndTripleDesSuitesHeartbleedAndAFailedScan() throws IOException {
        String json = """
                [
                  {"id": "service", "ip": "cam.local/10.0.0.5", "port": "443", "severity": "INFO", "finding": "HTTP"},
                  {"id": "SSLv3", "ip": "cam.local/10.0.0.5", "port": "443", "severity": "HIGH",
                   "finding": "offered (NOT ok)"},
                  {"id": "TLS1_3", "ip": "cam.local/10.0.0.5", "port": "443", "severity": "OK",
                   "finding": "offered with final"},
                  {"id": "cipherlist_NULL", "ip": "cam.local/10.0.0.5", "port": "443", "severity": "CRITICAL",
                   "cwe": "CWE-327", "finding": "offered (NOT ok)"},
                  {"id": "cipherlist_3DES_IDEA", "ip": "cam.local/10.0.0.5", "port": "443", "severity": "MEDIUM",
                   "finding": "offered"},
                  {"id": "cert_chain_of_trust <hostCert#2>", "ip": "cam.local/10.0.0.5", "port": "443",
                   "severity": "CRITICAL", "finding": "failed (chain incomplete)."},
                  {"id": "heartbleed", "ip": "cam.local/10.0.0.5", "port": "443", "severity": "CRITICAL",
                   "cve": "CVE-2014-0160", "cwe": "CWE-119", "finding": "VULNERABLE"},
                  {"id": "BEAST_CBC_TLS1", "ip": "cam.local/10.0.0.5", "port": "443", "severity": "MEDIUM",
                   "finding": "AES128-SHA"},
                  {"id": "cipher_x3b", "ip": "cam.local/10.0.0.5", "port": "443", "severity": "INFO",
                   "finding": "x3b  NULL-SHA256  RSA  None  0  TLS_RSA_WITH_NULL_SHA256"},
                  {"id": "cipher_xa", "ip": "cam.local/10.0.0.5", "port": "443", "severity": "INFO",
                   "finding": "xa  DES-CBC3-SHA  RSA  3DES  168  TLS_RSA_WITH_3DES_EDE_CBC_SHA"},
                  {"id": "scanProblem", "ip": "hub.local/10.0.0.6", "port": "8443", "severity": "FATAL",
                   "finding": "Can't connect to 10.0.0.6:8443"},
                  {"id": "scanTime", "ip": "hub.local/10.0.0.6", "port": "8443", "severity": "WARN",
                   "finding": "Scan interrupted"}
                ]
                """;

        Result result = analyse(text(json), TODAY);

        assertThat(result.findings())
                .extracting(Finding::code, Finding::severity, Finding::location)
                .containsExactly(
                        tuple("tls.protocol.legacy", Severity.CRITICAL, "SSLv3 @ 10.0.0.5/443"),
                        tuple(
                                "tls.certificate.untrusted",
                                Severity.HIGH,
                                "cert_chain_of_trust <hostCert#2> @ 10.0.0.5/443"),
                        tuple("tls.vulnerability.heartbleed", Severity.CRITICAL, "heartbleed @ 10.0.0.5/443"),
                        tuple("tls.cipher.null-or-anonymous", Severity.CRITICAL, "cipherlist_NULL @ 10.0.0.5/443"),
                        tuple("tls.cipher.weak", Severity.HIGH, "cipherlist_3DES_IDEA @ 10.0.0.5/443"),
                        tuple("tls.scan.problem", Severity.MEDIUM, "scanProblem @ 10.0.0.6/8443"));
        assertThat(result.findings().get(3).message())
                .isEqualTo("NULL cipher suites (no encryption) are offered on 10.0.0.5:443: NULL-SHA256.");
        assertThat(result.findings().get(4).message())
                .isEqualTo("Triple-DES or IDEA cipher suites (64-bit blocks, SWEET32) are offered on 10.0.0.5:443:"
                        + " DES-CBC3-SHA.");
        assertThat(result.summary()).isEqualTo("6 TLS findings on 2 targets (3 critical, 2 high, 1 medium)");
    }

    @Test
    void otherJsonIsNotRecognised() {
        assertThatThrownBy(() -> analyse(text("{\"bomFormat\": \"CycloneDX\", \"components\": []}"), TODAY))
                .isInstanceOf(NotRecognisedException.class);
        assertThatThrownBy(() -> analyse(text("[{\"name\": \"x\"}]"), TODAY))
                .isInstanceOf(NotRecognisedException.class);
        assertThatThrownBy(() -> analyse(text("\"just a string\""), TODAY)).isInstanceOf(NotRecognisedException.class);
    }

    @Test
    void rejectsATruncatedReportWithItsLine() throws IOException {
        byte[] report = bytes(LEGACY);
        int cut = new String(report, StandardCharsets.UTF_8).indexOf("\"cipherlist_aNULL\"") + 5;

        assertThatThrownBy(() -> analyse(new ByteArrayInputStream(report, 0, cut), TODAY))
                .isInstanceOfSatisfying(
                        RejectedContentException.class,
                        e -> assertThat(e.location()).matches("line \\d+, column \\d+"));
    }

    @Test
    void rejectsDeepNestingAndTrailingContent() {
        String deep =
                "{\"Invocation\": \"testssl\", \"scanResult\": [{\"x\": " + "[".repeat(100) + "]".repeat(100) + "}]}";
        assertThatThrownBy(() -> analyse(text(deep), TODAY)).isInstanceOf(RejectedContentException.class);
        assertThatThrownBy(() -> analyse(text("{\"scanResult\": []} {\"scanResult\": []}"), TODAY))
                .isInstanceOf(RejectedContentException.class);
    }
}
