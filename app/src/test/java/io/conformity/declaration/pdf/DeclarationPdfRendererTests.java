package io.conformity.declaration.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

import io.conformity.declaration.DeclarationContent;
import io.conformity.declaration.DeclarationContent.ComplianceBasis;
import io.conformity.declaration.DeclarationContent.EvidenceLine;
import io.conformity.declaration.DeclarationContent.Party;
import io.conformity.declaration.DeclarationContent.RequirementLine;
import io.conformity.declaration.DeclarationContent.Standard;

class DeclarationPdfRendererTests {

    private static final UUID DECLARATION_ID = UUID.fromString("3f6c2a1e-8b4d-4c1a-9e7f-2d5b8a6c0e91");
    private static final UUID ASSESSMENT_ID = UUID.fromString("a7d1e2f3-4b5c-4d6e-8f90-1a2b3c4d5e6f");
    private static final String NORTHWIND_ADDRESS =
            "Unit 4, Harbour Park\nOcean Way\nSouthampton\nSO14 3XY\nUnited Kingdom";

    private final DeclarationPdfRenderer renderer =
            new DeclarationPdfRenderer(new ClassPathResource("conformity/templates/"));

    @Test
    void statesEveryScheduleFourItemAndEveryDigest() throws IOException {
        DeclarationContent content = sample(requirements(17), evidence(6));

        byte[] pdf = renderer.render(content);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/declaration-sample.pdf"), pdf);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String raw = new PDFTextStripper().getText(document);
            String text = flat(raw);
            // (a) product type and batch
            assertThat(text)
                    .contains("Product type Northwind SmartHub Model NW-200 (smart home hub)")
                    .contains("Batch 2025-W11-B")
                    .contains("Firmware version 4.2.1");
            // (b) each manufacturer and authorised representative, with every address line
            assertThat(text)
                    .contains("Manufacturer 1 Northwind Devices Ltd")
                    .contains("Manufacturer 2 Shenzhen Brightlink Electronics Co., Ltd.")
                    .contains("Representative 1 Compliance Partners UK LLP");
            List<Party> parties = new ArrayList<>(content.manufacturers());
            parties.addAll(content.representatives());
            for (Party party : parties) {
                // Each address line is printed as a line of its own; the first shares its line with the label.
                List<String> addressLines = Arrays.asList(party.address().split("\n"));
                assertThat(lines(raw))
                        .contains("Address " + addressLines.get(0))
                        .containsAll(addressLines.subList(1, addressLines.size()));
            }
            // (c) and (d)
            assertThat(text)
                    .contains(
                            "This statement of compliance has been prepared by or on behalf of the " + "manufacturer.")
                    .contains("In the opinion of the manufacturer, the product Northwind SmartHub Model NW-200 "
                            + "(smart home hub), batch 2025-W11-B, has complied with the applicable security "
                            + "requirements in Schedule 1");
            for (ComplianceBasis basis : content.deemedCompliance()) {
                assertThat(text).contains(basis.requirement() + ": " + basis.route());
            }
            // para 1(2)
            for (Standard standard : content.standards()) {
                assertThat(text).contains(standard.citation());
            }
            // (e), (f), (g)
            assertThat(text)
                    .contains("ends on 31 December 2029")
                    .contains("Signed for and on behalf of the manufacturer")
                    .contains("Name Eleanor Whitfield")
                    .contains("Function Head of Product Compliance")
                    .contains("Place of issue Southampton, United Kingdom")
                    .contains("Date of issue 14 March 2025");
            // annex
            for (RequirementLine requirement : content.requirements()) {
                assertThat(text).contains(requirement.requirementId());
            }
            for (EvidenceLine evidence : content.evidence()) {
                assertThat(raw).contains(evidence.sha256());
                // Long file names wrap inside their cell, so compare without whitespace.
                assertThat(text.replace(" ", "")).contains(evidence.fileName());
            }
            assertThat(text)
                    .contains(
                            "Statement of compliance " + DECLARATION_ID + " Page 1 of " + document.getNumberOfPages());

            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Statement of Compliance");
            assertThat(document.getDocumentInformation().getProducer()).isEqualTo("Conformity");
            assertThat(document.getDocumentInformation().getCreationDate()).isNotNull();
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
            for (var page : document.getPages()) {
                assertThat(page.getMediaBox().getWidth()).isEqualTo(595.27563f);
                for (var fontName : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(fontName);
                    assertThat(font).isInstanceOf(PDType0Font.class);
                    assertThat(font.isEmbedded()).isTrue();
                }
            }
        }
    }

    @Test
    void longAnnexFlowsOverPagesWithFooters() throws IOException {
        DeclarationContent content = sample(requirements(150), evidence(150));

        byte[] pdf = renderer.render(content);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/declaration-long-sample.pdf"), pdf);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            String raw = new PDFTextStripper().getText(document);
            for (EvidenceLine evidence : content.evidence()) {
                assertThat(raw).contains(evidence.sha256());
            }
            String text = flat(raw);
            for (int page = 1; page <= pages; page++) {
                assertThat(text)
                        .contains("Statement of compliance " + DECLARATION_ID + " Page " + page + " of " + pages);
            }
            for (RequirementLine requirement : content.requirements()) {
                assertThat(text).contains(requirement.requirementId());
            }
        }
    }

    @Test
    void missingValueNamesThePlaceholder() {
        DeclarationContent sample = sample(requirements(2), evidence(1));
        DeclarationContent withoutBatch = new DeclarationContent(
                sample.declarationId(),
                sample.assessmentId(),
                sample.regime(),
                sample.productType(),
                sample.modelDesignation(),
                sample.firmwareVersion(),
                null,
                sample.manufacturers(),
                sample.representatives(),
                sample.supportPeriodEnd(),
                sample.standards(),
                sample.deemedCompliance(),
                sample.signatoryName(),
                sample.signatoryFunction(),
                sample.placeOfIssue(),
                sample.dateOfIssue(),
                sample.requirements(),
                sample.evidence());

        assertThatThrownBy(() -> renderer.render(withoutBatch))
                .isInstanceOf(DeclarationTemplateException.class)
                .hasMessageContaining("psti-declaration.txt")
                .hasMessageContaining("placeholder {{batch}} has no value");
    }

    @Test
    void unknownPlaceholderNamesThePlaceholderAndLine(@TempDir Path folder) throws IOException {
        Files.writeString(
                folder.resolve("psti-declaration.txt"),
                String.join(
                        "\n",
                        "font-regular: fonts/DejaVuSans.ttf",
                        "font-bold: fonts/DejaVuSans-Bold.ttf",
                        "font-mono: fonts/DejaVuSansMono.ttf",
                        "footer: {{declarationId}} | Page {{page}} of {{pages}}",
                        "title: Statement of Compliance",
                        "field: Colour | {{colour}}"),
                StandardCharsets.UTF_8);
        // No trailing slash on purpose: the renderer must still look inside the folder.
        DeclarationPdfRenderer custom = new DeclarationPdfRenderer(new FileSystemResource(folder.toFile()));

        assertThatThrownBy(() -> custom.render(sample(requirements(1), evidence(1))))
                .isInstanceOf(DeclarationTemplateException.class)
                .hasMessageContaining("line 6")
                .hasMessageContaining("unknown placeholder {{colour}}")
                .hasMessageContaining("productType");
    }

    @Test
    void pagePlaceholderOutsideFooterIsRejected(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("psti-declaration.txt"), "paragraph: Page {{page}}\n");
        DeclarationPdfRenderer custom = new DeclarationPdfRenderer(new FileSystemResource(folder.toFile()));

        assertThatThrownBy(() -> custom.render(sample(requirements(1), evidence(1))))
                .isInstanceOf(DeclarationTemplateException.class)
                .hasMessageContaining("line 1: unknown placeholder {{page}}");
    }

    @Test
    void unclosedBlockNamesItsLine(@TempDir Path folder) throws IOException {
        Files.writeString(
                folder.resolve("psti-declaration.txt"),
                String.join(
                        "\n",
                        "# comment",
                        "paragraph: Made by \\",
                        "    {{productType}}",
                        "each: manufacturers",
                        "    field: Name | {{name}}"));
        DeclarationPdfRenderer custom = new DeclarationPdfRenderer(new FileSystemResource(folder.toFile()));

        assertThatThrownBy(() -> custom.render(sample(requirements(1), evidence(1))))
                .isInstanceOf(DeclarationTemplateException.class)
                .hasMessage("Template psti-declaration.txt, line 4: 'each: manufacturers' is not closed by 'end'");
    }

    @Test
    void regimeWithoutTemplateIsReported() {
        DeclarationContent sample = sample(requirements(1), evidence(1));
        // RED (Delegated Regulation (EU) 2022/30) has no template: it must fail, not borrow another regime's wording.
        DeclarationContent red = new DeclarationContent(
                sample.declarationId(),
                sample.assessmentId(),
                "RED",
                sample.productType(),
                sample.modelDesignation(),
                sample.firmwareVersion(),
                sample.batch(),
                sample.manufacturers(),
                sample.representatives(),
                sample.supportPeriodEnd(),
                sample.standards(),
                sample.deemedCompliance(),
                sample.signatoryName(),
                sample.signatoryFunction(),
                sample.placeOfIssue(),
                sample.dateOfIssue(),
                sample.requirements(),
                sample.evidence());

        assertThatThrownBy(() -> renderer.render(red))
                .isInstanceOf(DeclarationTemplateException.class)
                .hasMessageContaining("regime 'RED'")
                .hasMessageContaining("red-declaration.txt not found");
    }

    @Test
    void headingStaysWithTheParagraphThatFollowsIt(@TempDir Path folder) throws IOException {
        copyFonts(folder);
        // The spaces leave room at the foot of page 1 for the heading and two body lines, but not for the
        // three lines a paragraph keeps together: the heading must move to page 2 with its paragraph.
        Files.writeString(
                folder.resolve("psti-declaration.txt"),
                String.join(
                        "\n",
                        "font-regular: fonts/DejaVuSans.ttf",
                        "font-bold: fonts/DejaVuSans-Bold.ttf",
                        "font-mono: fonts/DejaVuSansMono.ttf",
                        "footer: {{declarationId}} | Page {{page}} of {{pages}}",
                        "field: Batch | {{batch}}",
                        "space: 400",
                        "space: 232",
                        "heading: Kept with its paragraph",
                        "paragraph: " + "Words that wrap over several lines of the page. ".repeat(8)),
                StandardCharsets.UTF_8);
        DeclarationPdfRenderer custom = new DeclarationPdfRenderer(new FileSystemResource(folder.toFile()));

        try (PDDocument document = Loader.loadPDF(custom.render(sample(requirements(1), evidence(1))))) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            assertThat(flat(stripper.getText(document))).contains("Kept with its paragraph Words that wrap");
        }
    }

    @Test
    void charactersOutsideTheFontAreReplacedNotFatal() throws IOException {
        DeclarationContent sample = sample(requirements(3), evidence(2));
        DeclarationContent unicode = new DeclarationContent(
                sample.declarationId(),
                sample.assessmentId(),
                sample.regime(),
                "Ünïcödé 東京 ≤ 😀 hub",
                sample.modelDesignation(),
                sample.firmwareVersion(),
                "B\u0007-1",
                sample.manufacturers(),
                List.of(),
                sample.supportPeriodEnd(),
                sample.standards(),
                sample.deemedCompliance(),
                "Zoë Łukasiewicz-Ørsted",
                sample.signatoryFunction(),
                sample.placeOfIssue(),
                sample.dateOfIssue(),
                sample.requirements(),
                sample.evidence());

        byte[] pdf = renderer.render(unicode);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/declaration-unicode-sample.pdf"), pdf);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = flat(new PDFTextStripper().getText(document));
            assertThat(text)
                    .contains("Ünïcödé")
                    .contains("≤")
                    .contains("\uFFFD")
                    .doesNotContain("東京")
                    .contains("Zoë Łukasiewicz-Ørsted")
                    .contains("No authorised representative has been appointed for this product.");
        }
    }

    private static void copyFonts(Path folder) throws IOException {
        Files.createDirectories(folder.resolve("fonts"));
        for (String font : List.of("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf")) {
            try (var in = new ClassPathResource("conformity/templates/fonts/" + font).getInputStream()) {
                Files.copy(in, folder.resolve("fonts").resolve(font));
            }
        }
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).toList();
    }

    private static DeclarationContent sample(List<RequirementLine> requirements, List<EvidenceLine> evidence) {
        return new DeclarationContent(
                DECLARATION_ID,
                ASSESSMENT_ID,
                "PSTI",
                "Northwind SmartHub Model NW-200 (smart home hub)",
                "NW-200",
                "4.2.1",
                "2025-W11-B",
                List.of(
                        new Party("Northwind Devices Ltd", NORTHWIND_ADDRESS),
                        new Party(
                                "Shenzhen Brightlink Electronics Co., Ltd.",
                                "Building 7, Keyuan Road\nNanshan District\nShenzhen 518057\nChina")),
                List.of(new Party(
                        "Compliance Partners UK LLP", "2nd Floor, 18 King Street\nManchester\nM2 4LQ\nUnited Kingdom")),
                LocalDate.of(2029, 12, 31),
                List.of(
                        new Standard("ETSI EN 303 645", "V2.1.1", "2020-06"),
                        new Standard("ISO/IEC 29147", "2nd edition", "2018-10")),
                List.of(
                        new ComplianceBasis(
                                "Schedule 1 paragraph 1 (passwords)",
                                "Schedule 2 deemed compliance via ETSI EN 303 645 provisions 5.1-1 and 5.1-2"),
                        new ComplianceBasis(
                                "Schedule 1 paragraph 2 (information on how to report security issues)",
                                "Schedule 2 deemed compliance via ETSI EN 303 645 provision 5.2-1"),
                        new ComplianceBasis(
                                "Schedule 1 paragraph 3 (information on minimum security update " + "periods)",
                                "Schedule 2 deemed compliance via ETSI EN 303 645 provision 5.3-13")),
                "Eleanor Whitfield",
                "Head of Product Compliance",
                "Southampton, United Kingdom",
                LocalDate.of(2025, 3, 14),
                requirements,
                evidence);
    }

    private static final String[][] PROVISIONS = {
        {"5.1 No universal default passwords", "5.1-1", "Unique or user-defined passwords"},
        {"5.1 No universal default passwords", "5.1-2", "Pre-installed passwords resist automated attacks"},
        {"5.1 No universal default passwords", "5.1-3", "Best-practice cryptography for authentication"},
        {"5.1 No universal default passwords", "5.1-4", "Simple way to change the authentication value"},
        {"5.1 No universal default passwords", "5.1-5", "Brute-force attacks impracticable"},
        {"5.2 Manage reports of vulnerabilities", "5.2-1", "Vulnerability disclosure policy published"},
        {"5.2 Manage reports of vulnerabilities", "5.2-2", "Vulnerabilities acted on in a timely way"},
        {"5.3 Keep software updated", "5.3-1", "Software components securely updatable"},
        {"5.3 Keep software updated", "5.3-2", "Secure update mechanism"},
        {"5.3 Keep software updated", "5.3-7", "Best-practice cryptography for updates"},
        {"5.3 Keep software updated", "5.3-13", "Defined support period published"},
        {"5.4 Securely store sensitive security parameters", "5.4-1", "Sensitive parameters stored securely"},
        {"5.5 Communicate securely", "5.5-1", "Best-practice cryptography in transit"},
        {"5.6 Minimise exposed attack surfaces", "5.6-1", "Unused interfaces disabled"},
        {"5.7 Ensure software integrity", "5.7-1", "Secure boot verifies software"},
        {"5.8 Ensure that personal data is secure", "5.8-1", "Personal data protected in transit"},
        {"6 Data protection for consumer IoT", "6-1", "Information on personal data processing"},
    };

    private static List<RequirementLine> requirements(int count) {
        List<RequirementLine> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] provision = PROVISIONS[i % PROVISIONS.length];
            String id = i < PROVISIONS.length ? provision[1] : "X-" + (i + 1);
            boolean notApplicable = i % 7 == 6;
            lines.add(new RequirementLine(
                    provision[0],
                    "ETSI EN 303 645 V2.1.1",
                    id,
                    provision[2],
                    notApplicable ? "NOT APPLICABLE" : "PASS",
                    notApplicable
                            ? "The device exposes no such interface; see the ICS pro forma, row " + (i + 1) + "."
                            : i % 3 == 0
                                    ? ""
                                    : "Verified by the test lab against IXIT evidence and the "
                                            + "manufacturer's design documentation for firmware 4.2.1."));
        }
        return lines;
    }

    private static List<EvidenceLine> evidence(int count) {
        String[] names = {
            "vulnerability-disclosure-policy.pdf",
            "password-generation-design.md",
            "secure-boot-chain-report_v3.pdf",
            "tls-configuration-scan.json",
            "sbom-cyclonedx-4.2.1.json",
            "support-period-publication-screenshot.png"
        };
        List<EvidenceLine> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = names[i % names.length];
            String fileName = i < names.length ? name : "r" + (i + 1) + "-" + name;
            lines.add(new EvidenceLine(
                    PROVISIONS[i % PROVISIONS.length][1],
                    fileName,
                    sha256("evidence file " + i),
                    1_024L * (i + 1) + 17L * i * i));
        }
        return lines;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
