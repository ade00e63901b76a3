package io.conformity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.Browser;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.Fixtures;

/** Task page refusals that need no script: they reach the page in words, with the API's status. */
@ConformityIntegrationTest
class TaskPagesIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void aSignatoryWhoConfirmedTheScopeIsToldOnTheApprovalPageThatAnotherMustDecide() {
        ApiClient api = new ApiClient(port);
        Fixtures fixtures = new Fixtures(api);
        Credentials dual = fixtures.user("tpi-dual", "Dana Dual", "Director", "COMPLIANCE_OFFICER", "SIGNATORY");
        Credentials officer = fixtures.user("tpi-off", "Otto Officer", "Officer", "COMPLIANCE_OFFICER");
        Credentials engineer = fixtures.user("tpi-eng", "Erin Engineer", "Engineer", "ENGINEER");
        fixtures.team(officer, engineer);
        String assessmentId =
                fixtures.openAssessment(dual, fixtures.release(dual)).get("id").asText();
        fixtures.completeAllPrinciples(engineer, officer, assessmentId, "PASS");
        JsonNode approval = fixtures.task(dual, assessmentId, null);

        Browser browser = new Browser(port);
        browser.signIn(dual.username(), dual.password());
        String page = "/tasks/" + approval.get("id").asText();
        assertThat(browser.get(page).expect(200).text()).contains("Approve the declaration");
        ApiClient.Response refused =
                browser.postForm(page + "/approve", Map.of("decision", "APPROVE", "placeOfIssue", "Leeds"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text())
                .contains("another signatory must decide on the declaration")
                .contains("role=\"alert\"")
                .doesNotContain("Exception");
        assertThat(api.get(dual, "/api/v1/assessments/" + assessmentId)
                        .expect(200)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("IN_PROGRESS");
    }

    @Test
    void thePreviewIsTheSignatorysOnly() {
        ApiClient api = new ApiClient(port);
        Fixtures fixtures = new Fixtures(api);
        Credentials officer = fixtures.user("tpi-off", "Otto Officer", "Officer", "COMPLIANCE_OFFICER");
        String assessmentId = fixtures.openAssessment(officer, fixtures.release(officer))
                .get("id")
                .asText();
        Browser browser = new Browser(port);
        browser.signIn(officer.username(), officer.password());
        assertThat(browser.get("/assessments/" + assessmentId + "/preview/declaration.pdf")
                        .status())
                .isEqualTo(403);
        assertThat(browser.get("/assessments/" + assessmentId + "/preview/pages/1.png")
                        .status())
                .isEqualTo(403);
    }
}
