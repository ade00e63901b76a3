package io.conformity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
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
    void aMissingOrUnknownDecisionIsRefusedOnThePageAndDecidesNothing() {
        ApiClient api = new ApiClient(port);
        Fixtures fixtures = new Fixtures(api);
        Credentials officer = fixtures.user("tpd-off", "Odile Officer", "Officer", "COMPLIANCE_OFFICER");
        Credentials engineer = fixtures.user("tpd-eng", "Emil Engineer", "Engineer", "ENGINEER");
        Credentials signatory = fixtures.user("tpd-sig", "Sina Signatory", "Director", "SIGNATORY");
        fixtures.team(officer, engineer, signatory);
        String assessmentId = fixtures.openAssessment(officer, fixtures.release(officer))
                .get("id")
                .asText();
        JsonNode collect = fixtures.tasks(engineer, assessmentId).get(0);
        String principle = collect.get("principle").asText();
        fixtures.submit(engineer, collect).expect(204);
        String review = "/tasks/"
                + fixtures.task(officer, assessmentId, principle).get("id").asText();

        // Every verdict given: only the decision is wrong.
        Map<String, String> verdicts = new HashMap<>();
        for (Map<String, Object> v : fixtures.verdicts(officer, assessmentId, principle, "PASS")) {
            verdicts.put("verdict-" + v.get("requirementAssessmentId"), "PASS");
            verdicts.put("justification-" + v.get("requirementAssessmentId"), "Evidence reviewed");
        }
        Browser reviewer = new Browser(port);
        reviewer.signIn(officer.username(), officer.password());
        reviewer.get(review).expect(200);
        for (String decision : new String[] {null, "", "accept", "APPROVE"}) {
            Map<String, String> fields = new HashMap<>(verdicts);
            if (decision != null) {
                fields.put("decision", decision);
            }
            ApiClient.Response refused = reviewer.postForm(review + "/review", fields);
            assertThat(refused.status()).as("decision %s", decision).isEqualTo(400);
            assertThat(refused.text())
                    .contains("Choose &quot;Accept principle&quot; or &quot;Send back to the engineer&quot;")
                    .contains("role=\"alert\"");
        }
        assertThat(fixtures.tasks(officer, assessmentId))
                .extracting(t -> t.path("principle").asText())
                .contains(principle);
        assertThat(api.get(officer, "/api/v1/assessments/" + assessmentId)
                        .expect(200)
                        .json()
                        .get("requirements"))
                .filteredOn(r -> r.get("principle").asText().equals(principle))
                .allSatisfy(r -> assertThat(r.path("verdict").asText(null)).isNull());

        fixtures.completeAllPrinciples(engineer, officer, assessmentId, "PASS");
        String approval = "/tasks/"
                + fixtures.task(signatory, assessmentId, null).get("id").asText();
        Browser approver = new Browser(port);
        approver.signIn(signatory.username(), signatory.password());
        approver.get(approval).expect(200);
        for (String decision : new String[] {null, "approve", "ACCEPT"}) {
            Map<String, String> fields = new HashMap<>(Map.of("placeOfIssue", "Leeds"));
            if (decision != null) {
                fields.put("decision", decision);
            }
            ApiClient.Response refused = approver.postForm(approval + "/approve", fields);
            assertThat(refused.status()).as("decision %s", decision).isEqualTo(400);
            assertThat(refused.text())
                    .contains("Choose &quot;Approve and issue&quot; or &quot;Reject and reopen&quot;")
                    .contains("value=\"Leeds\"");
        }
        assertThat(api.get(officer, "/api/v1/assessments/" + assessmentId)
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
