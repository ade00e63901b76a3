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

import io.conformity.evidence.Provision;
import io.conformity.evidence.Severity;

class SslscanAnalyzerTests {

    private static final String SAMPLE = "/evidence/sslscan-legacy-weak.xml";
    // The sample's certificate is valid from 2026-11-28 to 2026-12-28 20:41:49 GMT.
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final List<Provision> TLS = List.of(Provision.en("5.5-1"), Provision.cra("I.2e"));
    private static final List<Provision> VULNERABILITY =
            List.of(Provision.en("5.5-1"), Provision.cra("I.2e"), Provision.cra("I.2a"));

    private final SslscanAnalyzer analyzer = new SslscanAnalyzer();

    private record Result(String summary, List<Finding> findings) {}

    private Result analyse(InputStream in, LocalDate today) throws IOException {
        List<Finding> findings = new ArrayList<>();
        String summary = analyzer.analyse(in, AnalysisContext.of(today), findings::add);
        return new Result(summary, findings);
    }

    private static byte[] sample() throws IOException {
        try (InputStream in = SslscanAnalyzerTests.class.getResourceAsStream(SAMPLE)) {
            return in.readAllBytes();
        }
    }

    private static InputStream text(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static Head head(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new Head(Arrays.copyOf(bytes, Math.min(bytes.length, Head.SIZE)), "scan.xml");
    }

    @Test
    void recognisesSslscanOnly() throws IOException {
        assertThat(analyzer.recognises(new Head(Arrays.copyOf(sample(), Head.SIZE), "sslscan.xml")))
                .isTrue();
        assertThat(analyzer.recognises(head("<?xml version=\"1.0\"?><!DOCTYPE nmaprun><nmaprun/>")))
                .isFalse();
        assertThat(analyzer.recognises(head("<document title=\"Quarterly report\"/>")))
                .isFalse();
    }

    @Test
    void legacyServerAggregatesEightyEightSuitesIntoSixFindings() throws IOException {
        byte[] bytes = sample();
        assertThat(new String(bytes, StandardCharsets.UTF_8).split("<cipher ", -1))
                .hasSize(89);

        Result result = analyse(new ByteArrayInputStream(bytes), TODAY);

        assertThat(result.summary())
                .isEqualTo("127.0.0.1:18444: TLSv1.0, TLSv1.1, TLSv1.2 enabled; 88 cipher suites accepted"
                        + " (24 NULL or anonymous, 0 weak); 6 findings");
        assertThat(result.findings())
                .extracting(Finding::code, Finding::severity, Finding::provisions, Finding::location)
                .containsExactly(
                        tuple("tls.protocol.legacy", Severity.HIGH, TLS, "TLSv1.0 @ 127.0.0.1/18444"),
                        tuple("tls.protocol.legacy", Severity.HIGH, TLS, "TLSv1.1 @ 127.0.0.1/18444"),
                        tuple("tls.protocol.tls13-missing", Severity.INFO, TLS, "TLSv1.3 @ 127.0.0.1/18444"),
                        tuple("tls.cipher.null-or-anonymous", Severity.CRITICAL, TLS, "ciphers @ 127.0.0.1/18444"),
                        tuple("tls.certificate.untrusted", Severity.HIGH, TLS, "certificate @ 127.0.0.1/18444"),
                        tuple("tls.certificate.expiring", Severity.MEDIUM, TLS, "certificate @ 127.0.0.1/18444"));
        assertThat(result.findings())
                .extracting(Finding::message)
                .containsExactly(
                        "TLSv1.0 is enabled on 127.0.0.1:18444 (16 cipher suites accepted); it is deprecated and no"
                                + " longer best-practice cryptography.",
                        "TLSv1.1 is enabled on 127.0.0.1:18444 (16 cipher suites accepted); it is deprecated and no"
                                + " longer best-practice cryptography.",
                        "TLS 1.3 is not enabled on 127.0.0.1:18444.",
                        "24 NULL, anonymous or export cipher suites are accepted on 127.0.0.1:18444 (TLSv1.2,"
                                + " TLSv1.1, TLSv1.0), 12 distinct: ADH-AES256-GCM-SHA384, ADH-AES128-GCM-SHA256,"
                                + " ADH-AES256-SHA256, ADH-CAMELLIA256-SHA256, ADH-AES128-SHA256,"
                                + " ADH-CAMELLIA128-SHA256, AECDH-AES256-SHA, ADH-AES256-SHA, ADH-CAMELLIA256-SHA,"
                                + " AECDH-AES128-SHA and 2 more.",
                        "The certificate of 127.0.0.1:18444 is self-signed, so no client can trust it.",
                        "The certificate of 127.0.0.1:18444 expires on 2026-12-28, within 30 days of 2026-12-02.");
    }

    @Test
    void anExpiredCertificateIsJudgedAgainstTheAnalysisDate() throws IOException {
        Result later = analyse(new ByteArrayInputStream(sample()), LocalDate.of(2027, 3, 1));
        Result earlier = analyse(new ByteArrayInputStream(sample()), LocalDate.of(2026, 11, 1));

        assertThat(later.findings())
                .filteredOn(f -> f.code().startsWith("tls.certificate.exp"))
                .extracting(Finding::code, Finding::severity, Finding::message)
                .containsExactly(tuple(
                        "tls.certificate.expired",
                        Severity.HIGH,
                        "The certificate of 127.0.0.1:18444 has expired (on 2026-12-28)."));
        assertThat(earlier.findings()).noneMatch(f -> f.code().startsWith("tls.certificate.exp"));
    }

    @Test
    void weakSuitesSslv3HeartbleedRenegotiationAndCompressionOfAnOlderSslscan() throws IOException {
        // sslscan 1.x wrote no <protocol> elements: the suites show which protocols are on.
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <document title="SSLScan Results" version="1.11.13-static" web="http://github.com/rbsec/sslscan">
                 <ssltest host="cam.local" sniname="cam.local" port="443">
                  <renegotiation supported="1" secure="0" />
                  <compression supported="1" />
                  <heartbleed sslversion="TLSv1.0" vulnerable="1" />
                  <heartbleed sslversion="TLSv1.2" vulnerable="0" />
                  <cipher status="preferred" sslversion="SSLv3" bits="128" cipher="RC4-SHA" id="0x0005" strength="medium" />
                  <cipher status="accepted" sslversion="SSLv3" bits="112" cipher="DES-CBC3-SHA" id="0x000A" strength="medium" />
                  <cipher status="accepted" sslversion="TLSv1.0" bits="56" cipher="DES-CBC-SHA" id="0x0009" strength="medium" />
                  <cipher status="accepted" sslversion="TLSv1.0" bits="40" cipher="EXP-RC4-MD5" id="0x0003" strength="weak" />
                  <cipher status="accepted" sslversion="TLSv1.2" bits="0" cipher="NULL-SHA256" id="0x003B" strength="null" />
                  <cipher status="accepted" sslversion="TLSv1.2" bits="128" cipher="AES128-GCM-SHA256" id="0x009C" strength="strong" />
                  <certificate type="short">
                   <self-signed>false</self-signed>
                   <not-valid-after>Jan  5 10:00:00 2026 GMT</not-valid-after>
                   <expired>true</expired>
                  </certificate>
                 </ssltest>
                </document>
                """;

        Result result = analyse(text(xml), TODAY);

        assertThat(result.findings())
                .extracting(Finding::code, Finding::severity, Finding::location)
                .containsExactly(
                        tuple("tls.protocol.legacy", Severity.CRITICAL, "SSLv3 @ cam.local/443"),
                        tuple("tls.protocol.legacy", Severity.HIGH, "TLSv1.0 @ cam.local/443"),
                        tuple("tls.cipher.null-or-anonymous", Severity.CRITICAL, "ciphers @ cam.local/443"),
                        tuple("tls.cipher.weak", Severity.HIGH, "ciphers @ cam.local/443"),
                        tuple("tls.certificate.expired", Severity.HIGH, "certificate @ cam.local/443"),
                        tuple("tls.vulnerability.heartbleed", Severity.CRITICAL, "heartbleed @ cam.local/443"),
                        tuple("tls.vulnerability.secure-renego", Severity.CRITICAL, "renegotiation @ cam.local/443"),
                        tuple("tls.vulnerability.crime-tls", Severity.HIGH, "compression @ cam.local/443"));
        assertThat(result.findings().get(3).message())
                .isEqualTo("3 weak cipher suites are accepted on cam.local:443 (SSLv3, TLSv1.0), 3 distinct:"
                        + " RC4-SHA, DES-CBC3-SHA, DES-CBC-SHA.");
        assertThat(result.findings().get(2).message()).contains("EXP-RC4-MD5, NULL-SHA256.");
        assertThat(result.findings().get(5).provisions()).isEqualTo(VULNERABILITY);
        assertThat(result.findings().get(4).message())
                .isEqualTo("The certificate of cam.local:443 has expired (on 2026-01-05).");
    }

    @Test
    void hostileOrForeignXmlIsRefused() throws IOException {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<document title=\"SSLScan Results\"><ssltest host=\"&x;\" port=\"443\"/></document>";
        assertThatThrownBy(() -> analyse(text(xxe), TODAY))
                .isInstanceOfSatisfying(
                        RejectedContentException.class,
                        e -> assertThat(e.location()).startsWith("line 2,"));

        assertThatThrownBy(() -> analyse(text("<document title=\"Minutes\"><item/></document>"), TODAY))
                .isInstanceOf(NotRecognisedException.class);

        byte[] bytes = sample();
        int cut = new String(bytes, StandardCharsets.UTF_8).indexOf("<certificates>") + 4;
        assertThatThrownBy(() -> analyse(new ByteArrayInputStream(bytes, 0, cut), TODAY))
                .isInstanceOf(RejectedContentException.class);
    }
}
