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

/**
 * Fixtures: {@code sbom-smartcam-rootfs.cdx.json} is Trivy's CycloneDX 1.5 output for the camera's root file system
 * (shared samples). The XML ones are the CycloneDX specification's own test resources (github.com/CycloneDX/
 * specification, commit e02a34ae42a48239f54e04f75280b9000b29f1fb, tools/src/test/resources/): 1.6/valid-bom-1.6.xml,
 * 1.5/valid-assembly-1.5.xml and 1.6/valid-vulnerability-1.6.xml. {@code cyclonedx-vex-cisa-case-6.json} is
 * VEX/CISA-Use-Cases/Case-6/vex.json of github.com/CycloneDX/bom-examples (commit
 * aaa24717f3101c27ff9006c1caa0fc848c2cb2fd). All unedited; see evidence/README-sbom.md.
 */
class CycloneDxAnalyzerTests {

    private static final List<Provision> SBOM = List.of(Provision.cra("II.1"), Provision.en("5.2-3"));
    private static final List<Provision> VULNERABILITY =
            List.of(Provision.en("5.2-3"), Provision.en("5.3-8"), Provision.cra("I.2a"));

    private final CycloneDxAnalyzer analyzer = new CycloneDxAnalyzer();

    @Test
    void trivyRootFsSbomListsFiveComponentsAndFlagsTheOperatingSystemWithoutVersionOrPurl() throws IOException {
        FindingsRecorder.Analysis analysis = analyse(analyzer, "sbom-smartcam-rootfs.cdx.json");

        assertThat(analysis.summary()).isEqualTo("CycloneDX 1.5 SBOM: 5 components (4 with purl)");
        assertThat(analysis.findings())
                .containsExactly(
                        new Finding(
                                "sbom.component.no-version",
                                Severity.LOW,
                                SBOM,
                                "The SBOM lists component none (operating-system) without a version, so known"
                                        + " vulnerabilities in it cannot be identified.",
                                "/components/0"),
                        new Finding(
                                "sbom.component.no-purl",
                                Severity.INFO,
                                SBOM,
                                "1 of 5 components in the SBOM has no package URL (purl), so vulnerability scanners"
                                        + " cannot match it reliably: none (operating-system).",
                                "/components/0"),
                        new Finding(
                                "sbom.inventory",
                                Severity.INFO,
                                SBOM,
                                "The CycloneDX 1.5 SBOM of rootfs lists 5 components, 4 of them with a package URL"
                                        + " (purl).",
                                "/components"));
        // The described product (metadata.component) first, then the inventory in document order.
        assertThat(analysis.components())
                .containsExactly(
                        new Component("rootfs", null, null),
                        new Component("none", null, null),
                        new Component("curl", "7.88.1-10+deb12u14", "pkg:none/curl@7.88.1-10+deb12u14?arch=amd64"),
                        new Component(
                                "libcurl4", "7.88.1-10+deb12u14", "pkg:none/libcurl4@7.88.1-10+deb12u14?arch=amd64"),
                        new Component("libssl3", "3.0.22-1~deb12u2", "pkg:none/libssl3@3.0.22-1~deb12u2?arch=amd64"),
                        new Component("zlib1g", "1.2.13.dfsg-1", "pkg:none/zlib1g@1.2.13.dfsg-1?arch=amd64&epoch=1"));
    }

    @Test
    void specificationXmlBomCountsItsComponentsButNotTheirPedigree() throws IOException {
        FindingsRecorder.Analysis analysis = analyse(analyzer, "cyclonedx-valid-bom-1.6.xml");

        assertThat(analysis.summary()).isEqualTo("CycloneDX 1.6 SBOM: 3 components (3 with purl)");
        assertThat(analysis.findings())
                .containsExactly(new Finding(
                        "sbom.inventory",
                        Severity.INFO,
                        SBOM,
                        "The CycloneDX 1.6 SBOM of Acme Application lists 3 components, 3 of them with a package"
                                + " URL (purl).",
                        "line 48"));
        // tomcat-catalina's pedigree names its Apache ancestor: not a component of this product.
        assertThat(analysis.components())
                .containsExactly(
                        new Component("Acme Application", "9.1.1", null),
                        new Component(
                                "tomcat-catalina", "9.0.14", "pkg:maven/com.acme/tomcat-catalina@9.0.14?packaging=jar"),
                        new Component("mylibrary", "1.0.0", "pkg:maven/com.example/myapplication@1.0.0?packaging=war"),
                        new Component("myframework", "1.0.0", "pkg:maven/com.example/myframework@1.0.0?packaging=war"));
    }

    @Test
    void nestedXmlComponentsArePartOfTheInventory() throws IOException {
        FindingsRecorder.Analysis analysis = analyse(analyzer, "cyclonedx-valid-assembly-1.5.xml");

        assertThat(analysis.summary()).isEqualTo("CycloneDX 1.5 SBOM: 2 components (0 with purl)");
        assertThat(analysis.findings())
                .containsExactly(
                        new Finding(
                                "sbom.component.no-purl",
                                Severity.INFO,
                                SBOM,
                                "2 of 2 components in the SBOM have no package URL (purl), so vulnerability scanners"
                                        + " cannot match them reliably: acme-library-b (library), acme-library-a"
                                        + " (library).",
                                "line 8"),
                        new Finding(
                                "sbom.inventory",
                                Severity.INFO,
                                SBOM,
                                "The CycloneDX 1.5 SBOM lists 2 components, 0 of them with a package URL (purl).",
                                "line 3"));
        // A component is reported when its element closes, so the nested one comes first.
        assertThat(analysis.components())
                .containsExactly(
                        new Component("acme-library-b", "2.0.0", null), new Component("acme-library-a", "1.0.0", null));
    }

    @Test
    void aVulnerabilityAnalysedAsNotAffectedIsCountedNotReported() throws IOException {
        FindingsRecorder.Analysis analysis = analyse(analyzer, "cyclonedx-valid-vulnerability-1.6.xml");

        assertThat(analysis.summary())
                .isEqualTo("CycloneDX 1.6 SBOM: 1 component (1 with purl); 1 vulnerability (1 not affected or"
                        + " resolved)");
        assertThat(analysis.findings())
                .containsExactly(new Finding(
                        "sbom.inventory",
                        Severity.INFO,
                        SBOM,
                        "The CycloneDX 1.6 SBOM lists 1 component, 1 of them with a package URL (purl).",
                        "line 3"));
        // The Snyk CLI named as the vulnerability's rating tool is not a component.
        assertThat(analysis.components())
                .containsExactly(new Component(
                        "jackson-databind", "2.9.4", "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.4"));
    }

    @Test
    void cisaVexReportsTheExploitableStatementAndCountsTheNotAffectedOne() throws IOException {
        FindingsRecorder.Analysis analysis = analyse(analyzer, "cyclonedx-vex-cisa-case-6.json");

        assertThat(analysis.summary()).isEqualTo("CycloneDX 1.4 VEX: 2 vulnerabilities (1 not affected or resolved)");
        assertThat(analysis.findings())
                .containsExactly(new Finding(
                        "vulnerability.known",
                        Severity.CRITICAL,
                        VULNERABILITY,
                        "CVE-2021-44228 in ABC: Versions of Product ABC are affected by the vulnerability. Customers"
                                + " are advised to upgrade to the latest release; the analysis says it is"
                                + " exploitable",
                        "/vulnerabilities/0"));
        assertThat(analysis.components()).containsExactly(new Component("ABC", null, null));
    }

    @Test
    void recognisesCycloneDxJsonAndXmlOnly() {
        assertThat(analyzer.recognises(head("sbom-smartcam-rootfs.cdx.json"))).isTrue();
        assertThat(analyzer.recognises(head("cyclonedx-vex-cisa-case-6.json"))).isTrue();
        assertThat(analyzer.recognises(head("cyclonedx-valid-bom-1.6.xml"))).isTrue();
        assertThat(analyzer.recognises(head("cyclonedx-valid-assembly-1.5.xml")))
                .isTrue();
        assertThat(analyzer.recognises(head("spdx-smartcam-cloud-bridge.spdx.json")))
                .isFalse();
        assertThat(analyzer.recognises(head("trivy-secrets-smartcam.json"))).isFalse();
        assertThat(analyzer.recognises(head("eslint-smartcam-update.sarif"))).isFalse();
    }

    @Test
    void jsonThatIsNotCycloneDxIsNotRecognised() {
        byte[] packageJson = """
                {"name": "smartcam-cloud-bridge", "version": "1.8.0", "components": [{"name": "axios"}]}
                """.getBytes(StandardCharsets.UTF_8);

        assertThat(analyzer.recognises(head(packageJson, "package.json"))).isFalse();
        assertThatThrownBy(() -> analyse(analyzer, packageJson)).isInstanceOf(NotRecognisedException.class);
    }

    @Test
    void xmlOfAnotherNamespaceIsNotRecognised() {
        byte[] spdxXml =
                "<bom xmlns=\"urn:example:not-cyclonedx\"><components/></bom>".getBytes(StandardCharsets.UTF_8);

        assertThat(analyzer.recognises(head(spdxXml, "bom.xml"))).isFalse();
        assertThatThrownBy(() -> analyse(analyzer, spdxXml)).isInstanceOf(NotRecognisedException.class);
    }

    @Test
    void xmlExternalEntityIsRejected() {
        byte[] xxe = ("<?xml version=\"1.0\"?>\n<!DOCTYPE bom [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
                        + "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\"><components><component"
                        + " type=\"library\"><name>&secret;</name></component></components></bom>")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> analyse(analyzer, xxe))
                .isInstanceOf(RejectedContentException.class)
                .satisfies(e ->
                        assertThat(((RejectedContentException) e).location()).startsWith("line 3"));
    }

    @Test
    void anXmlTextLongerThanTheLimitIsRejectedNotGathered() {
        byte[] huge = ("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\"><components><component type=\"library\">"
                        + "<name>" + "a".repeat(SafeParsers.MAX_STRING_LENGTH + 1)
                        + "</name></component></components></bom>")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> analyse(analyzer, huge))
                .isInstanceOf(RejectedContentException.class)
                .hasMessageContaining("longer than " + SafeParsers.MAX_STRING_LENGTH);
    }

    @Test
    void xmlComponentsNestedBeyondTheLimitAreRejected() {
        StringBuilder xml = new StringBuilder("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\"><components>");
        int levels = SafeParsers.MAX_JSON_DEPTH + 10;
        xml.append("<component type=\"library\"><name>c</name><components>\n".repeat(levels));
        xml.append("</components></component>".repeat(levels));
        xml.append("</components></bom>");

        assertThatThrownBy(() -> analyse(analyzer, xml.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RejectedContentException.class)
                .hasMessageContaining("nested deeper than 64 levels")
                .satisfies(e ->
                        assertThat(((RejectedContentException) e).location()).isEqualTo("line 64"));
    }

    @Test
    void truncatedXmlIsRejected() {
        byte[] truncated = "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"><components><component><name>curl"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> analyse(analyzer, truncated)).isInstanceOf(RejectedContentException.class);
    }
}
