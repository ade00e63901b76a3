package io.conformity.workflow;

import static io.conformity.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.Fixtures;

/** The rules around the tasks, over HTTP on the real engine and database. */
@ConformityIntegrationTest
class WorkflowIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    Fixtures fixtures;
    Credentials engineer;
    Credentials officer;
    Credentials signatory;
    String assessmentId;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixtures = new Fixtures(api);
        engineer = fixtures.user("eng", "Eve Engineer", "Engineer", "ENGINEER");
        officer = fixtures.user("off", "Oscar Officer", "Officer", "COMPLIANCE_OFFICER");
        signatory = fixtures.user("sig", "Sid Signatory", "Director", "SIGNATORY");
        fixtures.team(engineer, signatory);
        assessmentId = fixtures.openAssessment(officer, fixtures.release(officer))
                .get("id")
                .asText();
    }

    @Test
    void whoUploadedEvidenceForAPrincipleCannotAcceptIt() {
        Credentials both = fixtures.user("both", "Bo Both", "Engineer and officer", "ENGINEER", "COMPLIANCE_OFFICER");
        fixtures.assessmentMembers(assessmentId, both);
        String requirement = requirementId("2");
        api.upload(
                        both,
                        "/api/v1/requirement-assessments/" + requirement + "/evidence",
                        "policy.txt",
                        "Contact: mailto:security@example.test".getBytes())
                .expect(201);
        JsonNode collect = fixtures.task(both, assessmentId, "2");
        fixtures.submit(both, collect).expect(204);
        JsonNode review = fixtures.tasks(both, assessmentId).stream()
                .filter(t -> t.get("kind").asText().equals("REVIEW_PRINCIPLE"))
                .findFirst()
                .orElseThrow();

        JsonNode problem = assertProblem(
                api.post(
                        both,
                        "/api/v1/tasks/" + review.get("id").asText() + "/review",
                        Map.of("verdicts", fixtures.verdicts(both, assessmentId, "2", "PASS"), "decision", "ACCEPT")),
                403);
        assertThat(problem.get("type").asText()).endsWith("separation-of-duties");
        // Nothing of the refused review is kept: the principle still waits for review with no verdict.
        assertThat(api.get(officer, "/api/v1/assessments/" + assessmentId)
                        .json()
                        .get("requirements")
                        .findValues("verdict"))
                .allSatisfy(v -> assertThat(v.isNull()).isTrue());
        api.post(
                        officer,
                        "/api/v1/tasks/" + review.get("id").asText() + "/review",
                        Map.of("verdicts", fixtures.verdicts(officer, assessmentId, "2", "PASS"), "decision", "ACCEPT"))
                .expect(204);
    }

    @Test
    void aReviewerCannotSignTheDeclaration() {
        Credentials reviewerSignatory =
                fixtures.user("rs", "Rae Reviewer", "Director", "COMPLIANCE_OFFICER", "SIGNATORY");
        fixtures.assessmentMembers(assessmentId, reviewerSignatory);
        fixtures.completeAllPrinciples(engineer, reviewerSignatory, assessmentId, "PASS");
        JsonNode approval = fixtures.task(signatory, assessmentId, null);
        JsonNode problem = assertProblem(
                api.post(
                        reviewerSignatory,
                        "/api/v1/tasks/" + approval.get("id").asText() + "/approve",
                        Map.of("decision", "APPROVE", "placeOfIssue", "Leeds")),
                403);
        assertThat(problem.get("type").asText()).endsWith("separation-of-duties");
        api.post(
                        signatory,
                        "/api/v1/tasks/" + approval.get("id").asText() + "/approve",
                        Map.of("decision", "APPROVE", "placeOfIssue", "Leeds"))
                .expect(204);
        fixtures.awaitDeclaration(assessmentId);
    }

    @Test
    void aFailedMandatoryRequirementIsRefusedAtReviewAndThePrincipleGoesBackToTheEngineer() {
        fixtures.submit(engineer, fixtures.task(engineer, assessmentId, "1")).expect(204);
        String review = fixtures.task(officer, assessmentId, "1").get("id").asText();

        JsonNode problem = assertProblem(
                api.post(
                        officer,
                        "/api/v1/tasks/" + review + "/review",
                        Map.of(
                                "verdicts",
                                fixtures.verdicts(officer, assessmentId, "1", "FAIL"),
                                "decision",
                                "ACCEPT")),
                409);
        assertThat(problem.get("type").asText()).endsWith("mandatory-requirement-failed");
        assertThat(problem.get("detail").asText()).contains("5.1-1");
        assertThat(problem.get("requirementAssessmentIds")).isNotEmpty();

        // Nothing of the refused review was kept: no verdicts, no sign-off, the review task still waits.
        JsonNode principle = principle("1");
        assertThat(principle.findValuesAsText("status")).containsOnly("SUBMITTED");
        assertThat(principle.findValues("verdict"))
                .allSatisfy(v -> assertThat(v.isNull()).isTrue());
        assertThat(api.get(officer, "/api/v1/assessments/" + assessmentId + "/signoffs")
                        .json()
                        .findValuesAsText("decision"))
                .doesNotContain("ACCEPTED");
        assertThat(fixtures.task(officer, assessmentId, "1").get("id").asText()).isEqualTo(review);

        // The remedy is this principle sent back, with the reason the engineer reads.
        api.post(
                        officer,
                        "/api/v1/tasks/" + review + "/review",
                        Map.of(
                                "verdicts",
                                fixtures.verdicts(officer, assessmentId, "1", "FAIL"),
                                "decision",
                                "SEND_BACK",
                                "comment",
                                "5.1-1: the default password is printed on the label."))
                .expect(204);
        assertThat(principle("1").findValuesAsText("status")).containsOnly("OPEN");
        assertThat(fixtures.task(engineer, assessmentId, "1")).isNotNull();
    }

    private JsonNode principle(String code) {
        List<JsonNode> rows = new ArrayList<>();
        api.get(officer, "/api/v1/assessments/" + assessmentId)
                .json()
                .get("requirements")
                .forEach(r -> {
                    if (r.get("principle").asText().equals(code)
                            && r.get("applicable").asBoolean()) {
                        rows.add(r);
                    }
                });
        return new ObjectMapper().valueToTree(rows);
    }

    @Test
    void aRejectionReopensOnlyTheNamedPrinciplesEachWithItsReason() {
        fixtures.completeAllPrinciples(engineer, officer, assessmentId, "PASS");
        JsonNode approval = fixtures.task(signatory, assessmentId, null);

        // A rejection names the principles to reopen, each with a reason: nothing else is accepted as one.
        String approve = "/api/v1/tasks/" + approval.get("id").asText() + "/approve";
        JsonNode unnamed = assertProblem(
                api.post(signatory, approve, Map.of("decision", "REJECT", "comment", "Passwords and updates")), 400);
        assertThat(unnamed.get("errors").findValuesAsText("pointer")).containsExactly("/reopen");
        JsonNode wrong = assertProblem(
                api.post(
                        signatory,
                        approve,
                        Map.of(
                                "decision",
                                "REJECT",
                                "reopen",
                                List.of(
                                        Map.of("principle", "99", "reason", "No such principle"),
                                        Map.of("principle", "1", "reason", " ")))),
                400);
        assertThat(wrong.get("errors").findValuesAsText("pointer"))
                .containsExactlyInAnyOrder("/reopen/0/principle", "/reopen/1/reason");
        assertThat(fixtures.tasks(signatory, assessmentId)).hasSize(1);

        // Only the named principles go back to the engineers; the others stay accepted.
        String passwords = principleOf("5.1-1");
        String updates = principleOf("5.3-13");
        api.post(
                        signatory,
                        approve,
                        Map.of(
                                "decision",
                                "REJECT",
                                "comment",
                                "Evidence too thin",
                                "reopen",
                                List.of(
                                        Map.of(
                                                "principle",
                                                passwords,
                                                "reason",
                                                "5.1-1: show the per-device passwords"),
                                        Map.of("principle", updates, "reason", "5.3-13: publish the period"))))
                .expect(204);
        assertThat(fixtures.tasks(engineer, assessmentId))
                .extracting(t -> t.get("principle").asText())
                .containsExactlyInAnyOrder(passwords, updates);
        for (JsonNode r :
                api.get(officer, "/api/v1/assessments/" + assessmentId).json().get("requirements")) {
            if (!r.get("applicable").asBoolean()) {
                continue;
            }
            boolean reopened =
                    List.of(passwords, updates).contains(r.get("principle").asText());
            assertThat(r.get("status").asText())
                    .as("%s", r.get("requirementId").asText())
                    .isEqualTo(reopened ? "OPEN" : "ACCEPTED");
        }
        // The engineer's task says why the principle came back.
        JsonNode task = api.get(
                        engineer,
                        "/api/v1/tasks/"
                                + fixtures.task(engineer, assessmentId, passwords)
                                        .get("id")
                                        .asText())
                .expect(200)
                .json();
        assertThat(task.get("conversation").findParents("kind").stream()
                        .filter(e -> e.get("kind").asText().equals("REJECTED"))
                        .map(e -> e.get("comment").asText())
                        .toList())
                .contains("5.1-1: show the per-device passwords")
                .doesNotContain("5.3-13: publish the period");
    }

    @Test
    void anOfficerClosesAnAssessmentThatCannotBeCertifiedAndTheReleaseCanBeAssessedAgain() {
        String closure = "/api/v1/assessments/" + assessmentId + "/closure";
        assertProblem(api.post(officer, closure, Map.of("reason", " ")), 400);
        assertProblem(api.post(engineer, closure, Map.of("reason", "Not mine to close")), 403);

        JsonNode closed = api.post(officer, closure, Map.of("reason", "The default password is fixed in ROM (5.1-1)."))
                .expect(200)
                .json();
        assertThat(closed.get("status").asText()).isEqualTo("NOT_CERTIFIED");
        assertThat(closed.get("closedBy").asText()).isEqualTo(officer.username());
        assertThat(closed.get("closureReason").asText()).contains("fixed in ROM");
        // Its tasks are gone with its process; the reason is in the conversation; nothing more can be done.
        assertThat(fixtures.tasks(engineer, assessmentId)).isEmpty();
        JsonNode conversation =
                api.get(engineer, "/api/v1/assessments/" + assessmentId).json().get("conversation");
        JsonNode last = conversation.get(conversation.size() - 1);
        assertThat(last.get("kind").asText()).isEqualTo("CLOSED");
        assertThat(last.get("comment").asText()).contains("fixed in ROM");
        assertThat(problemType(api.post(officer, closure, Map.of("reason", "again")), 409))
                .endsWith("assessment-state");
        // What was not settled takes nothing more: no evidence, no statement.
        assertThat(principle("2").findValuesAsText("status")).containsOnly("CLOSED");
        assertProblem(
                api.upload(
                        engineer,
                        "/api/v1/requirement-assessments/" + requirementId("5.2-1") + "/evidence",
                        "policy.txt",
                        "Contact: mailto:security@example.test".getBytes()),
                409);
        assertThat(problemType(
                        api.post(
                                engineer,
                                "/api/v1/assessments/" + assessmentId + "/principles/1/comments",
                                Map.of("text", "too late")),
                        409))
                .endsWith("assessment-state");

        // The release is free for a new assessment once the product is fixed.
        String releaseId = closed.get("releaseId").asText();
        assertThat(fixtures.openAssessment(officer, releaseId).get("id").asText())
                .isNotEqualTo(assessmentId);
    }

    private static String problemType(ApiClient.Response response, int status) {
        return assertProblem(response, status).get("type").asText();
    }

    @Test
    void signoffsRecordTheEvidenceHashesTheyCovered() {
        String requirement = requirementId("5");
        String sha = api.upload(
                        engineer,
                        "/api/v1/requirement-assessments/" + requirement + "/evidence",
                        "tls.json",
                        "{\"tls\":\"1.3\"}".getBytes())
                .expect(201)
                .json()
                .get("sha256")
                .asText();
        JsonNode collect = fixtures.task(engineer, assessmentId, "5");
        fixtures.submit(engineer, collect).expect(204);

        // Once submitted, the principle takes no more evidence until it is sent back.
        assertProblem(
                api.upload(
                        engineer,
                        "/api/v1/requirement-assessments/" + requirement + "/evidence",
                        "late.txt",
                        "late".getBytes()),
                409);

        JsonNode review = fixtures.task(officer, assessmentId, "5");
        api.post(
                        officer,
                        "/api/v1/tasks/" + review.get("id").asText() + "/review",
                        Map.of(
                                "verdicts",
                                fixtures.verdicts(officer, assessmentId, "5", "PASS"),
                                "decision",
                                "ACCEPT",
                                "comment",
                                "TLS 1.3 only"))
                .expect(204);

        JsonNode accepted = null;
        for (JsonNode s : api.get(officer, "/api/v1/assessments/" + assessmentId + "/signoffs")
                .json()) {
            if (s.get("decision").asText().equals("ACCEPTED")) {
                accepted = s;
            }
        }
        assertThat(accepted).isNotNull();
        assertThat(accepted.get("actor").asText()).isEqualTo(officer.username());
        assertThat(accepted.get("principle").asText()).isEqualTo("5");
        assertThat(accepted.get("evidenceHashes")).hasSize(1);
        assertThat(accepted.get("evidenceHashes").get(0).asText()).isEqualTo(sha);
    }

    @Test
    void malformedCommandsAreRefusedWithThePlaceThatFailed() {
        JsonNode collect = fixtures.task(engineer, assessmentId, "1");
        fixtures.submit(engineer, collect).expect(204);
        JsonNode review = fixtures.task(officer, assessmentId, "1");
        String path = "/api/v1/tasks/" + review.get("id").asText() + "/review";

        JsonNode problem = assertProblem(
                api.post(
                        officer,
                        path,
                        Map.of(
                                "verdicts",
                                List.of(Map.of("requirementAssessmentId", requirementId("1"), "verdict", "MAYBE")),
                                "decision",
                                "ACCEPT")),
                400);
        assertThat(problem.get("errors").get(0).get("pointer").asText()).isEqualTo("/verdicts/0/verdict");

        problem = assertProblem(
                api.post(officer, path, Map.of("verdicts", List.of(Map.of("verdict", "PASS")), "decision", "ACCEPT")),
                400);
        assertThat(problem.get("errors").findValuesAsText("pointer")).contains("/verdicts/0/requirementAssessmentId");

        // Accepting without a verdict on every requirement of the principle is refused and changes nothing.
        problem = assertProblem(api.post(officer, path, Map.of("verdicts", List.of(), "decision", "ACCEPT")), 409);
        assertThat(problem.get("type").asText()).endsWith("verdict-missing");
        assertThat(fixtures.task(officer, assessmentId, "1").get("id").asText())
                .isEqualTo(review.get("id").asText());
    }

    @Test
    void whoUploadedEvidenceCannotSignTheDeclaration() {
        Credentials uploaderSignatory = fixtures.user("us", "Uma Uploader", "Director", "ENGINEER", "SIGNATORY");
        fixtures.assessmentMembers(assessmentId, uploaderSignatory);
        api.upload(
                        uploaderSignatory,
                        "/api/v1/requirement-assessments/" + requirementId("2") + "/evidence",
                        "policy.txt",
                        "Contact: mailto:security@example.test".getBytes())
                .expect(201);
        fixtures.completeAllPrinciples(engineer, officer, assessmentId, "PASS");
        JsonNode approval = fixtures.task(signatory, assessmentId, null);

        JsonNode problem = assertProblem(
                api.post(
                        uploaderSignatory,
                        "/api/v1/tasks/" + approval.get("id").asText() + "/approve",
                        Map.of("decision", "APPROVE", "placeOfIssue", "Leeds")),
                403);
        assertThat(problem.get("type").asText()).endsWith("separation-of-duties");
        api.post(
                        signatory,
                        "/api/v1/tasks/" + approval.get("id").asText() + "/approve",
                        Map.of("decision", "APPROVE", "placeOfIssue", "Leeds"))
                .expect(204);
    }

    /**
     * The evidence under an accepted principle changes before the approval: here its coverage rows go, the very
     * write the evidence module makes when it analyses a file again after a later declaration (it rewrites the
     * file's coverage, to requirements still collecting evidence only). The approval finds it, voids that
     * acceptance, sends the principle back to review and refuses; once reviewed again the declaration is approved.
     */
    @Test
    void changedEvidenceVoidsTheAcceptanceAndReopensItsReview() {
        String requirement = requirementId("2");
        String evidenceId = api.upload(
                        engineer,
                        "/api/v1/requirement-assessments/" + requirement + "/evidence",
                        "policy.txt",
                        "Contact: mailto:security@example.test".getBytes())
                .expect(201)
                .json()
                .get("id")
                .asText();
        fixtures.completeAllPrinciples(engineer, officer, assessmentId, "PASS");
        JsonNode acceptance = acceptanceOf("2");
        assertThat(acceptance.get("evidenceHashes")).hasSize(1);
        assertThat(jdbc.update("delete from evidence_coverage where evidence_id = ?", UUID.fromString(evidenceId)))
                .isPositive();

        JsonNode approval = fixtures.task(signatory, assessmentId, null);
        JsonNode problem = assertProblem(
                api.post(
                        signatory,
                        "/api/v1/tasks/" + approval.get("id").asText() + "/approve",
                        Map.of("decision", "APPROVE", "placeOfIssue", "Leeds")),
                409);
        assertThat(problem.get("type").asText()).endsWith("signoff-void");
        assertThat(problem.get("principles").get(0).asText()).isEqualTo("2");

        // Kept, marked void with when and why; the other principles' acceptances still stand.
        JsonNode voided = api
                .get(officer, "/api/v1/assessments/" + assessmentId + "/signoffs")
                .expect(200)
                .json()
                .findParents("id")
                .stream()
                .filter(s -> s.get("id").asText().equals(acceptance.get("id").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(voided.get("voidedAt").isNull()).isFalse();
        assertThat(voided.get("voidReason").asText())
                .contains(acceptance.get("evidenceHashes").get(0).asText());
        assertThat(api
                        .get(officer, "/api/v1/assessments/" + assessmentId + "/signoffs")
                        .json()
                        .findParents("decision")
                        .stream()
                        .filter(s -> s.get("decision").asText().equals("APPROVED")))
                .isEmpty();
        // No approval is open; principle 2 alone waits for review again, without its old verdicts.
        assertThat(fixtures.tasks(signatory, assessmentId)).isEmpty();
        List<JsonNode> reviews = fixtures.tasks(officer, assessmentId);
        assertThat(reviews).extracting(t -> t.get("principle").asText()).containsExactly("2");
        assertThat(fixtures.tasks(engineer, assessmentId)).isEmpty();
        JsonNode row = api.get(officer, "/api/v1/requirement-assessments/" + requirement)
                .expect(200)
                .json();
        assertThat(row.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(row.get("verdict").isNull()).isTrue();

        api.post(
                        officer,
                        "/api/v1/tasks/" + reviews.get(0).get("id").asText() + "/review",
                        Map.of("verdicts", fixtures.verdicts(officer, assessmentId, "2", "PASS"), "decision", "ACCEPT"))
                .expect(204);
        assertThat(acceptanceOf("2").get("voidedAt").isNull()).isTrue();
        fixtures.approveAndAwaitDeclaration(signatory, assessmentId);
    }

    /** The latest acceptance of the principle. */
    private JsonNode acceptanceOf(String principle) {
        JsonNode latest = null;
        for (JsonNode s : api.get(officer, "/api/v1/assessments/" + assessmentId + "/signoffs")
                .expect(200)
                .json()) {
            if (principle.equals(s.path("principle").asText(null))
                    && s.get("decision").asText().equals("ACCEPTED")) {
                latest = s;
            }
        }
        assertThat(latest).as("acceptance of principle " + principle).isNotNull();
        return latest;
    }

    private String principleOf(String requirement) {
        for (JsonNode r :
                api.get(officer, "/api/v1/assessments/" + assessmentId).json().get("requirements")) {
            if (r.get("requirementId").asText().equals(requirement)) {
                return r.get("principle").asText();
            }
        }
        throw new AssertionError("No requirement " + requirement);
    }

    private String requirementId(String requirement) {
        for (JsonNode r :
                api.get(officer, "/api/v1/assessments/" + assessmentId).json().get("requirements")) {
            if (r.get("requirementId").asText().equals(requirement)) {
                return r.get("id").asText();
            }
        }
        throw new AssertionError("No requirement " + requirement);
    }
}
