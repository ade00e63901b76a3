package io.conformity.evidence.internal.analysis;

import static io.conformity.evidence.internal.analysis.FindingsRecorder.analyse;
import static io.conformity.evidence.internal.analysis.FindingsRecorder.head;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.conformity.evidence.Provision;
import io.conformity.evidence.Severity;

/** Fixture: {@code eslint-smartcam-update.sarif}, ESLint 8's SARIF for the camera's update script (shared samples). */
class SarifAnalyzerTests {

    private static final List<Provision> INPUT_VALIDATION =
            List.of(Provision.en("5.13-1"), Provision.en("5.13-1A"), Provision.en("5.13-1B"));
    private static final List<Provision> ON_UPDATE_PATH =
            List.of(Provision.en("5.13-1"), Provision.en("5.13-1A"), Provision.en("5.13-1B"), Provision.en("5.3-7"));

    private final SarifAnalyzer analyzer = new SarifAnalyzer();

    @Test
    void eslintResultsOnTheUpdateScriptByLevel() throws IOException {
        FindingsRecorder.Analysis analysis = analyse(analyzer, "eslint-smartcam-update.sarif");

        assertThat(analysis.summary()).isEqualTo("SARIF 2.1.0 from ESLint: 3 results (2 error, 1 warning)");
        assertThat(analysis.findings())
                .containsExactly(
                        new Finding(
                                "sarif.result",
                                Severity.HIGH,
                                ON_UPDATE_PATH,
                                "ESLint rule no-new-func (error) at src2/update.js:7: The Function constructor is"
                                        + " eval.",
                                "src2/update.js:7"),
                        new Finding(
                                "sarif.result",
                                Severity.MEDIUM,
                                ON_UPDATE_PATH,
                                "ESLint rule eqeqeq (warning) at src2/update.js:11: Expected '===' and instead saw"
                                        + " '=='.",
                                "src2/update.js:11"),
                        new Finding(
                                "sarif.result",
                                Severity.HIGH,
                                ON_UPDATE_PATH,
                                "ESLint rule no-implied-eval (error) at src2/update.js:13: Implied eval. Consider"
                                        + " passing a function instead of a string.",
                                "src2/update.js:13"));
    }

    @Test
    void levelsSuppressionsAndKindsOffTheUpdatePath() throws IOException {
        byte[] sarif = """
                {"version": "2.1.0", "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
                 "runs": [{"tool": {"driver": {"name": "Semgrep"}},
                  "artifacts": [{"location": {"uri": "src/rotate_ota_key.c"}}],
                  "results": [
                   {"ruleId": "c.strcpy", "level": "note", "message": {"text": "strcpy without bounds."},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": "src/rotate.c"},
                                                        "region": {"startLine": 3}}}]},
                   {"ruleId": "c.gets", "message": {"text": "gets is unsafe."},
                    "locations": [{"physicalLocation": {"artifactLocation": {"index": 0},
                                                        "region": {"startLine": 9}}}]},
                   {"ruleId": "c.printf", "level": "none", "kind": "informational",
                    "message": {"text": "Format string."}},
                   {"ruleId": "c.sprintf", "level": "error", "message": {"text": "Suppressed."},
                    "suppressions": [{"kind": "inSource"}]},
                   {"ruleId": "c.memcpy", "kind": "pass", "message": {"text": "Checked."}}]}]}
                """.getBytes(StandardCharsets.UTF_8);

        FindingsRecorder.Analysis analysis = analyse(analyzer, sarif);

        assertThat(analysis.summary())
                .isEqualTo("SARIF 2.1.0 from Semgrep: 3 results (1 warning, 1 note, 1 none), 1 suppressed, 1 passed");
        assertThat(analysis.findings())
                .containsExactly(
                        // "rotate" contains "ota" but is not an OTA path.
                        new Finding(
                                "sarif.result",
                                Severity.LOW,
                                INPUT_VALIDATION,
                                "Semgrep rule c.strcpy (note) at src/rotate.c:3: strcpy without bounds.",
                                "src/rotate.c:3"),
                        // No level: SARIF's default, warning; the file comes from the artifacts by index.
                        new Finding(
                                "sarif.result",
                                Severity.MEDIUM,
                                ON_UPDATE_PATH,
                                "Semgrep rule c.gets (warning) at src/rotate_ota_key.c:9: gets is unsafe.",
                                "src/rotate_ota_key.c:9"),
                        new Finding(
                                "sarif.result",
                                Severity.INFO,
                                INPUT_VALIDATION,
                                "Semgrep rule c.printf (none): Format string.",
                                null));
    }

    @Test
    void resultsBeyondTheBoundAreSummedUpInOneFinding() throws IOException {
        int results = SarifAnalyzer.LISTED_RESULTS + 120;
        StringBuilder sarif = new StringBuilder(
                "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"CodeQL\"}}, \"results\": [");
        for (int i = 0; i < results; i++) {
            String level = i == results - 1 ? "error" : "note";
            String file = i == results - 1 ? "fw/upgrade.c" : "src/input.c";
            sarif.append(i == 0 ? "" : ",")
                    .append("{\"ruleId\": \"cpp/overflow\", \"level\": \"")
                    .append(level)
                    .append("\", \"message\": {\"text\": \"Possible overflow.\"}, \"locations\": [{")
                    .append("\"physicalLocation\": {\"artifactLocation\": {\"uri\": \"")
                    .append(file)
                    .append("\"}, \"region\": {\"startLine\": ")
                    .append(i + 1)
                    .append("}}}]}");
        }
        sarif.append("]}]}");

        FindingsRecorder.Analysis analysis = analyse(analyzer, sarif.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(analysis.summary()).isEqualTo("SARIF 2.1.0 from CodeQL: 620 results (1 error, 619 note)");
        assertThat(analysis.findings()).hasSize(SarifAnalyzer.LISTED_RESULTS + 1);
        assertThat(analysis.findings().subList(0, SarifAnalyzer.LISTED_RESULTS))
                .allSatisfy(finding -> assertThat(finding.code()).isEqualTo("sarif.result"));
        assertThat(analysis.findings().get(SarifAnalyzer.LISTED_RESULTS))
                .isEqualTo(new Finding(
                        "sarif.result.more",
                        Severity.HIGH,
                        ON_UPDATE_PATH,
                        "120 further results, the most severe of level error, are not listed one by one; the"
                                + " SARIF file has them all.",
                        null));
    }

    @Test
    void recognisesSarifOnly() {
        assertThat(analyzer.recognises(head("eslint-smartcam-update.sarif"))).isTrue();
        assertThat(analyzer.recognises(head("osv-scanner-new-vuln-and-packages.json")))
                .isFalse();
        assertThat(analyzer.recognises(head("sbom-smartcam-rootfs.cdx.json"))).isFalse();
    }

    @Test
    void anotherSarifVersionIsNotRecognised() {
        byte[] old = "{\"version\": \"1.0.0\", \"runs\": []}".getBytes(StandardCharsets.UTF_8);

        assertThat(analyzer.recognises(head(old, "old.sarif"))).isFalse();
        assertThatThrownBy(() -> analyse(analyzer, old)).isInstanceOf(NotRecognisedException.class);
    }
}
