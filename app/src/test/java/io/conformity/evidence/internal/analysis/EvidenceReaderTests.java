package io.conformity.evidence.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.conformity.evidence.AnalysisStatus;

/** Every real sample reaches the analyzer made for it, whatever it is called, and its media type is detected. */
class EvidenceReaderTests {

    private final EvidenceReader reader = EvidenceReader.withAllAnalyzers();
    private final AnalysisContext context = AnalysisContext.of(LocalDate.of(2026, 12, 2));

    @ParameterizedTest
    @CsvSource({
        "nmap-smartcam.xml, nmap, application/xml",
        "testssl-tls12-selfsigned.json, testssl, application/json",
        "sslscan-legacy-weak.xml, sslscan, application/xml",
        "security.txt, securitytxt, text/plain",
        "sbom-smartcam-rootfs.cdx.json, cyclonedx, application/vnd.cyclonedx+json",
        "cyclonedx-valid-bom-1.6.xml, cyclonedx, application/vnd.cyclonedx+xml",
        "spdx-smartcam-cloud-bridge.spdx.json, spdx, application/spdx+json",
        "trivy-secrets-smartcam.json, trivy, application/json",
        "grype-chainguard-ruby.json, grype, application/json",
        "osv-scanner-new-vuln-and-packages.json, osv-scanner, application/json",
        "eslint-smartcam-update.sarif, sarif, application/sarif+json"
    })
    void eachSampleIsReadByItsAnalyzerUnderAnyName(String sample, String analyzer, String mediaType)
            throws IOException {
        byte[] bytes = bytes(sample);
        for (String name : List.of(sample, "upload.bin")) {
            Reading reading = reader.read(() -> new ByteArrayInputStream(bytes), name, bytes.length, context);
            assertThat(reading.status()).as(sample + " as " + name).isEqualTo(AnalysisStatus.ANALYZED);
            assertThat(reading.analyzer()).isEqualTo(analyzer);
            assertThat(reading.mediaType()).isEqualTo(mediaType);
        }
    }

    @Test
    void aFileNoAnalyzerKnowsIsADocumentOfTheDetectedType() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Reading reading = reader.read(() -> new ByteArrayInputStream(png), "report.json", png.length, context);
        assertThat(reading.status()).isEqualTo(AnalysisStatus.NOT_RECOGNISED);
        assertThat(reading.mediaType()).isEqualTo("image/png");

        byte[] text =
                "Vulnerability disclosure policy\nReport to security@example.test\n".getBytes(StandardCharsets.UTF_8);
        Reading policy = reader.read(() -> new ByteArrayInputStream(text), "policy.txt", text.length, context);
        assertThat(policy.mediaType()).isEqualTo("text/plain");
        assertThat(policy.text()).contains("security@example.test");
    }

    private static byte[] bytes(String name) throws IOException {
        try (InputStream in = EvidenceReaderTests.class.getResourceAsStream("/evidence/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aVulnerableComponentIsMatchedToTheReleasesSbomByPackageUrl() throws IOException {
        byte[] report = bytes("trivy-npm-with-suppressed.json");
        AnalysisContext listed = new AnalysisContext(
                LocalDate.of(2026, 12, 2), Map.of(), Optional.empty(), Set.of("pkg:npm/debug@3.0.1?x=y"));
        AnalysisContext other = new AnalysisContext(
                LocalDate.of(2026, 12, 2), Map.of(), Optional.empty(), Set.of("pkg:npm/axios@0.21.1"));

        assertThat(reader.read(() -> new ByteArrayInputStream(report), "trivy.json", report.length, listed)
                        .findings()
                        .get(0)
                        .message())
                .contains("CVE-2017-20165")
                .endsWith("The release's SBOM lists this component.");
        assertThat(reader.read(() -> new ByteArrayInputStream(report), "trivy.json", report.length, other)
                        .findings()
                        .get(0)
                        .message())
                .endsWith("The release's SBOM does not list this component: check that the SBOM is complete.");
        assertThat(reader.read(() -> new ByteArrayInputStream(report), "trivy.json", report.length, context)
                        .findings()
                        .get(0)
                        .message())
                .doesNotContain("SBOM");
    }

    @Test
    void theTextOfAPdfDocumentIsKeptForSearch() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                text.newLineAtOffset(72, 700);
                text.showText("Coordinated vulnerability disclosure policy of Example Smart Home");
                text.endText();
            }
            pdf.save(out);
        }
        byte[] bytes = out.toByteArray();
        Reading reading = reader.read(() -> new ByteArrayInputStream(bytes), "policy.pdf", bytes.length, context);
        assertThat(reading.status()).isEqualTo(AnalysisStatus.NOT_RECOGNISED);
        assertThat(reading.mediaType()).isEqualTo("application/pdf");
        assertThat(reading.text()).contains("Coordinated vulnerability disclosure policy");

        byte[] damaged = Arrays.copyOf(bytes, bytes.length / 2);
        Reading broken = reader.read(() -> new ByteArrayInputStream(damaged), "policy.pdf", damaged.length, context);
        assertThat(broken.mediaType()).isEqualTo("application/pdf");
        assertThat(broken.status()).isEqualTo(AnalysisStatus.NOT_RECOGNISED);
    }

    @Test
    void aUtf16TextIsReadByItsByteOrderMarkAndControlCharactersAreDropped() {
        byte[] body = "Security policy\u0000 of the SmartCam\u0007\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] text = new byte[body.length + 2];
        text[0] = (byte) 0xFF;
        text[1] = (byte) 0xFE;
        System.arraycopy(body, 0, text, 2, body.length);
        Reading reading = reader.read(() -> new ByteArrayInputStream(text), "policy.txt", text.length, context);
        assertThat(reading.mediaType()).startsWith("text/plain");
        assertThat(reading.text()).isEqualTo("Security policy of the SmartCam\n");
    }
}
