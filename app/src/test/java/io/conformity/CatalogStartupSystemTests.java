package io.conformity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;

import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.Fixtures;
import io.conformity.support.TestInstallation;

/**
 * The real application refuses to start on a broken catalog, naming the file and the place, and refuses a
 * framework version whose file changed since it was first loaded. Each case starts on a copy of the shipped
 * catalog in a {@code file:} folder, as an operator would configure it.
 */
class CatalogStartupSystemTests {

    @Test
    void aBadStatusStopsStartUpWithFileAndLine() throws IOException {
        Path catalog = copyOfShippedCatalog();
        Path file = catalog.resolve("frameworks/etsi-en-303-645-v3.1.3.json");
        String text = Files.readString(file);
        String broken = text.replaceFirst("\"status\": \"M F \\(a\\)\"", "\"status\": \"M X (a)\"");
        assertThat(broken).isNotEqualTo(text);
        Files.writeString(file, broken);
        int line = (int) text.substring(0, text.indexOf("\"M F (a)\"")).lines().count();

        assertThatThrownBy(() -> start(catalog, TestInstallation.newDataDirectory("bad-catalog-"))
                        .close())
                .rootCause()
                .hasMessageContaining("etsi-en-303-645-v3.1.3.json")
                .hasMessageContaining("line " + line)
                .hasMessageContaining("/status");
    }

    @Test
    void aDanglingCrosswalkIdStopsStartUp() throws IOException {
        Path catalog = copyOfShippedCatalog();
        Path file = catalog.resolve("crosswalks/consumer-iot.json");
        Files.writeString(file, Files.readString(file).replaceFirst("\"5.1-2A\"", "\"5.1-9Z\""));

        assertThatThrownBy(() -> start(catalog, TestInstallation.newDataDirectory("bad-crosswalk-"))
                        .close())
                .rootCause()
                .hasMessageContaining("consumer-iot.json")
                .hasMessageContaining("unknown requirement urn:etsi:en:303645:V3.1.3#5.1-9Z");
    }

    @Test
    void aLoadedVersionIsNeverEditedInPlace() throws IOException {
        Path catalog = copyOfShippedCatalog();
        Path data = TestInstallation.newDataDirectory("fingerprint-");
        start(catalog, data).close();

        Path file = catalog.resolve("frameworks/uk-cop-iot-2018.json");
        Files.writeString(
                file, Files.readString(file).replace("No default passwords", "No universal default passwords"));
        assertThatThrownBy(() -> start(catalog, data).close())
                .hasMessageContaining("urn:conformity:framework:uk-cop-iot 2018 changed since it was first loaded")
                .hasMessageContaining("new version");
    }

    @Test
    void aRegimeFileIsNeverEditedInPlaceEither() throws IOException {
        Path catalog = copyOfShippedCatalog();
        Path data = TestInstallation.newDataDirectory("fingerprint-regime-");
        start(catalog, data).close();

        // Which requirements a regime brings into scope is part of what opened assessments rest on.
        Path file = catalog.resolve("regimes/psti.json");
        Files.writeString(file, Files.readString(file).replace("\"5.3-13\"", "\"5.3-12\""));
        assertThatThrownBy(() -> start(catalog, data).close())
                .hasMessageContaining("urn:conformity:regime:PSTI 1 changed since it was first loaded");
    }

    @Test
    void aNewRegimeVersionBetweenOpeningAndApprovalLeavesTheAnnexAsAssessed() throws IOException {
        Path catalog = copyOfShippedCatalog();
        Path data = TestInstallation.newDataDirectory("regime-change-");
        String assessmentId;
        Credentials signatory;
        try (ConfigurableApplicationContext before = start(catalog, data)) {
            ApiClient api = new ApiClient(port(before));
            Fixtures fixtures = new Fixtures(api);
            Credentials engineer = fixtures.user("eng", "Eve Engineer", "Engineer", "ENGINEER");
            fixtures.team(engineer);
            Credentials officer = fixtures.user("off", "Oscar Officer", "Officer", "COMPLIANCE_OFFICER");
            fixtures.team(officer);
            signatory = fixtures.user("sig", "Sid Signatory", "Director", "SIGNATORY");
            fixtures.team(signatory);
            assessmentId = fixtures.openAssessment(officer, fixtures.release(officer))
                    .get("id")
                    .asText();
            fixtures.completeAllPrinciples(engineer, officer, assessmentId, "PASS");
        }

        // PSTI version 2 no longer brings 5.3-13 into scope: a new version, as the catalog requires, not an edit.
        Path file = catalog.resolve("regimes/psti.json");
        String edited = Files.readString(file)
                .replace("\"version\": \"1\"", "\"version\": \"2\"")
                .replace("\"5.2-1\", \"5.3-13\"]", "\"5.2-1\"]")
                .replace(
                        "ETSI EN 303 645 V2.1.1 provision 5.2-1\"",
                        "ETSI EN 303 645 V2.1.1 provision 5.2-1 (wording of version 2)\"");
        assertThat(edited).doesNotContain("\"5.2-1\", \"5.3-13\"]");
        Files.writeString(file, edited);

        try (ConfigurableApplicationContext after = start(catalog, data)) {
            ApiClient api = new ApiClient(port(after));
            Fixtures fixtures = new Fixtures(api);
            JsonNode declaration = fixtures.approveAndAwaitDeclaration(signatory, assessmentId);
            byte[] pdf = api.get(
                            signatory,
                            "/api/v1/declarations/" + declaration.get("id").asText() + "/pdf")
                    .expect(200)
                    .body();
            String annex;
            try (PDDocument document = Loader.loadPDF(pdf)) {
                annex = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            }
            // The annex and the statement say what was assessed, as recorded at opening...
            assertThat(annex).contains("5.3-13").doesNotContain("wording of version 2");
            // ...although a new assessment under the new version would leave it out.
            Credentials officer = fixtures.user("off", "Oscar Officer", "Officer", "COMPLIANCE_OFFICER");
            fixtures.team(officer);
            JsonNode reopened = fixtures.openAssessment(officer, fixtures.release(officer));
            assertThat(reopened.get("requirements").findValuesAsText("requirementId"))
                    .contains("5.2-1")
                    .doesNotContain("5.3-13");
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static ConfigurableApplicationContext start(Path catalog, Path data) {
        Map<String, String> args = new HashMap<>();
        args.put("server.port", "0");
        args.put("conformity.data-dir", data.toString());
        args.put("conformity.catalog.location", catalog.toUri().toString());
        args.put("conformity.identity.initial-admin.password", TestInstallation.ADMIN_PASSWORD);
        return new SpringApplicationBuilder(ConformityApplication.class)
                .run(args.entrySet().stream()
                        .map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }

    private static Path copyOfShippedCatalog() throws IOException {
        Path target = TestInstallation.newDataDirectory("catalog-");
        for (Resource resource : new PathMatchingResourcePatternResolver()
                .getResources("classpath:conformity/evidence-schema/**/*.json")) {
            String path = resource.getURL().getPath();
            String relative = path.substring(
                    path.indexOf("conformity/evidence-schema/") + "conformity/evidence-schema/".length());
            Path copy = target.resolve(relative);
            Files.createDirectories(copy.getParent());
            try (InputStream in = resource.getInputStream()) {
                Files.copy(in, copy);
            }
        }
        return target;
    }
}
