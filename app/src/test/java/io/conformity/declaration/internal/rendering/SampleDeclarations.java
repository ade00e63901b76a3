package io.conformity.declaration.internal.rendering;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

import io.conformity.declaration.DeclarationContent;
import io.conformity.declaration.DeclarationContent.ComplianceBasis;
import io.conformity.declaration.DeclarationContent.EvidenceLine;
import io.conformity.declaration.DeclarationContent.Party;
import io.conformity.declaration.DeclarationContent.RequirementLine;
import io.conformity.declaration.DeclarationContent.Standard;
import io.conformity.declaration.DeclarationProperties;

/** Realistic declarations of each regime, and the renderer over the shipped templates and fonts. */
public final class SampleDeclarations {

    public static final UUID DECLARATION_ID = UUID.fromString("5b0e7c2d-91a4-4f3e-b6d8-0c2f4e6a8b13");
    public static final UUID ASSESSMENT_ID = UUID.fromString("c4e8a1b2-3d5f-4a6b-9c7d-8e0f1a2b3c4d");
    public static final String PRODUCT_TYPE = "Northwind SmartHub Model NW-200 (smart home hub)";
    public static final Party MANUFACTURER = new Party(
            "Northwind Devices Ltd", "Unit 4, Harbour Park\nOcean Way\nSouthampton\nSO14 3XY\nUnited Kingdom");
    public static final Party SECOND_MANUFACTURER = new Party(
            "Shenzhen Brightlink Electronics Co., Ltd.",
            "Building 7, Keyuan Road\nNanshan District\nShenzhen 518057\nChina");
    public static final Party UK_REPRESENTATIVE =
            new Party("Compliance Partners UK LLP", "20 Bank Street\nLondon\nE14 4AD\nUnited Kingdom");
    public static final Party EU_REPRESENTATIVE =
            new Party("Compliance Partners Europe B.V.", "Keizersgracht 214\n1016 DZ Amsterdam\nNetherlands");
    public static final Standard EN_V2 = new Standard("ETSI EN 303 645", "V2.1.1", "2020-06");
    public static final Standard EN_V3 = new Standard("ETSI EN 303 645", "V3.1.3", "2024-09");
    public static final String EN_FRAMEWORK = "ETSI EN 303 645 V3.1.3";
    public static final String CRA_FRAMEWORK = "Regulation (EU) 2024/2847 (Cyber Resilience Act), Annex I";

    private SampleDeclarations() {}

    public static DeclarationProperties properties() {
        return new DeclarationProperties(
                new ClassPathResource("conformity/templates/"),
                List.of(
                        "fonts/DejaVuSans.ttf",
                        "fonts/DejaVuSans-Bold.ttf",
                        "fonts/DejaVuSansMono.ttf",
                        "fonts/DroidSansFallback.ttf"),
                "https://conformity.example/api/v1/register/{id}",
                new DeclarationProperties.Verification(DataSize.ofMegabytes(20), 30));
    }

    /** Loading the CJK face takes a moment: one per test JVM. */
    public static final DeclarationFonts FONTS = new DeclarationFonts(properties());

    public static DeclarationRenderer renderer() {
        return new DeclarationRenderer(properties(), FONTS);
    }

    public static DeclarationContent psti(int requirements, int evidence) {
        return content(
                "PSTI",
                List.of(MANUFACTURER, SECOND_MANUFACTURER),
                List.of(UK_REPRESENTATIVE),
                List.of(EN_V2),
                List.of(
                        new ComplianceBasis("Para 1 Passwords", "ETSI EN 303 645 V2.1.1 provisions 5.1-1 and 5.1-2"),
                        new ComplianceBasis(
                                "Para 2 Information on how to report security issues",
                                "ETSI EN 303 645 V2.1.1 provision 5.2-1"),
                        new ComplianceBasis(
                                "Para 3 Information on minimum security update periods",
                                "ETSI EN 303 645 V2.1.1 provisions 5.3-13 and 5.3-16")),
                rows(requirements, EN_FRAMEWORK),
                files(evidence));
    }

    /** A Wi-Fi router, an important product of class I, assessed by a notified body (modules B and C). */
    public static DeclarationContent cra(int requirements, int evidence) {
        DeclarationContent content = content(
                "CRA",
                List.of(MANUFACTURER),
                List.of(EU_REPRESENTATIVE),
                List.of(),
                List.of(),
                rows(requirements, CRA_FRAMEWORK),
                files(evidence));
        return withCra(
                content,
                new DeclarationContent.CraConformity(
                        "IMPORTANT_CLASS_I",
                        "Important product with digital elements, class I (Annex III)",
                        "Annex III, class I, item 12: Routers, modems and switches",
                        "EU-type examination (module B) and conformity to type (module C)",
                        "TÜV Example Cert GmbH",
                        "0123",
                        "EUTE-2025-0042",
                        LocalDate.of(2025, 2, 20),
                        List.of("EN 18031-1:2024 (harmonised standard, applied in part)")));
    }

    public static DeclarationContent withCra(DeclarationContent c, DeclarationContent.CraConformity cra) {
        return with(c, cra, c.supportPeriodEndAtFirstSupply());
    }

    public static DeclarationContent withEndAtFirstSupply(DeclarationContent c, LocalDate end) {
        return with(c, c.craConformity(), end);
    }

    private static DeclarationContent with(
            DeclarationContent c, DeclarationContent.CraConformity cra, LocalDate endAtFirstSupply) {
        return new DeclarationContent(
                c.declarationId(),
                c.assessmentId(),
                c.regime(),
                c.productType(),
                c.modelDesignation(),
                c.firmwareVersion(),
                c.batch(),
                c.manufacturers(),
                c.representatives(),
                c.supportPeriodEnd(),
                c.standards(),
                c.deemedCompliance(),
                c.signatoryName(),
                c.signatoryFunction(),
                c.placeOfIssue(),
                c.dateOfIssue(),
                c.requirements(),
                c.evidence(),
                cra,
                endAtFirstSupply,
                c.auditHead());
    }

    public static DeclarationContent en303645(int requirements, int evidence) {
        return content(
                "EN303645",
                List.of(MANUFACTURER),
                List.of(),
                List.of(EN_V3),
                List.of(),
                rows(requirements, EN_FRAMEWORK),
                files(evidence));
    }

    public static DeclarationContent content(
            String regime,
            List<Party> manufacturers,
            List<Party> representatives,
            List<Standard> standards,
            List<ComplianceBasis> bases,
            List<RequirementLine> requirements,
            List<EvidenceLine> evidence) {
        return new DeclarationContent(
                DECLARATION_ID,
                ASSESSMENT_ID,
                regime,
                PRODUCT_TYPE,
                "NW-200",
                "4.2.1",
                "2025-W11-B",
                manufacturers,
                representatives,
                LocalDate.of(2029, 12, 31),
                standards,
                bases,
                "Eleanor Whitfield",
                "Head of Product Compliance",
                "Southampton, United Kingdom",
                LocalDate.of(2025, 3, 14),
                requirements,
                evidence,
                null,
                LocalDate.of(2029, 12, 31),
                new DeclarationContent.AuditHead(41, "9f2c".repeat(16)));
    }

    public static List<RequirementLine> rows(int count, String framework) {
        List<RequirementLine> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean notApplicable = i % 7 == 3;
            rows.add(new RequirementLine(
                    "Principle " + (i / 5 + 1),
                    framework,
                    "5." + (i / 5 + 1) + "-" + (i % 5 + 1),
                    "Requirement title number " + (i + 1) + " describing what is required of the product",
                    notApplicable ? "N/A" : "PASS",
                    notApplicable ? "Not applicable: the product has no such interface (condition " + i + ")." : ""));
        }
        return rows;
    }

    public static List<EvidenceLine> files(int count) {
        List<EvidenceLine> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "evidence-file-" + (i + 1) + (i % 3 == 0 ? "-nmap-scan-of-the-hub.xml" : ".pdf");
            // Every second file carried over from the previous release's assessment (re-certification).
            files.add(new EvidenceLine(
                    "5." + (i % 13 + 1) + "-1", name, sha256(name), 1_000L + 7_919L * i, i % 2 == 1 ? "2.4.0" : null));
        }
        return files;
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
