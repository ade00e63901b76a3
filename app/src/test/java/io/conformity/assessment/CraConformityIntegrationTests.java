package io.conformity.assessment;

import static io.conformity.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.CraFixtures;
import io.conformity.support.Fixtures;

/**
 * The CRA category of a product, the conformity route of its CRA assessment (Article 32) and the support-period
 * rules, over HTTP on the real engine and database.
 */
@ConformityIntegrationTest
class CraConformityIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    Fixtures fixtures;
    CraFixtures cra;

    @Autowired
    DataSource dataSource;

    Credentials engineer;
    Credentials officer;
    Credentials signatory;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixtures = new Fixtures(api);
        cra = new CraFixtures(api, fixtures);
        engineer = fixtures.user("eng", "Eve Engineer", "Engineer", "ENGINEER");
        fixtures.team(engineer);
        officer = fixtures.user("off", "Oscar Officer", "Officer", "COMPLIANCE_OFFICER");
        fixtures.team(officer);
        signatory = fixtures.user("sig", "Sid Signatory", "Director", "SIGNATORY");
        fixtures.team(signatory);
    }

    // --- The category

    @Test
    void theCategoryAndAnnexItemAreRecordedAndReturned() {
        JsonNode router = cra.create(officer, cra.router(officer));
        assertThat(router.get("craCategory").asText()).isEqualTo("IMPORTANT_CLASS_I");
        assertThat(router.at("/craAnnexItem/number").asInt()).isEqualTo(12);
        assertThat(router.at("/craAnnexItem/label").asText()).isEqualTo("Routers, modems and switches");
        JsonNode read = api.get(officer, "/api/v1/products/" + router.get("id").asText())
                .expect(200)
                .json();
        assertThat(read.get("craCategory").asText()).isEqualTo("IMPORTANT_CLASS_I");
        assertThat(read.at("/craAnnexItem/label").asText()).isEqualTo("Routers, modems and switches");

        JsonNode plain = cra.create(officer, cra.product(officer, "smart plug", "2031-01-31"));
        assertThat(plain.get("craCategory").asText()).isEqualTo("DEFAULT");
        assertThat(plain.get("craAnnexItem").isNull()).isTrue();

        JsonNode reclassified = api.put(
                        officer,
                        "/api/v1/products/" + plain.get("id").asText() + "/cra-category",
                        Map.of(
                                "craCategory",
                                "IMPORTANT_CLASS_II",
                                "craAnnexItem",
                                Map.of("label", "Tamper-resistant microcontrollers")))
                .expect(200)
                .json();
        assertThat(reclassified.get("craCategory").asText()).isEqualTo("IMPORTANT_CLASS_II");
        assertThat(reclassified.at("/craAnnexItem/number").isNull()).isTrue();
    }

    @Test
    void aListedCategoryWithoutItsAnnexItemIsRefusedAtTheField() {
        Map<String, Object> router = cra.router(officer);
        router.remove("craAnnexItem");
        assertPointer(api.post(officer, "/api/v1/products", router), "/craAnnexItem");

        Map<String, Object> blankLabel = cra.router(officer);
        blankLabel.put("craAnnexItem", Map.of("number", 12, "label", " "));
        assertPointer(api.post(officer, "/api/v1/products", blankLabel), "/craAnnexItem/label");

        String plain = cra.create(officer, cra.product(officer, "smart plug", "2031-01-31"))
                .get("id")
                .asText();
        assertPointer(
                api.put(officer, "/api/v1/products/" + plain + "/cra-category", Map.of("craCategory", "CRITICAL")),
                "/craAnnexItem");
        assertThat(api.get(officer, "/api/v1/products/" + plain)
                        .json()
                        .get("craCategory")
                        .asText())
                .isEqualTo("DEFAULT");
    }

    // --- The conformity route

    @Test
    void moduleAForAClassIRouterWithoutAStandardAppliedInFullIsRefusedAtApproval() {
        String productId = cra.create(officer, cra.router(officer)).get("id").asText();
        JsonNode assessment = cra.openCra(officer, productId);
        String assessmentId = assessment.get("id").asText();
        assertThat(assessment.get("conformityRoute").isNull())
                .as("a listed product starts without a route")
                .isTrue();
        cra.readyForApproval(engineer, officer, assessmentId);

        JsonNode noRoute = assertProblem(cra.approve(signatory, assessmentId), 409);
        assertThat(noRoute.get("type").asText()).isEqualTo("urn:conformity:problem:conformity-route-not-allowed");
        assertThat(noRoute.get("detail").asText()).contains("no conformity route is recorded");

        // The officer cannot record module A up front without the standard applied in full ...
        JsonNode upFront = assertProblem(
                api.put(
                        officer,
                        "/api/v1/assessments/" + assessmentId + "/conformity-route",
                        Map.of("procedure", "INTERNAL_CONTROL")),
                409);
        assertThat(upFront.get("type").asText()).endsWith("conformity-route-not-allowed");
        assertThat(upFront.get("detail").asText())
                .contains("important product of class I (Annex III, class I, item 12: Routers, modems and switches)")
                .contains("none is recorded");

        // ... and when the product is reclassified after a route was accepted, the approval checks again.
        String plain = cra.create(officer, cra.product(officer, "Wi-Fi router", "2032-12-31"))
                .get("id")
                .asText();
        String second = cra.openCra(officer, plain).get("id").asText();
        assertThat(api.get(officer, "/api/v1/assessments/" + second)
                        .json()
                        .at("/conformityRoute/procedure")
                        .asText())
                .isEqualTo("INTERNAL_CONTROL");
        api.put(
                        officer,
                        "/api/v1/products/" + plain + "/cra-category",
                        Map.of(
                                "craCategory",
                                "IMPORTANT_CLASS_I",
                                "craAnnexItem",
                                Map.of("number", 12, "label", "Routers, modems and switches")))
                .expect(200);
        cra.readyForApproval(engineer, officer, second);
        JsonNode refused = assertProblem(cra.approve(signatory, second), 409);
        assertThat(refused.get("type").asText()).endsWith("conformity-route-not-allowed");
        assertThat(refused.get("detail").asText())
                .startsWith("The product 'Wi-Fi router'")
                .contains("is an important product of class I (Annex III, class I, item 12")
                .contains("internal control (module A) needs a harmonised standard, common specification or European"
                        + " cybersecurity certification")
                .contains("none is recorded");
        assertProblem(api.get(officer, "/api/v1/assessments/" + second + "/declaration"), 404);
        assertThat(api.get(officer, "/api/v1/products/" + plain)
                        .json()
                        .get("declaredSupportPeriodEnd")
                        .isNull())
                .as("a refused approval declares nothing")
                .isTrue();
    }

    @Test
    void aClassIRouterWithANotifiedBodyAndModulesBAndCIsIssued() {
        String productId = cra.create(officer, cra.router(officer)).get("id").asText();
        String assessmentId = cra.openCra(officer, productId).get("id").asText();

        // Modules B + C without the notified body and its certificate: refused at the fields.
        JsonNode missing = assertProblem(
                api.put(
                        officer,
                        "/api/v1/assessments/" + assessmentId + "/conformity-route",
                        Map.of("procedure", "EU_TYPE_EXAMINATION")),
                400);
        assertThat(missing.get("errors").findValuesAsText("pointer")).containsExactly("/notifiedBody", "/certificate");
        JsonNode badNumber = assertProblem(
                api.put(
                        officer,
                        "/api/v1/assessments/" + assessmentId + "/conformity-route",
                        Map.of(
                                "procedure",
                                "EU_TYPE_EXAMINATION",
                                "notifiedBody",
                                Map.of("name", "Example Prüf GmbH", "number", "NB123"),
                                "certificate",
                                Map.of("reference", "EX-TE-2026-042", "date", "2026-11-20"))),
                400);
        assertThat(badNumber.get("errors").findValuesAsText("pointer")).containsExactly("/notifiedBody/number");

        JsonNode recorded = api.put(
                        officer, "/api/v1/assessments/" + assessmentId + "/conformity-route", CraFixtures.modulesBC())
                .expect(200)
                .json();
        assertThat(recorded.at("/conformityRoute/procedure").asText()).isEqualTo("EU_TYPE_EXAMINATION");
        assertThat(recorded.at("/conformityRoute/notifiedBody/number").asText()).isEqualTo("0123");
        assertThat(recorded.get("conformityRouteRecordedBy").asText()).isEqualTo(officer.username());

        cra.readyForApproval(engineer, officer, assessmentId);
        cra.approve(signatory, assessmentId).expect(204);
        JsonNode declaration = fixtures.awaitDeclaration(assessmentId);
        assertThat(declaration.get("regime").asText()).isEqualTo("CRA");
        assertThat(api.get(officer, "/api/v1/assessments/" + assessmentId)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("ISSUED");
        assertThat(api.get(officer, "/api/v1/products/" + productId)
                        .json()
                        .get("declaredSupportPeriodEnd")
                        .asText())
                .isEqualTo("2032-12-31");
        // Once issued, the route is part of a legal document.
        assertThat(api.put(
                                officer,
                                "/api/v1/assessments/" + assessmentId + "/conformity-route",
                                CraFixtures.modulesBC())
                        .status())
                .isEqualTo(409);
    }

    @Test
    void aDefaultProductUnderModuleAIsIssued() {
        String productId = cra.create(officer, cra.product(officer, "smart plug", "2031-01-31"))
                .get("id")
                .asText();
        String assessmentId = cra.openCra(officer, productId).get("id").asText();
        cra.readyForApproval(engineer, officer, assessmentId);
        cra.approve(signatory, assessmentId).expect(204);
        assertThat(fixtures.awaitDeclaration(assessmentId).get("regime").asText())
                .isEqualTo("CRA");
    }

    @Test
    void aRouteIsRecordedOnlyForACraAssessment() {
        String pstiOnly = fixtures.openAssessment(officer, fixtures.release(officer))
                .get("id")
                .asText();
        JsonNode problem = assertProblem(
                api.put(
                        officer,
                        "/api/v1/assessments/" + pstiOnly + "/conformity-route",
                        Map.of("procedure", "INTERNAL_CONTROL")),
                409);
        assertThat(problem.get("detail").asText()).contains("not under the CRA regime");
        assertThat(api.get(officer, "/api/v1/assessments/" + pstiOnly)
                        .json()
                        .get("conformityRoute")
                        .isNull())
                .isTrue();
    }

    // --- The support period

    @Test
    void aSupportPeriodEndingBeforeFirstSupplyIsRefusedAtTheField() {
        Map<String, Object> product = cra.product(officer, "smart plug", "2028-01-31");
        product.put("firstSuppliedOn", "2028-02-01");
        JsonNode problem = assertPointer(api.post(officer, "/api/v1/products", product), "/supportPeriodEnd");
        assertThat(problem.get("errors").get(0).get("detail").asText()).contains("first supplied (2028-02-01)");

        product.put("firstSuppliedOn", "2027-01-15");
        assertThat(cra.create(officer, product).get("firstSuppliedOn").asText()).isEqualTo("2027-01-15");
    }

    @Test
    void aSupportPeriodBeyondTheHorizonIsRefusedAtTheField() {
        LocalDate tooFar = LocalDate.now(ZoneOffset.UTC).plusYears(30).plusDays(2);
        assertPointer(
                api.post(officer, "/api/v1/products", cra.product(officer, "smart plug", tooFar.toString())),
                "/supportPeriodEnd");
        String productId = cra.create(officer, cra.product(officer, "smart plug", "2031-01-31"))
                .get("id")
                .asText();
        assertPointer(
                api.put(
                        officer,
                        "/api/v1/products/" + productId + "/support-period",
                        Map.of("supportPeriodEnd", tooFar.toString())),
                "/supportPeriodEnd");
        assertPointer(
                api.put(
                        officer,
                        "/api/v1/products/" + productId + "/support-period",
                        Map.of("supportPeriodEnd", "2020-01-01")),
                "/supportPeriodEnd");
    }

    @Test
    void aDeclaredSupportPeriodCanBeExtendedButNotShortened() {
        String productId = cra.create(officer, cra.product(officer, "smart plug", "2031-01-31"))
                .get("id")
                .asText();
        // Before any declaration, the end may move either way.
        api.put(officer, "/api/v1/products/" + productId + "/support-period", Map.of("supportPeriodEnd", "2030-06-30"))
                .expect(200);
        String assessmentId = cra.openCra(officer, productId).get("id").asText();
        cra.readyForApproval(engineer, officer, assessmentId);
        cra.approve(signatory, assessmentId).expect(204);

        JsonNode shortened = assertProblem(
                api.put(
                        officer,
                        "/api/v1/products/" + productId + "/support-period",
                        Map.of("supportPeriodEnd", "2030-06-29")),
                409);
        assertThat(shortened.get("type").asText()).isEqualTo("urn:conformity:problem:support-period-shortened");
        assertThat(shortened.get("detail").asText()).contains("2030-06-30");
        assertThat(shortened.get("declaredSupportPeriodEnd").asText()).isEqualTo("2030-06-30");

        JsonNode extended = api.put(
                        officer,
                        "/api/v1/products/" + productId + "/support-period",
                        Map.of(
                                "supportPeriodEnd",
                                "2033-12-31",
                                "supportPeriodUrl",
                                "https://example.test/support/periods"))
                .expect(200)
                .json();
        assertThat(extended.get("supportPeriodEnd").asText()).isEqualTo("2033-12-31");
        assertThat(extended.get("supportPeriodUrl").asText()).isEqualTo("https://example.test/support/periods");
        assertThat(extended.get("declaredSupportPeriodEnd").asText())
                .as("only a declaration moves the declared end")
                .isEqualTo("2030-06-30");
        // Back to the declared end is no shortening.
        api.put(officer, "/api/v1/products/" + productId + "/support-period", Map.of("supportPeriodEnd", "2030-06-30"))
                .expect(200);
    }

    @Test
    void anApprovalAfterTheSupportPeriodEndedIsRefused() {
        String productId = cra.create(officer, cra.product(officer, "smart plug", "2031-01-31"))
                .get("id")
                .asText();
        String assessmentId = cra.openCra(officer, productId).get("id").asText();
        cra.readyForApproval(engineer, officer, assessmentId);
        // Time passes: the entered end date (validated as future when entered) is now yesterday.
        jdbc.update(
                "update product set support_period_end = ? where id = ?",
                LocalDate.now(ZoneOffset.UTC).minusDays(1),
                UUID.fromString(productId));

        JsonNode ended = assertProblem(cra.approve(signatory, assessmentId), 409);
        assertThat(ended.get("type").asText()).isEqualTo("urn:conformity:problem:support-period-ended");
        assertThat(ended.get("detail").asText())
                .contains("ended on " + LocalDate.now(ZoneOffset.UTC).minusDays(1));
        assertProblem(api.get(officer, "/api/v1/assessments/" + assessmentId + "/declaration"), 404);

        api.put(officer, "/api/v1/products/" + productId + "/support-period", Map.of("supportPeriodEnd", "2032-01-31"))
                .expect(200);
        cra.approve(signatory, assessmentId).expect(204);
    }

    @Test
    void aProductReclassifiedBetweenApprovalAndIssuanceIsNotIssuedUnderARouteItNoLongerAllows() throws Exception {
        String productId = cra.create(officer, cra.product(officer, "smart plug", "2031-01-31"))
                .get("id")
                .asText();
        String assessmentId = cra.openCra(officer, productId).get("id").asText();
        String releaseId = api.get(officer, "/api/v1/assessments/" + assessmentId)
                .json()
                .get("releaseId")
                .asText();
        cra.readyForApproval(engineer, officer, assessmentId);

        // Another transaction holds the release: the issuing job, started by the approval, waits for it.
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock =
                    holder.prepareStatement("select id from product_release where id = ? for update")) {
                lock.setObject(1, UUID.fromString(releaseId));
                try (ResultSet row = lock.executeQuery()) {
                    assertThat(row.next()).isTrue();
                }
            }
            cra.approve(signatory, assessmentId).expect(204);
            // Meanwhile the product turns out to be a router: module A is no longer enough.
            api.put(
                            officer,
                            "/api/v1/products/" + productId + "/cra-category",
                            Map.of(
                                    "craCategory",
                                    "IMPORTANT_CLASS_I",
                                    "craAnnexItem",
                                    Map.of("number", 12, "label", "Routers, modems and switches")))
                    .expect(200);
            holder.rollback();
        }

        // The job checks again and fails, into an incident an administrator sees; nothing is issued.
        JsonNode incident = fixtures.awaitIncident(assessmentId, Duration.ofMinutes(1));
        assertThat(incident.get("message").asText()).contains("module A");
        assertProblem(api.get(officer, "/api/v1/assessments/" + assessmentId + "/declaration"), 404);
        assertThat(api.get(officer, "/api/v1/assessments/" + assessmentId)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("APPROVED");
    }

    private static JsonNode assertPointer(ApiClient.Response response, String pointer) {
        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.get("type").asText()).isEqualTo("urn:conformity:problem:validation");
        assertThat(problem.get("errors").findValuesAsText("pointer")).contains(pointer);
        return problem;
    }
}
