package io.conformity.declaration.pdf;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

import io.conformity.declaration.DeclarationContent;
import io.conformity.declaration.DeclarationContent.ComplianceBasis;
import io.conformity.declaration.DeclarationContent.EvidenceLine;
import io.conformity.declaration.DeclarationContent.Party;
import io.conformity.declaration.DeclarationContent.RequirementLine;
import io.conformity.declaration.DeclarationContent.Standard;

/**
 * The shipped CRA and EN 303 645 templates, rendered with realistic content and read back with PDFBox's text
 * extraction: every element the statement must carry is checked by its wording and values. The PSTI template
 * is covered by {@link DeclarationPdfRendererTests}.
 */
class DeclarationTemplatesTests {

    private static final UUID DECLARATION_ID = UUID.fromString("5b0e7c2d-91a4-4f3e-b6d8-0c2f4e6a8b13");
    private static final UUID ASSESSMENT_ID = UUID.fromString("c4e8a1b2-3d5f-4a6b-9c7d-8e0f1a2b3c4d");
    private static final String PRODUCT_TYPE = "Northwind SmartHub Model NW-200 (smart home hub)";
    private static final Party MANUFACTURER = new Party(
            "Northwind Devices Ltd", "Unit 4, Harbour Park\nOcean Way\nSouthampton\nSO14 3XY\nUnited Kingdom");
    private static final Party EU_REPRESENTATIVE =
            new Party("Compliance Partners Europe B.V.", "Keizersgracht 214\n1016 DZ Amsterdam\nNetherlands");
    private static final String CRA_FRAMEWORK = "Regulation (EU) 2024/2847 (Cyber Resilience Act), Annex I 2024/2847";
    private static final String EN_FRAMEWORK = "ETSI EN 303 645 V3.1.3";
    private static final Standard EN_V3 = new Standard("ETSI EN 303 645", "V3.1.3", "2024-09");

    private final DeclarationPdfRenderer renderer =
            new DeclarationPdfRenderer(new ClassPathResource("conformity/templates/"));

    @Test
    void craDeclarationStatesTheEightAnnexVElementsInOrder() throws IOException {
        DeclarationContent content = cra(List.of(), List.of());

        byte[] pdf = renderer.render(content);
        save(pdf, "declaration-cra-sample.pdf");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String raw = new PDFTextStripper().getText(document);
            String text = flat(raw);

            assertThat(text)
                    .contains("EU Declaration of Conformity")
                    .contains("Regulation (EU) 2024/2847 (Cyber Resilience Act), Article 28 and Annex V")
                    .contains("Declaration reference " + DECLARATION_ID);
            // The sections carry the numbers of the Annex V elements, in Annex V's order.
            assertThat(text)
                    .containsSubsequence(
                            "1. Product",
                            "2. Manufacturer and authorised representative",
                            "3. Responsibility",
                            "4. Object of the declaration",
                            "5. Conformity",
                            "6. Harmonised standards, common specifications and cybersecurity certifications",
                            "7. Notified body",
                            "8. Additional information",
                            "Annex: Assessment record",
                            "A.1 Requirements",
                            "A.2 Evidence files");

            // (1) name and type of the product, and what identifies it
            assertThat(text)
                    .contains("Product name and type " + PRODUCT_TYPE)
                    .contains("Model designation NW-200")
                    .contains("Firmware version 5.0.3")
                    .contains("Batch 2028-W02-A");
            // (2) manufacturer and authorised representative, every address line printed
            assertThat(text)
                    .contains("Manufacturer Northwind Devices Ltd")
                    .contains("Representative Compliance Partners Europe B.V.")
                    .doesNotContain("No authorised representative");
            for (Party party : List.of(MANUFACTURER, EU_REPRESENTATIVE)) {
                List<String> addressLines = Arrays.asList(party.address().split("\n"));
                assertThat(lines(raw))
                        .contains("Address " + addressLines.get(0))
                        .containsAll(addressLines.subList(1, addressLines.size()));
            }
            // (3) sole responsibility
            assertThat(text)
                    .contains(
                            "This declaration of conformity is issued under the sole responsibility of the manufacturer.");
            // (4) object of the declaration, traceable
            assertThat(text)
                    .contains("The object of this declaration is " + PRODUCT_TYPE
                            + ", model NW-200, firmware version 5.0.3, batch 2028-W02-A.")
                    .contains("the reference of this declaration, " + DECLARATION_ID);
            // (5) conformity with the Union harmonisation legislation
            assertThat(text)
                    .contains("The object of the declaration described in section 4 is in conformity with "
                            + "the relevant Union harmonisation legislation: Regulation (EU) 2024/2847 (Cyber Resilience "
                            + "Act), including the essential cybersecurity requirements of its Annex I")
                    .doesNotContain("Basis of conformity");
            // (6) no standard, common specification or certification: said so, with nothing left dangling
            assertThat(text)
                    .contains("No harmonised standard, common specification or European cybersecurity "
                            + "certification was applied. Conformity was assessed directly against each requirement of "
                            + "Annex I to Regulation (EU) 2024/2847, as listed in section A.1 of the annex")
                    .doesNotContainIgnoringCase("as follows");
            // (7) procedure and notified body
            assertThat(text)
                    .contains("Conformity assessment procedure: internal control (module A); no notified "
                            + "body was involved.");
            // (8) support period, signed for and on behalf of, place and date, name, function, signature
            assertThat(text)
                    .contains("Support period ends 31 January 2033")
                    .contains("Article 13(8)")
                    .contains("Article 13(19)")
                    .contains("Signed for and on behalf of Northwind Devices Ltd")
                    .contains("Place of issue Southampton, United Kingdom")
                    .contains("Date of issue 14 January 2028")
                    .contains("Signature")
                    .contains("Name Eleanor Whitfield")
                    .contains("Function Head of Product Compliance");

            assertAnnex(content, raw, text);
            assertThat(text)
                    .contains("EU declaration of conformity " + DECLARATION_ID + " Page 1 of "
                            + document.getNumberOfPages());
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("EU Declaration of Conformity");
        }
    }

    @Test
    void craDeclarationListsStandardsAndBasesWhenThereAreSome() throws IOException {
        Standard en18031 = new Standard("EN 18031-1", "2024", "2024-08");
        DeclarationContent content = cra(
                List.of(en18031),
                List.of(new ComplianceBasis("Annex I, Part I, point 2(d)", "EN 18031-1:2024 (ACM, AUM)")));

        try (PDDocument document = Loader.loadPDF(renderer.render(content))) {
            String text = flat(new PDFTextStripper().getText(document));
            assertThat(text)
                    .contains("• " + en18031.citation())
                    .contains("Basis of conformity Annex I, Part I, point 2(d): EN 18031-1:2024 (ACM, AUM)")
                    .doesNotContain("No harmonised standard");
        }
    }

    @Test
    void en303645StatementCitesTheStandardWithItsVersion() throws IOException {
        DeclarationContent content = en303645(List.of(EN_V3));

        byte[] pdf = renderer.render(content);
        save(pdf, "declaration-en303645-sample.pdf");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String raw = new PDFTextStripper().getText(document);
            String text = flat(raw);

            assertThat(text)
                    .contains("Statement of Conformance: ETSI EN 303 645")
                    .contains("it is not a declaration of conformity under any legislation")
                    .contains("Statement reference " + DECLARATION_ID);
            assertThat(text)
                    .containsSubsequence(
                            "1. Product",
                            "2. Manufacturer",
                            "3. Standard",
                            "4. Statement of conformance",
                            "5. Defined support period",
                            "6. Issue and signature",
                            "Annex: Assessment record");
            // product and manufacturers
            assertThat(text)
                    .contains("Product type " + PRODUCT_TYPE)
                    .contains("Model designation NW-200")
                    .contains("Firmware version 4.2.1")
                    .contains("Batch 2025-W11-B")
                    .contains("Manufacturer Northwind Devices Ltd")
                    .contains("Manufacturer Shenzhen Brightlink Electronics Co., Ltd.")
                    .doesNotContain("Representative");
            // the standard with number, version and date, and the framework version the annex rows name
            assertThat(text)
                    .contains("Standard ETSI EN 303 645 V3.1.3 (2024-09)")
                    .contains("Framework assessed " + EN_FRAMEWORK)
                    .doesNotContain("names no edition");
            // the statement, the ICS and the 5.0-1 / 4-1 justification rule
            assertThat(text)
                    .contains("The manufacturer states that the product " + PRODUCT_TYPE + ", model NW-200, "
                            + "firmware version 4.2.1, batch 2025-W11-B, conforms to the edition of ETSI EN 303 645 "
                            + "identified in section 3")
                    .contains("The assessment followed the implementation conformance statement (ICS) pro forma "
                            + "in Annex B of the standard (Table B.1)")
                    .contains("As provision 5.0-1 requires (provision 4-1 in V2.1.1), every recommendation that "
                            + "is not met or not applicable has a recorded justification; each is given in "
                            + "section A.1 of the annex.")
                    .doesNotContainIgnoringCase("as follows");
            // support period, signatory, place and date
            assertThat(text)
                    .contains("The defined support period of the product ends on 31 December 2029.")
                    .contains("Signed for and on behalf of the manufacturer")
                    .contains("Name Eleanor Whitfield")
                    .contains("Function Head of Product Compliance")
                    .contains("Place of issue Southampton, United Kingdom")
                    .contains("Date of issue 14 March 2025");

            assertAnnex(content, raw, text);
            assertThat(text)
                    .contains(
                            "Statement of conformance " + DECLARATION_ID + " Page 1 of " + document.getNumberOfPages());
            assertThat(document.getDocumentInformation().getTitle())
                    .isEqualTo("Statement of Conformance: ETSI EN 303 645");
        }
    }

    @Test
    void en303645StatementWithoutStandardNamesTheVersionFromTheAnnex() throws IOException {
        DeclarationContent content = en303645(List.of());

        byte[] pdf = renderer.render(content);
        save(pdf, "declaration-en303645-nostandard-sample.pdf");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = flat(new PDFTextStripper().getText(document));
            assertThat(text)
                    .contains("The declaration data names no edition of the standard. The product was "
                            + "assessed against the framework versions below")
                    .contains("Framework assessed " + EN_FRAMEWORK)
                    .doesNotContain("Standard ETSI EN 303 645");
            // Named once, although every annex row carries it.
            assertThat(text.split("Framework assessed ", -1)).hasSize(2);
        }
    }

    /** A requirement not applicable has no verdict; the row must still print, with its justification. */
    @ParameterizedTest
    @ValueSource(strings = {"PSTI", "CRA", "EN303645"})
    void notApplicableRowWithoutVerdictRenders(String regime) throws IOException {
        DeclarationContent base = en303645(List.of(EN_V3));
        List<RequirementLine> rows = new ArrayList<>(base.requirements());
        rows.add(new RequirementLine(
                "Secure storage",
                EN_FRAMEWORK,
                "5.4-2",
                "Tamper-resistant per-device identity",
                "",
                "Not applicable: no hard-coded unique per-device identity is used for security (feature l)."));
        DeclarationContent content = new DeclarationContent(
                base.declarationId(),
                base.assessmentId(),
                regime,
                base.productType(),
                base.modelDesignation(),
                base.firmwareVersion(),
                base.batch(),
                base.manufacturers(),
                base.representatives(),
                base.supportPeriodEnd(),
                base.standards(),
                base.deemedCompliance(),
                base.signatoryName(),
                base.signatoryFunction(),
                base.placeOfIssue(),
                base.dateOfIssue(),
                rows,
                base.evidence());

        try (PDDocument document = Loader.loadPDF(renderer.render(content))) {
            String text = flat(new PDFTextStripper().getText(document));
            assertThat(text).contains("5.4-2").contains("no hard-coded unique per-device identity");
        }
    }

    private static void assertAnnex(DeclarationContent content, String raw, String text) {
        assertThat(text).contains("assessment " + ASSESSMENT_ID);
        for (RequirementLine requirement : content.requirements()) {
            assertThat(text).contains(requirement.requirementId());
        }
        for (EvidenceLine evidence : content.evidence()) {
            // Digests are printed on one line each, so a plain search finds every one.
            assertThat(raw).contains(evidence.sha256());
            assertThat(text.replace(" ", "")).contains(evidence.fileName());
        }
    }

    private static DeclarationContent cra(List<Standard> standards, List<ComplianceBasis> bases) {
        String[][] rows = {
            {"Risk-based design", "I.1", "Risk-appropriate cybersecurity", "PASS", ""},
            {
                "CRA I",
                "I.2a",
                "No known exploitable vulnerabilities",
                "PASS",
                "Vulnerability scan of firmware 5.0.3 against the SBOM shows no known exploitable vulnerability."
            },
            {"No universal default passwords", "I.2b", "Secure by default", "PASS", ""},
            {"Updates & support period", "I.2c", "Security updates", "PASS", ""},
            {"No universal default passwords", "I.2d", "Protection from unauthorised access", "PASS", ""},
            {"Secure comms", "I.2e", "Confidentiality", "PASS", ""},
            {"Integrity / secure boot", "I.2f", "Integrity", "PASS", ""},
            {"Personal data", "I.2g", "Data minimisation", "PASS", ""},
            {"Resilience", "I.2h", "Availability of essential functions", "PASS", ""},
            {"Resilience", "I.2i", "Limited impact on other devices and networks", "PASS", ""},
            {"Attack surface", "I.2j", "Limited attack surfaces", "PASS", ""},
            {"Attack surface", "I.2k", "Exploitation mitigation", "PASS", ""},
            {"Telemetry / logging", "I.2l", "Recording and monitoring", "PASS", ""},
            {"Data deletion", "I.2m", "Secure data removal and transfer", "PASS", ""},
            {"SBOM", "II.1", "Vulnerability and component inventory (SBOM)", "PASS", ""},
            {"Updates & support period", "II.2", "Remediation without delay", "PASS", ""},
            {"CRA II", "II.3", "Security testing and review", "PASS", ""},
            {"CRA II", "II.4", "Public disclosure of fixed vulnerabilities", "PASS", ""},
            {"Vulnerability reporting", "II.5", "Coordinated vulnerability disclosure policy", "PASS", ""},
            {"Vulnerability reporting", "II.6", "Vulnerability information sharing", "PASS", ""},
            {"Updates & support period", "II.7", "Secure update distribution", "PASS", ""},
            {"Updates & support period", "II.8", "Free, prompt security updates with advisories", "PASS", ""},
        };
        List<RequirementLine> requirements = new ArrayList<>();
        for (String[] row : rows) {
            requirements.add(new RequirementLine(row[0], CRA_FRAMEWORK, row[1], row[2], row[3], row[4]));
        }
        List<EvidenceLine> evidence = List.of(
                evidence("I.1", "cybersecurity-risk-assessment-NW-200_v2.pdf", 482_113),
                evidence("I.2a", "vulnerability-scan-5.0.3.json", 91_554),
                evidence("II.1", "sbom-cyclonedx-5.0.3.json", 233_870),
                evidence("II.5", "coordinated-vulnerability-disclosure-policy.pdf", 120_402),
                evidence("II.7", "update-signing-and-distribution-design.md", 18_230));
        return new DeclarationContent(
                DECLARATION_ID,
                ASSESSMENT_ID,
                "CRA",
                PRODUCT_TYPE,
                "NW-200",
                "5.0.3",
                "2028-W02-A",
                List.of(MANUFACTURER),
                List.of(EU_REPRESENTATIVE),
                LocalDate.of(2033, 1, 31),
                standards,
                bases,
                "Eleanor Whitfield",
                "Head of Product Compliance",
                "Southampton, United Kingdom",
                LocalDate.of(2028, 1, 14),
                requirements,
                evidence);
    }

    private static DeclarationContent en303645(List<Standard> standards) {
        String[][] rows = {
            {"EN 5.0", "5.0-1", "Justifications recorded", "PASS", ""},
            {"No universal default passwords", "5.1-1", "Unique or user-defined passwords", "PASS", ""},
            {
                "No universal default passwords",
                "5.1-2A",
                "Avoid passwords for machine-to-machine authentication",
                "FAIL",
                "Recommendation not met: the Zigbee bridge still authenticates to the hub with a "
                        + "per-device install code; certificate-based pairing is planned for firmware 5."
            },
            {"Vulnerability reporting", "5.2-1", "Vulnerability disclosure policy published", "PASS", ""},
            {"Updates & support period", "5.3-13", "Defined support period published", "PASS", ""},
            {
                "Updates & support period",
                "5.3-14",
                "Rationale for non-updatable devices",
                "",
                "Not applicable: all software components are updatable (condition 3 does not hold)."
            },
            {"Updates & support period", "5.3-16", "Model designation recognisable", "PASS", ""},
            {"Secure storage", "5.4-3", "No hard-coded critical security parameters", "PASS", ""},
            {"Secure comms", "5.5-1", "Best-practice cryptography in transit", "PASS", ""},
            {"Attack surface", "5.6-2", "Minimal unauthenticated disclosure", "PASS", ""},
            {"Data deletion", "5.11-1", "Simple erasure of user data", "PASS", ""},
            {"Input validation", "5.13-1A", "Validate user-interface input", "PASS", ""},
            {"Input validation", "5.13-1B", "Validate network input", "PASS", ""},
            {"Personal data", "6-1", "Information on personal data processing", "PASS", ""},
        };
        List<RequirementLine> requirements = new ArrayList<>();
        for (String[] row : rows) {
            requirements.add(new RequirementLine(row[0], EN_FRAMEWORK, row[1], row[2], row[3], row[4]));
        }
        List<EvidenceLine> evidence = List.of(
                evidence("5.0-1", "ics-table-b1-NW-200-4.2.1.csv", 14_872),
                evidence("5.1-1", "password-generation-design.md", 9_310),
                evidence("5.2-1", "vulnerability-disclosure-policy.pdf", 120_402),
                evidence("5.3-13", "support-period-publication-screenshot.png", 310_775),
                evidence("5.5-1", "tls-configuration-scan.json", 44_018),
                evidence("6-1", "privacy-notice-2025-03.pdf", 88_901));
        return new DeclarationContent(
                DECLARATION_ID,
                ASSESSMENT_ID,
                "EN303645",
                PRODUCT_TYPE,
                "NW-200",
                "4.2.1",
                "2025-W11-B",
                List.of(
                        MANUFACTURER,
                        new Party(
                                "Shenzhen Brightlink Electronics Co., Ltd.",
                                "Building 7, Keyuan Road\nNanshan District\nShenzhen 518057\nChina")),
                List.of(),
                LocalDate.of(2029, 12, 31),
                standards,
                List.of(),
                "Eleanor Whitfield",
                "Head of Product Compliance",
                "Southampton, United Kingdom",
                LocalDate.of(2025, 3, 14),
                requirements,
                evidence);
    }

    private static EvidenceLine evidence(String requirementId, String fileName, long size) {
        return new EvidenceLine(requirementId, fileName, sha256(fileName), size);
    }

    private static void save(byte[] pdf, String name) throws IOException {
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", name), pdf);
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).toList();
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
