package io.conformity.evidence.internal.analysis;

import static io.conformity.evidence.internal.analysis.FindingsRecorder.analyse;
import static io.conformity.evidence.internal.analysis.FindingsRecorder.head;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.conformity.evidence.Severity;

/**
 * Fixture: {@code grype-chainguard-ruby.json} is a Grype 0.61.1 JSON report of a Wolfi Ruby image kept in Grype's
 * own repository as grype/presenter/explain/testdata/chainguard-ruby-test.json (github.com/anchore/grype, commit
 * 4562c55cebba5fe50a0c5afc7cec50a3b2392a87), unedited: three matches, all rated High.
 */
class GrypeAnalyzerTests {

    private static final String FIXTURE = "grype-chainguard-ruby.json";

    private final GrypeAnalyzer analyzer = new GrypeAnalyzer();

    @Test
    void everyMatchIsAKnownVulnerabilityWithItsFix() throws IOException {
        FindingsRecorder.Analysis analysis = analyse(analyzer, FIXTURE);

        String nvd = "A ReDoS issue was discovered in the URI component through 0.12.0 in Ruby through 3.2.1. The URI"
                + " parser mishandles invalid URLs that have specific characters. It causes an increase in execution"
                + " time f…";
        assertThat(analysis.summary()).isEqualTo("Grype report: 3 known vulnerabilities, 0 ignored or not affected");
        assertThat(analysis.findings())
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("purl")
                .containsExactly(
                        new Finding(
                                "vulnerability.known",
                                Severity.HIGH,
                                KnownVulnerability.PROVISIONS,
                                "CVE-2023-28755 in ruby-3.0 3.0.4-r1"
                                        + " (pkg:apk/wolfi/ruby-3.0@3.0.4-r1?arch=aarch64&distro=wolfi-20221118): "
                                        + nvd + "; fixed in 3.0.6-r0",
                                "/matches/0"),
                        new Finding(
                                "vulnerability.known",
                                Severity.HIGH,
                                KnownVulnerability.PROVISIONS,
                                "CVE-2023-28755 in uri 0.10.1 (pkg:gem/uri@0.10.1): " + nvd
                                        + "; no fixed version listed",
                                "/matches/1"),
                        new Finding(
                                "vulnerability.known",
                                Severity.HIGH,
                                KnownVulnerability.PROVISIONS,
                                "GHSA-hv5j-3h9f-99c2 (CVE-2023-28755) in uri 0.10.1 (pkg:gem/uri@0.10.1): Ruby URI"
                                        + " component ReDoS issue; fixed in 0.10.2",
                                "/matches/2"));
        // The component's package URL travels with the finding, to be matched against the release's SBOM.
        assertThat(analysis.findings().get(1).purl()).isEqualTo("pkg:gem/uri@0.10.1");
    }

    @Test
    void ignoredMatchesAreCountedNotReported() throws IOException {
        // The same report with its matches moved to ignoredMatches, as an ignore rule or a VEX statement does.
        String report;
        try (InputStream in = FindingsRecorder.open(FIXTURE)) {
            report = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String ignored = report.replaceFirst("\"matches\": \\[", "\"matches\": [], \"ignoredMatches\": [");

        FindingsRecorder.Analysis analysis = analyse(analyzer, ignored.getBytes(StandardCharsets.UTF_8));

        assertThat(analysis.summary()).isEqualTo("Grype report: 0 known vulnerabilities, 3 ignored or not affected");
        assertThat(analysis.findings()).isEmpty();
    }

    @Test
    void negligibleIsInfoAndUnknownIsLow() throws IOException {
        byte[] report = """
                {"matches": [
                  {"vulnerability": {"id": "CVE-2005-2541", "dataSource": "", "severity": "Negligible",
                                     "fix": {"versions": [], "state": "wont-fix"}},
                   "artifact": {"name": "tar", "version": "1.34", "purl": "pkg:deb/debian/tar@1.34"}},
                  {"vulnerability": {"id": "CVE-2024-9999", "dataSource": "", "severity": "Unknown",
                                     "fix": {"versions": [], "state": "not-fixed"}},
                   "artifact": {"name": "tar", "version": "1.34"}}],
                 "descriptor": {"name": "grype", "version": "0.80.0"}}
                """.getBytes(StandardCharsets.UTF_8);

        FindingsRecorder.Analysis analysis = analyse(analyzer, report);

        assertThat(analysis.findings())
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("purl")
                .containsExactly(
                        new Finding(
                                "vulnerability.known",
                                Severity.INFO,
                                KnownVulnerability.PROVISIONS,
                                "CVE-2005-2541 in tar 1.34 (pkg:deb/debian/tar@1.34); the maintainers will not fix it",
                                "/matches/0"),
                        new Finding(
                                "vulnerability.known",
                                Severity.LOW,
                                KnownVulnerability.PROVISIONS,
                                "CVE-2024-9999 in tar 1.34; no fix is available yet",
                                "/matches/1"));
    }

    @Test
    void recognisesGrypeReportsOnly() {
        assertThat(analyzer.recognises(head(FIXTURE))).isTrue();
        assertThat(analyzer.recognises(head("trivy-npm-with-suppressed.json"))).isFalse();
        assertThat(analyzer.recognises(head("osv-scanner-new-vuln-and-packages.json")))
                .isFalse();
    }

    @Test
    void anotherToolsMatchesListIsNotRecognised() {
        byte[] other = "{\"matches\": [], \"descriptor\": {\"name\": \"not-grype\"}}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> analyse(analyzer, other)).isInstanceOf(NotRecognisedException.class);
    }
}
