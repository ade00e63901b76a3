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
import java.util.List;

import org.junit.jupiter.api.Test;

import io.conformity.evidence.Provision;
import io.conformity.evidence.Severity;

class SecurityTxtAnalyzerTests {

    private static final String VALID = "/evidence/security.txt";
    private static final String STALE = "/evidence/security-expired-no-contact.txt";
    // The valid sample expires on 2027-10-31T23:59:00Z, the stale one on 2024-01-01T00:00:00Z.
    private static final LocalDate WITHIN_A_YEAR = LocalDate.of(2026, 12, 2);
    private static final LocalDate OVER_A_YEAR_BEFORE = LocalDate.of(2026, 10, 30);
    private static final LocalDate AFTER_EXPIRY = LocalDate.of(2027, 11, 1);
    private static final List<Provision> DISCLOSURE =
            List.of(Provision.en("5.2-1"), Provision.psti("Sch1-P2"), Provision.cra("II.6"));
    private static final List<Provision> POLICY =
            List.of(Provision.en("5.2-1"), Provision.psti("Sch1-P2"), Provision.cra("II.5"));

    private final SecurityTxtAnalyzer analyzer = new SecurityTxtAnalyzer();

    private record Result(String summary, List<Finding> findings) {}

    private Result analyse(InputStream in, LocalDate today) throws IOException {
        List<Finding> findings = new ArrayList<>();
        String summary = analyzer.analyse(in, AnalysisContext.of(today), findings::add);
        return new Result(summary, findings);
    }

    private static byte[] bytes(String resource) throws IOException {
        try (InputStream in = SecurityTxtAnalyzerTests.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }

    private static InputStream text(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Head head(String text, String name) {
        return new Head(text.getBytes(StandardCharsets.UTF_8), name);
    }

    @Test
    void recognisesByNameOrBySecurityTxtFields() throws IOException {
        assertThat(analyzer.recognises(new Head(bytes(VALID), "evidence.txt"))).isTrue();
        assertThat(analyzer.recognises(new Head(bytes(STALE), "security-expired-no-contact.txt")))
                .isTrue();
        assertThat(analyzer.recognises(head("not much here\n", "security.txt"))).isTrue();
        assertThat(analyzer.recognises(
                        head("HTTP/1.1 200 OK\nExpires: Thu, 01 Dec 2026 16:00:00 GMT\nServer: x\n", "resp.txt")))
                .isFalse();
        assertThat(analyzer.recognises(head("{\"Contact\": \"mailto:a@b.test\"}", "security.txt")))
                .isFalse();
    }

    @Test
    void theValidSampleIsValidWithinAYearOfItsExpiry() throws IOException {
        Result result = analyse(new ByteArrayInputStream(bytes(VALID)), WITHIN_A_YEAR);

        assertThat(result.summary()).isEqualTo("security.txt: 2 Contacts, expires 2027-10-31, Policy; valid");
        assertThat(result.findings())
                .extracting(Finding::code, Finding::severity, Finding::provisions, Finding::location, Finding::message)
                .containsExactly(tuple(
                        "securitytxt.valid",
                        Severity.INFO,
                        DISCLOSURE,
                        "whole file",
                        "The security.txt is valid: 2 Contacts (first mailto:security@example-smarthome.test),"
                                + " expires on 2027-10-31, Policy"
                                + " https://example-smarthome.test/security/disclosure-policy."));
    }

    @Test
    void theValidSampleReadMoreThanAYearBeforeItsExpiryGetsALowRecommendation() throws IOException {
        Result result = analyse(new ByteArrayInputStream(bytes(VALID)), OVER_A_YEAR_BEFORE);

        assertThat(result.findings())
                .extracting(Finding::code, Finding::severity, Finding::location)
                .containsExactly(
                        tuple("securitytxt.expires.too-far", Severity.LOW, "line 4"),
                        tuple("securitytxt.valid", Severity.INFO, "whole file"));
        assertThat(result.findings().get(0).message())
                .isEqualTo("The security.txt expires on 2027-10-31, more than a year after 2026-10-30; RFC 9116"
                        + " recommends less than a year so that the file is reviewed.");
    }

    @Test
    void theValidSampleReadAfterItsExpiryIsStale() throws IOException {
        Result result = analyse(new ByteArrayInputStream(bytes(VALID)), AFTER_EXPIRY);

        assertThat(result.summary()).endsWith("; not valid");
        assertThat(result.findings())
                .extracting(Finding::code, Finding::severity, Finding::location)
                .containsExactly(tuple("securitytxt.expires.past", Severity.HIGH, "line 4"));
    }

    @Test
    void theStaleSampleHasNoContactAndHasExpired() throws IOException {
        Result result = analyse(new ByteArrayInputStream(bytes(STALE)), WITHIN_A_YEAR);

        assertThat(result.summary()).isEqualTo("security.txt: no Contact, expires 2024-01-01, Policy; not valid");
        assertThat(result.findings())
                .extracting(Finding::code, Finding::severity, Finding::provisions, Finding::location)
                .containsExactly(
                        tuple("securitytxt.expires.past", Severity.HIGH, DISCLOSURE, "line 2"),
                        tuple("securitytxt.contact.missing", Severity.HIGH, DISCLOSURE, "whole file"));
        assertThat(result.findings().get(0).message())
                .isEqualTo("The security.txt expired on 2024-01-01 (before 2026-12-02): readers must treat it as"
                        + " stale.");
    }

    @Test
    void aCleartextSignedFileIsReadInsideItsArmour() throws IOException {
        String valid = new String(bytes(VALID), StandardCharsets.UTF_8);
        String signed = "-----BEGIN PGP SIGNED MESSAGE-----\r\nHash: SHA512\r\n\r\n"
                + valid.replace("\n", "\r\n")
                + "- -----dash-escaped comment line-----\r\n"
                + "-----BEGIN PGP SIGNATURE-----\r\n\r\niQIzBAEBCgAdFiEE\r\n=abcd\r\n-----END PGP SIGNATURE-----\r\n"
                + "Expires: 1999-01-01T00:00:00Z\r\n";

        Result result = analyse(text(signed), WITHIN_A_YEAR);

        assertThat(result.summary()).isEqualTo("security.txt (signed): 2 Contacts, expires 2027-10-31, Policy; valid");
        assertThat(result.findings())
                .singleElement()
                .satisfies(f -> assertThat(f.message())
                        .startsWith("The security.txt is valid (signed; signature not verified): 2 Contacts"));
    }

    @Test
    void reportsEachProblemOnItsLine() throws IOException {
        String file = """
                # Broken
                Contact: http://example-smarthome.test/report
                contact: mailto:psirt@example-smarthome.test
                Expires: 31/10/2027
                EXPIRES: 2027-10-31t23:59:00z
                Preferred-Languages: en
                """;

        Result result = analyse(text(file), WITHIN_A_YEAR);

        assertThat(result.findings())
                .extracting(Finding::code, Finding::severity, Finding::provisions, Finding::location)
                .containsExactly(
                        tuple("securitytxt.contact.invalid", Severity.MEDIUM, DISCLOSURE, "line 2"),
                        tuple("securitytxt.expires.invalid", Severity.MEDIUM, DISCLOSURE, "line 4"),
                        tuple("securitytxt.expires.multiple", Severity.MEDIUM, DISCLOSURE, "line 5"),
                        tuple("securitytxt.policy.missing", Severity.LOW, POLICY, "whole file"));
        assertThat(result.findings().get(1).message())
                .isEqualTo("The Expires value '31/10/2027' on line 4 is not an RFC 3339 date-time such as"
                        + " 2027-10-31T23:59:00Z.");
        assertThat(result.summary()).isEqualTo("security.txt: 2 Contacts, invalid Expires, no Policy; not valid");
    }

    @Test
    void textWithoutAnyFieldIsNotASecurityTxt() {
        assertThatThrownBy(() -> analyse(text("# only a comment\n\njust prose\n"), WITHIN_A_YEAR))
                .isInstanceOf(NotRecognisedException.class);
    }

    @Test
    void aMissingExpiresIsHigh() throws IOException {
        Result result = analyse(
                text("Contact: mailto:security@example.test\nPolicy: https://example.test/policy"), WITHIN_A_YEAR);

        assertThat(result.findings())
                .extracting(Finding::code, Finding::severity, Finding::location)
                .containsExactly(tuple("securitytxt.expires.missing", Severity.HIGH, "whole file"));
    }

    @Test
    void rejectsAnOverlongLineAndAnOversizedFile() {
        String longLine = "Contact: mailto:a@b.test\nPolicy: https://b.test/" + "x".repeat(5000) + "\n";
        assertThatThrownBy(() -> analyse(text(longLine), WITHIN_A_YEAR))
                .isInstanceOfSatisfying(
                        RejectedContentException.class,
                        e -> assertThat(e.location()).isEqualTo("line 2"));

        byte[] big = ("Contact: mailto:a@b.test\n" + "# padding padding padding padding padding\n".repeat(30_000))
                .getBytes(StandardCharsets.UTF_8);
        assertThat(big.length).isGreaterThan(SecurityTxtAnalyzer.MAX_FILE_BYTES);
        assertThatThrownBy(() -> analyse(new ByteArrayInputStream(big), WITHIN_A_YEAR))
                .isInstanceOf(RejectedContentException.class)
                .hasMessageContaining("larger than 1048576 bytes");
    }
}
