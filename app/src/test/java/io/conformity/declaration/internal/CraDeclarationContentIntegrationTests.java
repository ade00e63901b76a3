package io.conformity.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.conformity.assessment.AssessmentApi;
import io.conformity.catalog.CatalogApi;
import io.conformity.declaration.DeclarationContent;
import io.conformity.declaration.DeclarationContent.CraConformity;
import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.CraFixtures;
import io.conformity.support.Fixtures;

/** What a CRA declaration states about how conformity was shown (Annex V pts 6 and 7), after a real issuance. */
@ConformityIntegrationTest
class CraDeclarationContentIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DeclarationService declarations;

    @Autowired
    AssessmentApi assessments;

    @Autowired
    CatalogApi catalog;

    ApiClient api;
    Fixtures fixtures;
    CraFixtures cra;
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

    @Test
    void aClassIRouterIssuedUnderModulesBAndCStatesItsNotifiedBodyAndCertificate() {
        String productId = cra.create(officer, cra.router(officer)).get("id").asText();
        String assessmentId = cra.openCra(officer, productId).get("id").asText();
        api.put(officer, "/api/v1/assessments/" + assessmentId + "/conformity-route", CraFixtures.modulesBC())
                .expect(200);
        cra.readyForApproval(engineer, officer, assessmentId);
        cra.approve(signatory, assessmentId).expect(204);

        CraConformity stated = content(assessmentId, "CRA").craConformity();
        assertThat(stated)
                .isEqualTo(new CraConformity(
                        "IMPORTANT_CLASS_I",
                        "Important product with digital elements, class I (Annex III)",
                        "Annex III, class I, item 12: Routers, modems and switches",
                        "EU-type examination (module B) and conformity to type (module C)",
                        "Example Prüf GmbH",
                        "0123",
                        "EX-TE-2026-042",
                        LocalDate.of(2026, 11, 20),
                        List.of("EN 18031-1:2024 (harmonised standard, applied in part)")));
    }

    @Test
    void aDefaultProductStatesInternalControlAndOtherRegimesStateNothingOfTheCra() {
        String productId = cra.create(officer, cra.product(officer, "smart plug", "2031-01-31"))
                .get("id")
                .asText();
        String releaseId = api.post(
                        officer,
                        "/api/v1/products/" + productId + "/releases",
                        Map.of("firmwareVersion", "3.1", "batch", "B9"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        api.put(officer, "/api/v1/products/" + productId + "/profiles/V2.1.1", Fixtures.v211Profile())
                .expect(200);
        String assessmentId = api.post(
                        officer,
                        "/api/v1/assessments",
                        Map.of("releaseId", releaseId, "regimes", List.of("PSTI", "CRA")))
                .expect(201)
                .json()
                .get("id")
                .asText();
        fixtures.confirmScope(officer, assessmentId);
        cra.readyForApproval(engineer, officer, assessmentId);
        cra.approve(signatory, assessmentId).expect(204);

        CraConformity stated = content(assessmentId, "CRA").craConformity();
        assertThat(stated.categoryCode()).isEqualTo("DEFAULT");
        assertThat(stated.annexItem()).isNull();
        assertThat(stated.procedure()).isEqualTo("Internal control (module A)");
        assertThat(stated.notifiedBodyName()).isNull();
        assertThat(stated.certificateReference()).isNull();
        assertThat(stated.standardsApplied()).isEmpty();
        assertThat(content(assessmentId, "PSTI").craConformity()).isNull();
    }

    private DeclarationContent content(String assessmentId, String regime) {
        return declarations.content(
                UUID.randomUUID(), assessments.assessment(UUID.fromString(assessmentId)), catalog.regime(regime));
    }
}
