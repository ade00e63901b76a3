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

/** Fixture: {@code spdx-smartcam-cloud-bridge.spdx.json}, npm 11.19's {@code npm sbom} output (shared samples). */
class SpdxAnalyzerTests {

    private static final List<Provision> SBOM = List.of(Provision.cra("II.1"), Provision.en("5.2-3"));

    private final SpdxAnalyzer analyzer = new SpdxAnalyzer();

    @Test
    void npmSbomListsEightPackagesAllWithPurls() throws IOException {
        FindingsRecorder.Analysis analysis = analyse(analyzer, "spdx-smartcam-cloud-bridge.spdx.json");

        assertThat(analysis.summary()).isEqualTo("SPDX 2.3 SBOM: 8 packages (8 with purl)");
        assertThat(analysis.findings())
                .containsExactly(new Finding(
                        "sbom.inventory",
                        Severity.INFO,
                        SBOM,
                        "The SPDX 2.3 SBOM of smartcam-cloud-bridge@1.8.0 lists 8 packages, 8 of them with a"
                                + " package URL (purl).",
                        "/packages"));
        assertThat(analysis.components())
                .containsExactly(
                        new Component("smartcam-cloud-bridge", "1.8.0", "pkg:npm/smartcam-cloud-bridge@1.8.0"),
                        new Component("axios", "0.21.1", "pkg:npm/axios@0.21.1"),
                        new Component("follow-redirects", "1.16.3", "pkg:npm/follow-redirects@1.16.3"),
                        new Component("lru-cache", "6.0.0", "pkg:npm/lru-cache@6.0.0"),
                        new Component("node-forge", "0.10.0", "pkg:npm/node-forge@0.10.0"),
                        new Component("semver", "7.3.5", "pkg:npm/semver@7.3.5"),
                        new Component("ws", "7.4.5", "pkg:npm/ws@7.4.5"),
                        new Component("yallist", "4.0.0", "pkg:npm/yallist@4.0.0"));
    }

    @Test
    void packagesWithoutVersionOrPurlAreFlagged() throws IOException {
        byte[] spdx = """
                {"spdxVersion": "SPDX-2.3", "name": "firmware",
                 "packages": [
                   {"name": "busybox", "versionInfo": "NOASSERTION",
                    "externalRefs": [{"referenceCategory": "SECURITY", "referenceType": "cpe23Type",
                                      "referenceLocator": "cpe:2.3:a:busybox:busybox:*:*:*:*:*:*:*:*"}]},
                   {"name": "openssl", "versionInfo": "3.0.13",
                    "externalRefs": [{"referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl",
                                      "referenceLocator": "pkg:generic/openssl@3.0.13"}]}]}
                """.getBytes(StandardCharsets.UTF_8);

        FindingsRecorder.Analysis analysis = analyse(analyzer, spdx);

        assertThat(analysis.summary()).isEqualTo("SPDX 2.3 SBOM: 2 packages (1 with purl)");
        assertThat(analysis.findings())
                .containsExactly(
                        new Finding(
                                "sbom.component.no-version",
                                Severity.LOW,
                                SBOM,
                                "The SBOM lists package busybox without a version, so known vulnerabilities in it"
                                        + " cannot be identified.",
                                "/packages/0"),
                        new Finding(
                                "sbom.component.no-purl",
                                Severity.INFO,
                                SBOM,
                                "1 of 2 packages in the SBOM has no package URL (purl), so vulnerability scanners"
                                        + " cannot match it reliably: busybox.",
                                "/packages/0"),
                        new Finding(
                                "sbom.inventory",
                                Severity.INFO,
                                SBOM,
                                "The SPDX 2.3 SBOM of firmware lists 2 packages, 1 of them with a package URL (purl).",
                                "/packages"));
    }

    @Test
    void recognisesSpdxJsonOnly() {
        assertThat(analyzer.recognises(head("spdx-smartcam-cloud-bridge.spdx.json")))
                .isTrue();
        assertThat(analyzer.recognises(head("sbom-smartcam-rootfs.cdx.json"))).isFalse();
        assertThat(analyzer.recognises(head("trivy-npm-with-suppressed.json"))).isFalse();
    }

    @Test
    void anotherSpdxVersionIsNotRecognised() {
        byte[] spdx3 = "{\"spdxVersion\": \"SPDX-3.0\", \"packages\": []}".getBytes(StandardCharsets.UTF_8);

        assertThat(analyzer.recognises(head(spdx3, "bom.spdx.json"))).isFalse();
        assertThatThrownBy(() -> analyse(analyzer, spdx3)).isInstanceOf(NotRecognisedException.class);
    }
}
