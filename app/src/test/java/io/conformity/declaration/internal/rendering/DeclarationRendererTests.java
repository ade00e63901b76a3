package io.conformity.declaration.internal.rendering;

import static io.conformity.declaration.internal.rendering.SampleDeclarations.DECLARATION_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

import io.conformity.declaration.DeclarationContent;
import io.conformity.declaration.DeclarationContent.ComplianceBasis;
import io.conformity.declaration.DeclarationContent.EvidenceLine;
import io.conformity.declaration.DeclarationContent.Party;
import io.conformity.declaration.DeclarationContent.RequirementLine;
import io.conformity.declaration.DeclarationProperties;

/**
 * The shipped templates rendered with realistic content and read back with PDFBox's text extraction: every element
 * the law asks of each declaration is checked by its wording and values.
 */
class DeclarationRendererTests {

    private final DeclarationRenderer renderer = SampleDeclarations.renderer();

    @Test
    void pstiStatementStatesEveryScheduleFourItemAndEveryDigest() throws IOException {
        DeclarationContent content = SampleDeclarations.psti(40, 30);

        byte[] pdf = save(renderer.render(content), "declaration-psti.pdf");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String raw = new PDFTextStripper().getText(document);
            // A long line may break after a hyphen (5.3-13): join those for the search.
            String text = flat(raw).replace("- ", "-");
            // (a) product type and batch
            assertThat(text)
                    .contains("Product type Northwind SmartHub Model NW-200 (smart home hub)")
                    .contains("Batch 2025-W11-B")
                    .contains("Firmware version 4.2.1");
            // (b) each manufacturer and authorised representative, with every address line
            assertThat(text)
                    .contains("Manufacturer 1 Northwind Devices Ltd")
                    .contains("Manufacturer 2 Shenzhen Brightlink Electronics Co., Ltd.")
                    .contains("Authorised representative Compliance Partners UK LLP");
            List<Party> parties = new ArrayList<>(content.manufacturers());
            parties.addAll(content.representatives());
            for (Party party : parties) {
                assertThat(raw).contains(party.address().lines().toList());
            }
            // (c) and (d)
            assertThat(text)
                    .contains("This statement of compliance has been prepared by or on behalf of the manufacturer.")
                    .contains("In the opinion of the manufacturer, the product Northwind SmartHub Model NW-200 "
                            + "(smart home hub), batch 2025-W11-B, has complied with the applicable security "
                            + "requirements in Schedule 1");
            for (ComplianceBasis basis : content.deemedCompliance()) {
                assertThat(text).contains(basis.requirement() + ": " + basis.route());
            }
            // para 1(2): number, version and date of issue of each standard
            assertThat(text).contains("ETSI EN 303 645 V2.1.1 (2020-06)");
            // (e), (f), (g)
            assertThat(text)
                    .contains("ends on 31 December 2029")
                    .contains("Signed for and on behalf of the manufacturer")
                    .contains("Name Eleanor Whitfield")
                    .contains("Function Head of Product Compliance")
                    .contains("Place of issue Southampton, United Kingdom")
                    .contains("Date of issue 14 March 2025");
            // verification id and URL
            assertThat(text)
                    .contains("Register id: " + DECLARATION_ID)
                    .contains("https://conformity.example/api/v1/register/" + DECLARATION_ID);
            assertAnnex(content, raw, text);
            assertThat(text).contains("Statement of compliance " + DECLARATION_ID);
            assertThat(text).contains("Page 1 of " + document.getNumberOfPages());

            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Statement of Compliance");
            assertThat(document.getDocumentInformation().getProducer()).isEqualTo("Conformity");
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
            for (var page : document.getPages()) {
                for (var fontName : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(fontName);
                    assertThat(font).isInstanceOf(PDType0Font.class);
                    assertThat(font.isEmbedded()).isTrue();
                }
            }
        }
    }

    @Test
    void pstiStatesTheSupportPeriodAsAtFirstSupplyAndAnExtensionSince() throws IOException {
        DeclarationContent content =
                SampleDeclarations.withEndAtFirstSupply(SampleDeclarations.psti(3, 1), LocalDate.of(2028, 6, 30));

        try (PDDocument document = Loader.loadPDF(renderer.render(content))) {
            assertThat(flat(new PDFTextStripper().getText(document)))
                    .contains("as it stood when the manufacturer first supplied the product, ends on 30 June 2028")
                    .contains("The manufacturer has since extended it: it now ends on 31 December 2029.");
        }
    }

    @Test
    void craDeclarationStatesTheEightAnnexVElementsInOrder() throws IOException {
        DeclarationContent content = SampleDeclarations.cra(22, 5);

        byte[] pdf = save(renderer.render(content), "declaration-cra.pdf");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String raw = new PDFTextStripper().getText(document);
            // A long line may break after a hyphen (NW-200, the reference): join those for the search.
            String text = flat(raw).replace("- ", "-");
            assertThat(text)
                    .containsSubsequence(
                            "EU Declaration of Conformity",
                            "Regulation (EU) 2024/2847",
                            "1. Product",
                            "Product name and type Northwind SmartHub Model NW-200 (smart home hub)",
                            "Model designation NW-200",
                            "Firmware version 4.2.1",
                            "Batch 2025-W11-B",
                            "Category Important product with digital elements, class I (Annex III)",
                            "Listed as Annex III, class I, item 12: Routers, modems and switches",
                            "2. Manufacturer and authorised representative",
                            "Manufacturer Northwind Devices Ltd",
                            "Authorised representative Compliance Partners Europe B.V.",
                            "3. Responsibility",
                            "issued under the sole responsibility of the manufacturer",
                            "4. Object of the declaration",
                            "The object of this declaration is Northwind SmartHub Model NW-200 (smart home hub), model "
                                    + "NW-200, firmware version 4.2.1, batch 2025-W11-B",
                            "5. Conformity",
                            "in conformity with the relevant Union harmonisation legislation: Regulation (EU) 2024/2847",
                            "6. Harmonised standards, common specifications and cybersecurity certifications",
                            "EN 18031-1:2024 (harmonised standard, applied in part)",
                            "7. Conformity assessment procedure and notified body",
                            "Procedure EU-type examination (module B) and conformity to type (module C)",
                            "Notified body TÜV Example Cert GmbH, number 0123",
                            "Certificate EUTE-2025-0042 of 20 February 2025",
                            "8. Additional information",
                            "Support period ends 31 December 2029",
                            "Signed for and on behalf of Northwind Devices Ltd",
                            "Place of issue Southampton, United Kingdom",
                            "Date of issue 14 March 2025",
                            "Name Eleanor Whitfield",
                            "Function Head of Product Compliance");
            assertAnnex(content, raw, text);
        }
    }

    @Test
    void en303645StatementCitesTheStandardWithItsVersionAndTheIcs() throws IOException {
        DeclarationContent content = SampleDeclarations.en303645(14, 6);

        byte[] pdf = save(renderer.render(content), "declaration-en303645.pdf");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String raw = new PDFTextStripper().getText(document);
            String text = flat(raw);
            assertThat(text)
                    .contains("Standard ETSI EN 303 645 V3.1.3 (2024-09)")
                    .contains("Framework assessed ETSI EN 303 645 V3.1.3")
                    .contains("implementation conformance statement (ICS) pro forma in Annex B")
                    .contains("every recommendation that is not met or not applicable has a recorded justification")
                    .contains("The defined support period of the product ends on 31 December 2029")
                    .contains("it is not a declaration of conformity under any legislation");
            assertAnnex(content, raw, text);
        }
    }

    @Test
    void namesInHebrewArabicAndChineseReadBackAsEntered() throws IOException {
        String hebrew = "מכשירים חכמים בע\"מ";
        String arabic = "شركة الأجهزة الذكية";
        String chinese = "深圳市明联电子有限公司";
        DeclarationContent content = SampleDeclarations.content(
                "PSTI",
                List.of(
                        new Party(hebrew, "רחוב הרצל 12\nתל אביב"),
                        new Party(arabic, "شارع الملك فهد\nالرياض"),
                        new Party(chinese, "南山区科苑路7号\n深圳 518057")),
                List.of(),
                List.of(SampleDeclarations.EN_V2),
                List.of(),
                SampleDeclarations.rows(3, SampleDeclarations.EN_FRAMEWORK),
                SampleDeclarations.files(2));

        byte[] pdf = save(renderer.render(content), "declaration-scripts.pdf");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            // Text extraction applies the bidi algorithm and undoes Arabic shaping: what comes back is the logical
            // order a person typed, so the drawn glyphs were in the right visual order.
            assertThat(text)
                    .contains(hebrew)
                    .contains(arabic)
                    .contains(chinese)
                    // PDFBox's extraction moves European digits inside a right-to-left run (the drawing has them
                    // where a reader expects them), so the address is checked by its words.
                    .contains("רחוב הרצל")
                    .contains("תל אביב")
                    .contains("شارع الملك فهد")
                    .contains("南山区科苑路7号")
                    .doesNotContain("\uFFFD");
        }
        assertThat(SampleDeclarations.FONTS.firstUnprintable(hebrew + arabic + chinese))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PSTI", "CRA"})
    void carriesItsJsonTwinAsAnAssociatedFileValidAgainstTheSchema(String regime) throws IOException {
        DeclarationContent content =
                regime.equals("CRA") ? SampleDeclarations.cra(12, 7) : SampleDeclarations.psti(12, 7);

        byte[] pdf = renderer.render(content);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            COSArray associated = document.getDocumentCatalog().getCOSObject().getCOSArray(COSName.getPDFName("AF"));
            assertThat(associated).isNotNull();
            assertThat(associated.size()).isEqualTo(1);
            var spec = document.getDocumentCatalog()
                    .getNames()
                    .getEmbeddedFiles()
                    .getNames()
                    .get("declaration.json");
            assertThat(spec.getCOSObject().getNameAsString(COSName.getPDFName("AFRelationship")))
                    .isEqualTo("Data");
            assertThat(associated.getObject(0)).isSameAs(spec.getCOSObject());
            PDComplexFileSpecification file = spec;
            assertThat(file.getEmbeddedFile().getSubtype()).isEqualTo("application/json");
            byte[] json = file.getEmbeddedFile().toByteArray();

            JsonNode twin = new ObjectMapper().readTree(json);
            List<Error> errors = SchemaRegistry.withDialect(Dialects.getDraft202012())
                    .getSchema(
                            SchemaLocation.of("classpath:conformity/evidence-schema/schemas/declaration.schema.json"))
                    .validate(new String(json, StandardCharsets.UTF_8), InputFormat.JSON);
            assertThat(errors).isEmpty();

            String text = flat(new PDFTextStripper().getText(document));
            assertThat(twin.get("declarationId").asText()).isEqualTo(DECLARATION_ID.toString());
            assertThat(text).contains(twin.get("productType").asText());
            assertThat(text).contains("Batch " + twin.get("batch").asText());
            assertThat(text)
                    .contains("Place of issue " + twin.get("placeOfIssue").asText());
            assertThat(twin.get("supportPeriodEnd").asText()).isEqualTo("2029-12-31");
            assertThat(text).contains(twin.get("verificationUrl").asText());
            assertThat(twin.get("evidence")).hasSize(content.evidence().size());
            for (JsonNode evidence : twin.get("evidence")) {
                assertThat(text).contains(evidence.get("sha256").asText());
            }
            if (content.craConformity() != null) {
                assertThat(text).contains(twin.at("/craConformity/procedure").asText());
                assertThat(text)
                        .contains(twin.at("/craConformity/notifiedBodyName").asText());
            }
            for (JsonNode requirement : twin.get("requirements")) {
                assertThat(text).contains(requirement.get("requirementId").asText());
            }
        }
    }

    @Test
    void annexTablesRepeatTheirHeaderOnEveryPageAndTheSignatureBlockIsNotSplit() throws IOException {
        DeclarationContent content = SampleDeclarations.psti(78, 200);

        byte[] pdf = save(renderer.render(content), "declaration-long.pdf");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(6);
            PDFTextStripper stripper = new PDFTextStripper();
            int pagesWithRows = 0;
            for (int page = 1; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = flat(stripper.getText(document));
                if (text.contains("Place of issue")) {
                    assertThat(text)
                            .contains(
                                    "Date of issue",
                                    "Signed for and on behalf of the manufacturer",
                                    "Name Eleanor Whitfield",
                                    "Function Head of Product Compliance");
                }
                if (text.contains("Requirement title number")) {
                    pagesWithRows++;
                    assertThat(text).contains("Principle Framework Requirement Title Verdict Justification");
                }
                if (text.contains("-nmap-scan-of-the-hub.xml")) {
                    assertThat(text).contains("Requirement File SHA-256 Size (bytes)");
                }
            }
            assertThat(pagesWithRows).isGreaterThan(1);
        }
    }

    @Test
    void anOperatorEditsTheWordingInAFileFolderWithoutRebuilding(@TempDir Path folder) throws IOException {
        copyTemplates(folder);
        Path psti = folder.resolve("psti-declaration.html");
        Files.writeString(
                psti,
                Files.readString(psti)
                        .replace(
                                "<h2>4. Standards</h2>",
                                "<h2>4. Standards</h2><p>Wording edited by the operator.</p>"));
        DeclarationRenderer edited = new DeclarationRenderer(
                new DeclarationProperties(
                        new FileSystemResource(folder.toFile()),
                        SampleDeclarations.properties().fonts(),
                        "https://conformity.example/api/v1/register/{id}",
                        SampleDeclarations.properties().verification()),
                SampleDeclarations.FONTS);

        try (PDDocument document = Loader.loadPDF(edited.render(SampleDeclarations.psti(3, 1)))) {
            assertThat(new PDFTextStripper().getText(document)).contains("Wording edited by the operator.");
        }
    }

    @Test
    void aTemplateCannotReadFilesOutsideItsFolder(@TempDir Path folder) throws IOException {
        copyTemplates(folder);
        Path secret = Files.writeString(folder.getParent().resolve("secret.css"), "body { color: red; }");
        Path psti = folder.resolve("psti-declaration.html");
        Files.writeString(
                psti,
                Files.readString(psti)
                        .replace(
                                "<link rel=\"stylesheet\" href=\"declaration.css\"/>",
                                "<link rel=\"stylesheet\" href=\"declaration.css\"/>"
                                        + "<link rel=\"stylesheet\" href=\"" + secret.toUri() + "\"/>"
                                        + "<link rel=\"stylesheet\" href=\"../secret.css\"/>")
                        .replace(
                                "<h2>4. Standards</h2>",
                                "<h2>4. Standards</h2><img src=\"" + secret.toUri() + "\" alt=\"x\"/>"));
        List<String> requested = new ArrayList<>();
        DeclarationRenderer edited = new DeclarationRenderer(
                new DeclarationProperties(
                        new FileSystemResource(folder.toFile()) {
                            @Override
                            public Resource createRelative(String relativePath) {
                                requested.add(relativePath);
                                return super.createRelative(relativePath);
                            }
                        },
                        SampleDeclarations.properties().fonts(),
                        "https://conformity.example/api/v1/register/{id}",
                        SampleDeclarations.properties().verification()),
                SampleDeclarations.FONTS);

        assertThat(edited.render(SampleDeclarations.psti(3, 1))).isNotEmpty();
        assertThat(requested).noneMatch(path -> path.contains("secret"));
    }

    @Test
    void aRegimeWithoutTemplateIsReportedByName() {
        DeclarationContent content = SampleDeclarations.content(
                "RED", List.of(SampleDeclarations.MANUFACTURER), List.of(), List.of(), List.of(), List.of(), List.of());

        assertThatThrownBy(() -> renderer.render(content))
                .isInstanceOf(DeclarationTemplateException.class)
                .hasMessageContaining("red-declaration");
    }

    private static void assertAnnex(DeclarationContent content, String raw, String text) {
        assertThat(text).contains("assessment " + SampleDeclarations.ASSESSMENT_ID);
        for (RequirementLine requirement : content.requirements()) {
            assertThat(text).contains(requirement.requirementId());
        }
        for (EvidenceLine evidence : content.evidence()) {
            // Digests are printed on one line each, so a plain search finds every one.
            assertThat(raw).contains(evidence.sha256());
            assertThat(text.replace(" ", "")).contains(evidence.fileName());
        }
        if (content.evidence().stream().anyMatch(e -> e.carriedFrom() != null)) {
            assertThat(text.replaceAll("\\s+", "")).contains("carriedoverunchangedfromtheassessmentoffirmware2.4.0");
        }
    }

    private static void copyTemplates(Path folder) throws IOException {
        Path shipped = Path.of("../templates");
        try (var files = Files.walk(shipped)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = folder.resolve(shipped.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    private static byte[] save(byte[] pdf, String name) throws IOException {
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", name), pdf);
        return pdf;
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
