package io.conformity.evidence.internal.analysis;

import static io.conformity.evidence.internal.analysis.FindingsRecorder.analyse;
import static io.conformity.evidence.internal.analysis.FindingsRecorder.head;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.conformity.evidence.Provision;
import io.conformity.evidence.Severity;

/**
 * Fixtures: {@code trivy-secrets-smartcam.json} is Trivy's secret scan of the camera's root file system (shared
 * samples). {@code trivy-npm-with-suppressed.json} is Trivy's own integration-test golden file
 * integration/testdata/fixtures/convert/npm-with-suppressed.json.golden (github.com/aquasecurity/trivy, commit
 * dc3c56eed58ab21c7e08d26757c517bc946a86c5), unedited: one vulnerability and one finding a VEX statement marked
 * not affected.
 */
class TrivyAnalyzerTests {

    private final TrivyAnalyzer analyzer = new TrivyAnalyzer();

    @Test
    void privateKeyInTheRootFileSystemIsACriticalExposedSecret() throws IOException {
        FindingsRecorder.Analysis analysis = analyse(analyzer, "trivy-secrets-smartcam.json");

        assertThat(analysis.summary())
                .isEqualTo("Trivy report for rootfs: 0 known vulnerabilities, 0 not affected or ignored; 1 secret");
        assertThat(analysis.findings())
                .containsExactly(new Finding(
                        "secret.exposed",
                        Severity.CRITICAL,
                        List.of(Provision.en("5.4-3"), Provision.en("5.4-1"), Provision.cra("I.2e")),
                        "A secret matching Trivy rule private-key (Asymmetric Private Key) is stored in"
                                + " etc/smartcam/cloud-client.key at line 1: a key or credential shipped in the"
                                + " software can be extracted from any unit and must be removed and replaced.",
                        "/Results/0/Secrets/0"));
        assertThat(analysis.components()).isEmpty();
    }

    @Test
    void theSecretItselfIsNeverCopied() throws IOException {
        FindingsRecorder.Analysis analysis = analyse(analyzer, "trivy-secrets-smartcam.json");

        assertThat(analysis.findings())
                .allSatisfy(finding -> assertThat(finding.message() + finding.location() + analysis.summary())
                        .doesNotContain("BEGIN", "PRIVATE KEY", "***", "Match", "Code"));
    }

    @Test
    void secretsAreReportedByRuleFileAndLineEvenWhenTheMatchIsAnUnmaskedKey() throws IOException {
        String key = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7";
        byte[] report = ("{\"SchemaVersion\": 2, \"ArtifactName\": \"fw.img\", \"Results\": [{\"Target\":"
                        + " \"opt/app/.env\", \"Class\": \"secret\", \"Secrets\": [{\"RuleID\": \"aws-access-key-id\","
                        + " \"Title\": \"AWS Access Key ID\", \"Severity\": \"CRITICAL\", \"StartLine\": 3,"
                        + " \"EndLine\": 4, \"Code\": {\"Lines\": [{\"Number\": 3, \"Content\": \"" + key + "\"}]},"
                        + " \"Match\": \"" + key + "\"}]}]}")
                .getBytes(StandardCharsets.UTF_8);

        FindingsRecorder.Analysis analysis = analyse(analyzer, report);

        assertThat(analysis.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.message())
                    .isEqualTo("A secret matching Trivy rule aws-access-key-id (AWS Access Key ID) is stored in"
                            + " opt/app/.env at lines 3–4: a key or credential shipped in the software can be"
                            + " extracted from any unit and must be removed and replaced.");
            assertThat(finding.message() + finding.location()).doesNotContain(key);
        });
    }

    @Test
    void vulnerabilityIsReportedAndTheVexSuppressedOneCounted() throws IOException {
        FindingsRecorder.Analysis analysis = analyse(analyzer, "trivy-npm-with-suppressed.json");

        assertThat(analysis.summary())
                .isEqualTo("Trivy report for package-lock.json: 1 known vulnerability, 1 not affected or ignored;"
                        + " 0 secrets");
        assertThat(analysis.findings())
                .containsExactly(new Finding(
                        "vulnerability.known",
                        Severity.HIGH,
                        List.of(Provision.en("5.2-3"), Provision.en("5.3-8"), Provision.cra("I.2a")),
                        "CVE-2017-20165 in debug 3.0.1 (pkg:npm/debug@3.0.1): A vulnerability classified as"
                                + " problematic has been found in debug-js d ...; fixed in 3.1.0, 2.6.9",
                        "/Results/0/Vulnerabilities/0",
                        "pkg:npm/debug@3.0.1"));
    }

    @Test
    void statusNotAffectedIsCountedAndUnknownSeverityIsLow() throws IOException {
        byte[] report = """
                {"SchemaVersion": 2, "ArtifactName": "fw.img", "Results": [{"Target": "lib/apk/db/installed",
                 "Vulnerabilities": [
                   {"VulnerabilityID": "CVE-2024-0001", "PkgName": "busybox", "InstalledVersion": "1.36.1-r15",
                    "Status": "not_affected", "Severity": "HIGH"},
                   {"VulnerabilityID": "CVE-2024-0002", "PkgName": "busybox", "InstalledVersion": "1.36.1-r15",
                    "Status": "will_not_fix", "Severity": "UNKNOWN", "Title": "Out-of-bounds read in awk."}]}]}
                """.getBytes(StandardCharsets.UTF_8);

        FindingsRecorder.Analysis analysis = analyse(analyzer, report);

        assertThat(analysis.summary())
                .isEqualTo("Trivy report for fw.img: 1 known vulnerability, 1 not affected or ignored; 0 secrets");
        assertThat(analysis.findings())
                .containsExactly(new Finding(
                        "vulnerability.known",
                        Severity.LOW,
                        KnownVulnerability.PROVISIONS,
                        "CVE-2024-0002 in busybox 1.36.1-r15: Out-of-bounds read in awk; the maintainers will not"
                                + " fix it",
                        "/Results/0/Vulnerabilities/1"));
    }

    @Test
    void recognisesTrivyReportsOnly() {
        assertThat(analyzer.recognises(head("trivy-secrets-smartcam.json"))).isTrue();
        assertThat(analyzer.recognises(head("trivy-npm-with-suppressed.json"))).isTrue();
        // Trivy's CycloneDX output is a CycloneDX BOM, not a Trivy report.
        assertThat(analyzer.recognises(head("sbom-smartcam-rootfs.cdx.json"))).isFalse();
        assertThat(analyzer.recognises(head("grype-chainguard-ruby.json"))).isFalse();
    }

    @Test
    void trivyHeadFollowedByGarbageIsRejected() throws IOException {
        byte[] head;
        try (InputStream in = FindingsRecorder.open("trivy-npm-with-suppressed.json")) {
            head = in.readNBytes(600);
        }
        byte[] garbage = "\u0000\u0001}}]]{{ not json at all \uFFFD".getBytes(StandardCharsets.UTF_8);
        byte[] report = new byte[head.length + garbage.length];
        System.arraycopy(head, 0, report, 0, head.length);
        System.arraycopy(garbage, 0, report, head.length, garbage.length);

        assertThat(analyzer.recognises(FindingsRecorder.head(report, "trivy.json")))
                .isTrue();
        assertThatThrownBy(() -> analyse(analyzer, report))
                .isInstanceOf(RejectedContentException.class)
                .satisfies(e ->
                        assertThat(((RejectedContentException) e).location()).matches("line \\d+, column \\d+"));
    }

    @Test
    void truncatedReportIsRejected() throws IOException {
        byte[] whole;
        try (InputStream in = FindingsRecorder.open("trivy-npm-with-suppressed.json")) {
            whole = in.readAllBytes();
        }
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);

        assertThatThrownBy(() -> analyse(analyzer, truncated)).isInstanceOf(RejectedContentException.class);
    }

    @Test
    void contentAfterTheReportIsRejected() {
        byte[] twoDocuments =
                "{\"SchemaVersion\": 2, \"Results\": []} {\"SchemaVersion\": 2}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> analyse(analyzer, twoDocuments))
                .isInstanceOf(RejectedContentException.class)
                .hasMessageContaining("more content after the end");
    }
}
