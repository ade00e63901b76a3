package io.conformity.evidence.internal.analysis;

import static io.conformity.evidence.internal.analysis.FindingsRecorder.analyse;
import static io.conformity.evidence.internal.analysis.FindingsRecorder.head;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.conformity.evidence.Severity;

/**
 * Fixture: {@code osv-scanner-new-vuln-and-packages.json} is OSV-Scanner's JSON serialisation of a real scan
 * (go.mod and Cargo.lock of the scorecard OSV end-to-end project), as kept in OSV-Scanner's repository
 * (github.com/google/osv-scanner, commit 82836fa0f55568bf98c76053d4c79b085849303c): the snapshot
 * {@code [TestDiffVulnerabilityResults/new_vuln_and_packages - 1]} of
 * internal/ci/__snapshots__/vulnerability_result_diff_test.snap, cut out of the snapshot file and otherwise
 * unedited. Two packages, one alias group each: one with {@code max_severity} 8.6, one with none (its severity comes
 * from the records' {@code database_specific.severity}).
 */
class OsvScannerAnalyzerTests {

    private static final String FIXTURE = "osv-scanner-new-vuln-and-packages.json";

    private final OsvScannerAnalyzer analyzer = new OsvScannerAnalyzer();

    @Test
    void oneFindingPerAliasGroup() throws IOException {
        FindingsRecorder.Analysis analysis = analyse(analyzer, FIXTURE);

        assertThat(analysis.summary())
                .isEqualTo("OSV-Scanner report: 2 known vulnerabilities in 2 packages, 0 marked unimportant");
        assertThat(analysis.findings())
                .containsExactly(
                        new Finding(
                                "vulnerability.known",
                                Severity.HIGH,
                                KnownVulnerability.PROVISIONS,
                                "GHSA-c3h9-896r-86jm (CVE-2021-3121) in github.com/gogo/protobuf 1.3.1 (Go): Improper"
                                        + " Input Validation in GoGo Protobuf; fixed in 1.3.2",
                                "/results/0/packages/0/groups/0"),
                        new Finding(
                                "vulnerability.known",
                                Severity.HIGH,
                                KnownVulnerability.PROVISIONS,
                                "GHSA-m5pq-gvj9-9vr8 (RUSTSEC-2022-0013, CVE-2022-24713) in regex 1.5.1 (crates.io):"
                                        + " Rust's regex crate vulnerable to regular expression denial of service;"
                                        + " fixed in 1.5.5",
                                "/results/1/packages/0/groups/0"));
    }

    @Test
    void maxSeverityIsReadOnTheCvssScale() throws IOException {
        FindingsRecorder.Analysis analysis =
                analyse(analyzer, edited("\"max_severity\": \"8.6\"", "\"max_severity\": \"9.1\""));

        assertThat(analysis.findings()).extracting(Finding::severity).containsExactly(Severity.CRITICAL, Severity.HIGH);
    }

    @Test
    void unimportantGroupsAreCountedNotReported() throws IOException {
        FindingsRecorder.Analysis analysis = analyse(
                analyzer,
                edited(
                        "\"max_severity\": \"8.6\"",
                        "\"max_severity\": \"8.6\", \"experimental_analysis\": {\"GHSA-c3h9-896r-86jm\":"
                                + " {\"called\": true, \"unimportant\": true}}"));

        assertThat(analysis.summary())
                .isEqualTo("OSV-Scanner report: 1 known vulnerability in 1 package, 1 marked unimportant");
        assertThat(analysis.findings()).extracting(Finding::location).containsExactly("/results/1/packages/0/groups/0");
    }

    @Test
    void uncalledVulnerableCodeIsStillReportedAndSaidSo() throws IOException {
        FindingsRecorder.Analysis analysis = analyse(
                analyzer,
                edited(
                        "\"max_severity\": \"8.6\"",
                        "\"max_severity\": \"8.6\", \"experimental_analysis\": {\"GHSA-c3h9-896r-86jm\":"
                                + " {\"called\": false, \"unimportant\": false}}"));

        assertThat(analysis.findings().get(0).message())
                .isEqualTo("GHSA-c3h9-896r-86jm (CVE-2021-3121) in github.com/gogo/protobuf 1.3.1 (Go): Improper"
                        + " Input Validation in GoGo Protobuf; fixed in 1.3.2; OSV-Scanner's call analysis found the"
                        + " vulnerable code is not called");
    }

    @Test
    void recognisesOsvScannerReportsOnly() {
        assertThat(analyzer.recognises(head(FIXTURE))).isTrue();
        assertThat(analyzer.recognises(head("eslint-smartcam-update.sarif"))).isFalse();
        assertThat(analyzer.recognises(head("grype-chainguard-ruby.json"))).isFalse();
    }

    private static byte[] edited(String from, String to) throws IOException {
        String report;
        try (InputStream in = FindingsRecorder.open(FIXTURE)) {
            report = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(report).contains(from);
        return report.replace(from, to).getBytes(StandardCharsets.UTF_8);
    }
}
