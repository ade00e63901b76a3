package io.conformity.workflow;

import static io.conformity.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.Fixtures;

/** What was decided and said on a principle reaches everyone working on it, the engineer included. */
@ConformityIntegrationTest
class ConversationIntegrationTests {

    @LocalServerPort
    int port;

    ApiClient api;
    Fixtures fixtures;
    Credentials engineer;
    Credentials officer;
    String assessmentId;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixtures = new Fixtures(api);
        engineer = fixtures.user("eng", "Eve Engineer", "Engineer", "ENGINEER");
        officer = fixtures.user("off", "Oscar Officer", "Officer", "COMPLIANCE_OFFICER");
        fixtures.team(engineer);
        assessmentId = fixtures.openAssessment(officer, fixtures.release(officer))
                .get("id")
                .asText();
    }

    @Test
    void theEngineerReadsWhyAPrincipleCameBackInTheTaskAndTheAssessment() {
        String requirement = applicableIn("5");
        api.upload(
                        engineer,
                        "/api/v1/requirement-assessments/" + requirement + "/evidence",
                        "tls.json",
                        "{\"tls\":\"1.3\"}".getBytes())
                .expect(201);
        JsonNode collect = fixtures.task(engineer, assessmentId, "5");
        fixtures.stateNoEvidence(engineer, assessmentId, "5");
        api.post(
                        engineer,
                        "/api/v1/tasks/" + collect.get("id").asText() + "/submit",
                        Map.of("comment", "TLS configuration attached."))
                .expect(204);
        String review = fixtures.task(officer, assessmentId, "5").get("id").asText();
        api.post(
                        officer,
                        "/api/v1/tasks/" + review + "/review",
                        Map.of(
                                "verdicts",
                                List.of(),
                                "decision",
                                "SEND_BACK",
                                "comment",
                                "Attach the testssl.sh output, not the configuration file."))
                .expect(204);

        // The engineer's new task carries the principle's requirements, evidence and what was said.
        String again = fixtures.task(engineer, assessmentId, "5").get("id").asText();
        JsonNode task = api.get(engineer, "/api/v1/tasks/" + again).expect(200).json();
        assertThat(task.get("kind").asText()).isEqualTo("COLLECT_EVIDENCE");
        assertThat(task.get("principle").asText()).isEqualTo("5");
        assertThat(task.get("requirements")).isNotEmpty();
        assertThat(task.get("requirements").findValues("evidence").stream()
                        .flatMap(e -> e.findValuesAsText("fileName").stream()))
                .contains("tls.json");
        assertThat(turns(task.get("conversation")))
                .containsExactly(
                        "SCOPE_CONFIRMED off Scope confirmed.",
                        "SUBMITTED eng TLS configuration attached.",
                        "SENT_BACK off Attach the testssl.sh output, not the configuration file.");
        assertThat(task.get("conversation").get(2).get("role").asText()).isEqualTo("compliance-officer");

        // The engineer answers without deciding anything; everyone reads it in the assessment.
        JsonNode comment = api.post(
                        engineer,
                        "/api/v1/assessments/" + assessmentId + "/principles/5/comments",
                        Map.of("text", "testssl.sh runs in tonight's pipeline."))
                .expect(201)
                .json();
        assertThat(comment.get("kind").asText()).isEqualTo("COMMENT");
        assertThat(comment.get("role").asText()).isEqualTo("engineer");
        JsonNode assessment = api.get(officer, "/api/v1/assessments/" + assessmentId)
                .expect(200)
                .json();
        assertThat(turns(assessment.get("conversation")))
                .containsExactly(
                        "SCOPE_CONFIRMED off Scope confirmed.",
                        "SUBMITTED eng TLS configuration attached.",
                        "SENT_BACK off Attach the testssl.sh output, not the configuration file.",
                        "COMMENT eng testssl.sh runs in tonight's pipeline.");
        // The scope was confirmed for the whole assessment; everything else was said on principle 5.
        assertThat(assessment.get("conversation").findValuesAsText("principle")).containsExactly("null", "5", "5", "5");
        // Lists of assessments stay lean: the conversation is in the single assessment's view only.
        assertThat(api.get(officer, "/api/v1/assessments")
                        .json()
                        .get("content")
                        .get(0)
                        .has("conversation"))
                .isFalse();

        // The engineer reads the decisions themselves too (they were the officer's and signatory's only).
        assertThat(api.get(engineer, "/api/v1/assessments/" + assessmentId + "/signoffs")
                        .expect(200)
                        .json()
                        .findValuesAsText("decision"))
                .containsExactly("SCOPE_CONFIRMED", "SUBMITTED", "SENT_BACK");

        // Another principle's task shows only its own conversation, and what concerns the whole assessment.
        JsonNode other = api.get(
                        engineer,
                        "/api/v1/tasks/"
                                + fixtures.task(engineer, assessmentId, "2")
                                        .get("id")
                                        .asText())
                .expect(200)
                .json();
        assertThat(turns(other.get("conversation"))).containsExactly("SCOPE_CONFIRMED off Scope confirmed.");
    }

    @Test
    void aCommentNeedsTextAPrincipleInScopeAndAnAssessmentInProgress() {
        String path = "/api/v1/assessments/" + assessmentId + "/principles/";
        assertProblem(api.post(engineer, path + "5/comments", Map.of("text", "  ")), 400);
        assertProblem(api.post(engineer, path + "5/comments", Map.of()), 400);
        assertProblem(api.post(engineer, path + "99/comments", Map.of("text", "Which principle?")), 404);
        assertThat(api.get(officer, "/api/v1/assessments/" + assessmentId)
                        .json()
                        .get("conversation")
                        .findValuesAsText("kind"))
                .containsExactly("SCOPE_CONFIRMED");
    }

    private String applicableIn(String principle) {
        for (JsonNode r :
                api.get(officer, "/api/v1/assessments/" + assessmentId).json().get("requirements")) {
            if (r.get("principle").asText().equals(principle)
                    && r.get("applicable").asBoolean()) {
                return r.get("id").asText();
            }
        }
        throw new AssertionError("No applicable requirement in principle " + principle);
    }

    private static List<String> turns(JsonNode conversation) {
        List<String> turns = new ArrayList<>();
        conversation.forEach(e ->
                turns.add(e.get("kind").asText() + " " + e.get("actor").asText().replaceAll("-.*", "") + " "
                        + e.get("comment").asText()));
        return turns;
    }
}
