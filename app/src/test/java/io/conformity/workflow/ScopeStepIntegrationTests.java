package io.conformity.workflow;

import static io.conformity.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.conformity.identity.AuditedEvents;
import io.conformity.identity.Role;
import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.Fixtures;
import io.conformity.support.TestMailServer;

/** The scope step before collection and the deadlines of the tasks, over HTTP on the real engine and database. */
@ConformityIntegrationTest
class ScopeStepIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TaskDeadlines deadlines;

    @Autowired
    AuditedEvents audited;

    ApiClient api;
    Fixtures fixtures;
    Credentials engineer;
    Credentials officer;
    Credentials reviewer;
    Credentials signatory;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixtures = new Fixtures(api);
        engineer = fixtures.user("eng", "Eve Engineer", "Engineer", "ENGINEER");
        officer = fixtures.user("off", "Oscar Officer", "Officer", "COMPLIANCE_OFFICER");
        reviewer = fixtures.user("rev", "Rita Reviewer", "Officer", "COMPLIANCE_OFFICER");
        signatory = fixtures.user("sig", "Sid Signatory", "Director", "SIGNATORY");
        fixtures.team(engineer, reviewer, signatory);
    }

    @Test
    void theOfficerConfirmsTheScopeWithJustifiedOverridesWhichTheAssessmentShowsAndTheAnnexPrints() throws Exception {
        // A device without passwords: the profile makes 5.1-1 and 5.1-2 (M C (1)) not applicable.
        String releaseId = fixtures.release(officer);
        String productId = api.get(officer, "/api/v1/releases/" + releaseId)
                .expect(200)
                .json()
                .get("productId")
                .asText();
        Map<String, Boolean> conditions = new TreeMap<>();
        for (int c = 1; c <= 13; c++) {
            conditions.put(String.valueOf(c), c != 1 && c != 3 && c != 4);
        }
        api.put(
                        officer,
                        "/api/v1/products/" + productId + "/profiles/V2.1.1",
                        Map.of("conditions", conditions, "features", Map.of()))
                .expect(200);
        String assessmentId = api.post(
                        officer, "/api/v1/assessments", Map.of("releaseId", releaseId, "regimes", List.of("PSTI")))
                .expect(201)
                .json()
                .get("id")
                .asText();

        // Until the scope is confirmed: one task, the officer's, and no evidence anywhere.
        List<JsonNode> tasks = fixtures.tasks(officer, assessmentId);
        assertThat(tasks).singleElement().satisfies(t -> {
            assertThat(t.get("kind").asText()).isEqualTo("CONFIRM_SCOPE");
            assertThat(t.get("role").asText()).isEqualTo("compliance-officer");
            assertThat(Instant.parse(t.get("dueAt").asText()))
                    .isAfter(Instant.now().plus(Duration.ofDays(4)));
            assertThat(t.get("overdue").asBoolean()).isFalse();
        });
        assertThat(fixtures.tasks(engineer, assessmentId)).isEmpty();
        String scopeTask = tasks.get(0).get("id").asText();
        String passwords = requirement(assessmentId, "5.1-1").get("id").asText();
        String reporting = requirement(assessmentId, "5.2-1").get("id").asText();
        String guideline = requirement(assessmentId, "2").get("id").asText();
        assertThat(requirement(assessmentId, "5.1-1").get("applicable").asBoolean())
                .isFalse();
        assertThat(requirement(assessmentId, "5.2-1").get("status").asText()).isEqualTo("SCOPING");
        JsonNode early = assertProblem(
                api.upload(
                        engineer,
                        "/api/v1/requirement-assessments/" + reporting + "/evidence",
                        "security.txt",
                        "Contact: mailto:security@example.test".getBytes()),
                409);
        assertThat(early.get("type").asText()).endsWith(":evidence-closed");

        // Refusals record nothing: a mandatory requirement the profile makes applicable stays in scope (409) ...
        JsonNode refused = assertProblem(
                api.post(
                        officer,
                        "/api/v1/tasks/" + scopeTask + "/scope",
                        Map.of("overrides", List.of(override(reporting, false, "We publish nothing")))),
                409);
        assertThat(refused.get("type").asText()).endsWith(":scope-override-refused");
        assertThat(refused.get("detail").asText()).contains("5.2-1");
        // ... and every override needs a justification and must change something (400 at its place).
        JsonNode invalid = assertProblem(
                api.post(
                        officer,
                        "/api/v1/tasks/" + scopeTask + "/scope",
                        Map.of(
                                "overrides",
                                List.of(
                                        override(passwords, true, " "),
                                        override(guideline, true, "Already applicable"),
                                        override(UUID.randomUUID().toString(), false, "Unknown")))),
                400);
        assertThat(invalid.get("errors").findValuesAsText("pointer"))
                .containsExactlyInAnyOrder(
                        "/overrides/0/justification",
                        "/overrides/1/applicable",
                        "/overrides/2/requirementAssessmentId");
        assertProblem(api.post(engineer, "/api/v1/tasks/" + scopeTask + "/scope", Map.of()), 403);
        assertThat(requirement(assessmentId, "5.1-1").get("applicable").asBoolean())
                .isFalse();

        // Brought into scope: the app has a fallback PIN. Taken out: the guideline does not fit the product.
        api.post(
                        officer,
                        "/api/v1/tasks/" + scopeTask + "/scope",
                        Map.of(
                                "overrides",
                                List.of(
                                        override(passwords, true, "A fallback PIN exists for local pairing"),
                                        override(guideline, false, "No network service to which it applies")),
                                "comment",
                                "Scope reviewed with the product owner"))
                .expect(204);
        assertProblem(api.post(officer, "/api/v1/tasks/" + scopeTask + "/scope", Map.of()), 409);

        JsonNode in = requirement(assessmentId, "5.1-1");
        assertThat(in.get("applicable").asBoolean()).isTrue();
        assertThat(in.get("computedApplicable").asBoolean()).isFalse();
        assertThat(in.get("status").asText()).isEqualTo("OPEN");
        assertThat(in.get("scopeJustification").asText()).isEqualTo("A fallback PIN exists for local pairing");
        assertThat(in.get("scopeOverriddenBy").asText()).isEqualTo(officer.username());
        assertThat(in.get("scopeOverriddenAt").asText()).isNotBlank();
        JsonNode out = requirement(assessmentId, "2");
        assertThat(out.get("applicable").asBoolean()).isFalse();
        assertThat(out.get("computedApplicable").asBoolean()).isTrue();
        assertThat(out.get("status").asText()).isEqualTo("NOT_APPLICABLE");
        assertThat(out.get("justification").asText()).isEqualTo("No network service to which it applies");
        assertThat(requirement(assessmentId, "5.1-2").get("scopeOverriddenBy").isNull())
                .isTrue();
        assertThat(audited.about(assessmentId))
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("assessment.scope-confirmed"));

        // Collection starts on the principles in scope, 5.1-1 among them.
        List<String> principles = new ArrayList<>();
        fixtures.tasks(engineer, assessmentId).forEach(t -> {
            assertThat(t.get("kind").asText()).isEqualTo("COLLECT_EVIDENCE");
            principles.add(t.get("principle").asText());
        });
        assertThat(principles).contains(in.get("principle").asText());
        api.upload(
                        engineer,
                        "/api/v1/requirement-assessments/" + reporting + "/evidence",
                        "security.txt",
                        "Contact: mailto:security@example.test".getBytes())
                .expect(201);

        // Certified: the annex prints both overrides with the officer's reasons.
        fixtures.completeAllPrinciples(engineer, reviewer, assessmentId, "PASS");
        JsonNode declaration = fixtures.approveAndAwaitDeclaration(signatory, assessmentId);
        byte[] pdf = api.get(
                        officer, "/api/v1/declarations/" + declaration.get("id").asText() + "/pdf")
                .expect(200)
                .body();
        JsonNode annex = twin(pdf).get("requirements");
        assertThat(line(annex, "5.1-1").get("justification").asText())
                .startsWith("Scope: applicable, overriding the product profile (" + officer.username()
                        + "): A fallback PIN exists for local pairing");
        assertThat(line(annex, "2").get("verdict").asText()).isEqualTo("N/A");
        assertThat(line(annex, "2").get("justification").asText())
                .isEqualTo("Scope: not applicable, overriding the product profile (" + officer.username()
                        + "): No network service to which it applies");
    }

    @Test
    void whenTheEnginesClockPassesADueDateTheTaskIsOverdueAndADeadlineIsPublishedForItsRole() {
        String releaseId = fixtures.release(officer);
        String productId = api.get(officer, "/api/v1/releases/" + releaseId)
                .expect(200)
                .json()
                .get("productId")
                .asText();
        String assessmentId = api.post(
                        officer, "/api/v1/assessments", Map.of("releaseId", releaseId, "regimes", List.of("PSTI")))
                .expect(201)
                .json()
                .get("id")
                .asText();
        JsonNode scope = fixtures.tasks(officer, assessmentId).get(0);
        String taskId = scope.get("id").asText();
        String officerAddress = officer.username() + "@example.test";
        api.put(officer, "/api/v1/users/me/email", Map.of("email", officerAddress))
                .expect(200);
        Instant dueAt = Instant.parse(scope.get("dueAt").asText());
        assertThat(deadlines.ofTask(taskId)).isEmpty();
        try {
            // The engine's clock, which its timers and the job executor go by, moves past the due date.
            ClockUtil.offset(
                    Duration.between(Instant.now(), dueAt.plusSeconds(30)).toMillis());
            Instant until = Instant.now().plus(Duration.ofSeconds(60));
            while (deadlines.ofTask(taskId).size() < 2 && Instant.now().isBefore(until)) {
                pause();
            }
            assertThat(deadlines.ofTask(taskId))
                    .extracting(TaskDeadline::kind)
                    .containsExactly(TaskDeadline.Kind.REMINDER, TaskDeadline.Kind.OVERDUE);
            assertThat(deadlines.ofTask(taskId)).allSatisfy(d -> {
                assertThat(d.assessmentId().toString()).isEqualTo(assessmentId);
                assertThat(d.productId().toString()).isEqualTo(productId);
                assertThat(d.role()).isEqualTo(Role.COMPLIANCE_OFFICER);
                assertThat(d.principle()).isNull();
                assertThat(d.taskName()).isEqualTo("Confirm scope");
                assertThat(d.dueAt()).isEqualTo(dueAt);
            });
            assertThat(fixtures.tasks(officer, assessmentId)).singleElement().satisfies(t -> {
                assertThat(t.get("id").asText()).isEqualTo(taskId);
                assertThat(t.get("overdue").asBoolean()).isTrue();
            });
            assertThat(audited.about(assessmentId))
                    .extracting(e -> e.action())
                    .contains("task.reminder", "task.overdue");

            // The timers reach people: the officer's inbox, and an e-mail through the SMTP server.
            List<String> inbox = new ArrayList<>();
            api.get(officer, "/api/v1/notifications?size=100")
                    .expect(200)
                    .json()
                    .get("content")
                    .forEach(n -> {
                        if (n.get("link").asText().equals("/api/v1/tasks/" + taskId)) {
                            inbox.add(n.get("subject").asText());
                        }
                    });
            assertThat(inbox)
                    .hasSize(2)
                    .anySatisfy(subject -> assertThat(subject).startsWith("Reminder: "));
            List<TestMailServer.Mail> mails = List.of();
            while (mails.size() < 2 && Instant.now().isBefore(until)) {
                mails = TestMailServer.instance().to(officerAddress).stream()
                        .filter(mail -> mail.body().contains("/api/v1/tasks/" + taskId))
                        .toList();
                pause();
            }
            assertThat(mails)
                    .extracting(TestMailServer.Mail::subject)
                    .containsExactlyInAnyOrderElementsOf(inbox.stream()
                            .map(subject -> "[Conformity] " + subject)
                            .toList());
        } finally {
            ClockUtil.reset();
        }
    }

    private JsonNode requirement(String assessmentId, String requirementId) {
        for (JsonNode r : api.get(officer, "/api/v1/assessments/" + assessmentId)
                .expect(200)
                .json()
                .get("requirements")) {
            if (r.get("requirementId").asText().equals(requirementId)) {
                return r;
            }
        }
        throw new AssertionError("No requirement " + requirementId);
    }

    private static Map<String, Object> override(String id, boolean applicable, String justification) {
        return Map.of("requirementAssessmentId", id, "applicable", applicable, "justification", justification);
    }

    private static JsonNode line(JsonNode annex, String requirementId) {
        for (JsonNode r : annex) {
            if (r.get("requirementId").asText().equals(requirementId)) {
                return r;
            }
        }
        throw new AssertionError("No annex line " + requirementId);
    }

    private static JsonNode twin(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            byte[] json = document.getDocumentCatalog()
                    .getNames()
                    .getEmbeddedFiles()
                    .getNames()
                    .get("declaration.json")
                    .getEmbeddedFile()
                    .toByteArray();
            return new ObjectMapper().readTree(json);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
