package io.conformity.web;

import static io.conformity.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;

import io.conformity.problem.ProblemType;
import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.ApiClient.Response;
import io.conformity.support.Concurrently;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.CraFixtures;
import io.conformity.support.Fixtures;
import io.conformity.support.RawHttp;
import io.conformity.support.TestInstallation;

/**
 * Every entry of the problem catalogue, provoked over HTTP: status and type as catalogued, and documented in the
 * OpenAPI description for the operation that gave it. The description itself is compared with the running
 * endpoints.
 */
@ConformityIntegrationTest
class ProblemCatalogueIntegrationTests {

    /** Types that only a fresh installation or a race can give, and the test that provokes each. */
    static final Map<ProblemType, String> PROVOKED_ELSEWHERE = Map.of(
            ProblemType.INVALID_SETUP_TOKEN,
            "FirstStartSystemTests (a fresh installation, before its first setup)",
            ProblemType.TOO_MANY_REQUESTS,
            "DeclarationVerificationIntegrationTests (more verifications from one address than a minute allows) and"
                    + " SignInThrottleIntegrationTests (sign-ins and tokens after repeated failures)",
            ProblemType.SIGNOFF_VOID,
            "WorkflowIntegrationTests (the evidence under an accepted principle changed before the approval)",
            ProblemType.SCOPE_OVERRIDE_REFUSED,
            "ScopeStepIntegrationTests (a mandatory requirement the profile makes applicable marked not applicable)");

    static final Set<ProblemType> PROVOKED = EnumSet.noneOf(ProblemType.class);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    ApiClient api;
    RawHttp raw;
    Fixtures fixtures;
    Credentials admin = new Credentials(TestInstallation.ADMIN_USERNAME, TestInstallation.ADMIN_PASSWORD);
    Credentials officer;
    Credentials engineer;
    Credentials signatory;
    JsonNode openApi;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        raw = new RawHttp(port);
        fixtures = new Fixtures(api);
        officer = fixtures.user("off", "Oscar Officer", "Officer", "COMPLIANCE_OFFICER");
        fixtures.team(officer);
        engineer = fixtures.user("eng", "Eve Engineer", "Engineer", "ENGINEER");
        fixtures.team(engineer);
        signatory = fixtures.user("sig", "Sid Signatory", "Director", "SIGNATORY");
        fixtures.team(signatory);
        openApi = api.get(null, "/v3/api-docs").expect(200).json();
    }

    @AfterAll
    static void everyTypeWasProvoked() {
        Set<ProblemType> missing = EnumSet.allOf(ProblemType.class);
        missing.removeAll(PROVOKED);
        missing.removeAll(PROVOKED_ELSEWHERE.keySet());
        assertThat(missing).as("problem types no test provokes over HTTP").isEmpty();
    }

    @Test
    void requestProblems() {
        expect(
                ProblemType.VALIDATION,
                "POST",
                "/api/v1/manufacturers",
                api.post(officer, "/api/v1/manufacturers", Map.of()));
        expect(ProblemType.UNAUTHENTICATED, "GET", "/api/v1/users/me", api.get(null, "/api/v1/users/me"));
        expect(
                ProblemType.FORBIDDEN,
                "POST",
                "/api/v1/manufacturers",
                api.post(engineer, "/api/v1/manufacturers", Map.of("name", "N", "address", "A")));
        expect(
                ProblemType.NOT_FOUND,
                "GET",
                "/api/v1/manufacturers/{id}",
                api.get(officer, "/api/v1/manufacturers/" + UUID.randomUUID()));
        expect(
                ProblemType.UNKNOWN_REGIME,
                "GET",
                "/api/v1/catalog/regimes/{code}",
                api.get(officer, "/api/v1/catalog/regimes/NOPE"));
        expect(
                ProblemType.PAYLOAD_TOO_LARGE,
                "POST",
                "/api/v1/manufacturers",
                api.post(officer, "/api/v1/manufacturers", Map.of("name", "N", "address", "x".repeat(300 * 1024))));
        expect(
                ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "POST",
                "/api/v1/manufacturers",
                raw.send(
                        officer,
                        "POST",
                        "/api/v1/manufacturers",
                        "text/plain",
                        "name=N".getBytes(StandardCharsets.UTF_8)));
        expect(
                ProblemType.ALREADY_SET_UP,
                "POST",
                "/api/v1/setup",
                api.post(
                        null,
                        "/api/v1/setup",
                        Map.of(
                                "token",
                                "not-a-token",
                                "username",
                                "someone",
                                "displayName",
                                "S",
                                "password",
                                "a sufficiently long one")));
        String id = api.post(officer, "/api/v1/manufacturers", Map.of("name", "M", "address", "A"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        Response methodNotAllowed = raw.send(officer, "DELETE", "/api/v1/manufacturers/" + id, null, new byte[0]);
        assertCatalogued(ProblemType.METHOD_NOT_ALLOWED, methodNotAllowed);
        Response notAcceptable =
                raw.send(officer, "GET", "/api/v1/manufacturers/" + id, null, new byte[0], "Accept", "application/xml");
        assertCatalogued(ProblemType.NOT_ACCEPTABLE, notAcceptable);

        Credentials reset = fixtures.user("tmp", "Tia Temporary", "Engineer", "ENGINEER");
        String temporary = "temporary-" + UUID.randomUUID();
        api.put(admin, "/api/v1/users/" + reset.username() + "/password", Map.of("temporaryPassword", temporary))
                .expect(204);
        expect(
                ProblemType.PASSWORD_CHANGE_REQUIRED,
                "GET",
                "/api/v1/tasks",
                api.get(new Credentials(reset.username(), temporary), "/api/v1/tasks"));
    }

    @Test
    void productAndAccountProblems() {
        String username = "dup-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> user = Map.of(
                "username",
                username,
                "displayName",
                "D",
                "roles",
                List.of("ENGINEER"),
                "password",
                "a sufficiently long one");
        api.post(admin, "/api/v1/users", user).expect(201);
        expect(ProblemType.DUPLICATE_USER, "POST", "/api/v1/users", api.post(admin, "/api/v1/users", user));

        String manufacturerId = api.post(officer, "/api/v1/manufacturers", Map.of("name", "M", "address", "A"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        String productId = product(manufacturerId);
        Map<String, Object> release = Map.of("firmwareVersion", "1.0", "batch", "B1");
        String releaseId = api.post(officer, "/api/v1/products/" + productId + "/releases", release)
                .expect(201)
                .json()
                .get("id")
                .asText();
        expect(
                ProblemType.DUPLICATE_RELEASE,
                "POST",
                "/api/v1/products/{productId}/releases",
                api.post(officer, "/api/v1/products/" + productId + "/releases", release));
        expect(
                ProblemType.PROFILE_MISSING,
                "POST",
                "/api/v1/assessments",
                api.post(officer, "/api/v1/assessments", Map.of("releaseId", releaseId, "regimes", List.of("PSTI"))));
        expect(
                ProblemType.INVALID_SCOPE,
                "POST",
                "/api/v1/assessments",
                api.post(
                        officer,
                        "/api/v1/assessments",
                        Map.of("releaseId", releaseId, "regimes", List.of("PSTI", "PSTI"))));

        // The first profile of a product written ten times at once: one is stored, the others told to retry.
        // Whether writes overlap is up to the scheduler, so new products are tried until some do.
        for (int attempt = 0; attempt < 20 && !PROVOKED.contains(ProblemType.CONCURRENT_UPDATE); attempt++) {
            String fresh = product(manufacturerId);
            List<Response> responses = Concurrently.run(
                    10,
                    i -> api.put(officer, "/api/v1/products/" + fresh + "/profiles/V2.1.1", Fixtures.v211Profile()));
            assertThat(responses).extracting(Response::status).contains(200);
            responses.stream()
                    .filter(r -> r.status() != 200)
                    .forEach(r -> expect(
                            ProblemType.CONCURRENT_UPDATE,
                            "PUT",
                            "/api/v1/products/{productId}/profiles/{version}",
                            r));
        }
    }

    private String product(String manufacturerId) {
        String productId = api.post(
                        officer,
                        "/api/v1/products",
                        Map.of(
                                "manufacturerId",
                                manufacturerId,
                                "modelDesignation",
                                "P-1",
                                "productType",
                                "smart plug",
                                "supportPeriodEnd",
                                "2030-01-01"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        fixtures.teamJoins(productId);
        return productId;
    }

    @Test
    void workflowProblems() {
        String assessmentId = fixtures.openAssessment(officer, fixtures.release(officer))
                .get("id")
                .asText();
        JsonNode requirements =
                api.get(officer, "/api/v1/assessments/" + assessmentId).json().get("requirements");

        expect(
                ProblemType.ICS_NEEDS_EN303645,
                "GET",
                "/api/v1/assessments/{id}/ics",
                api.get(officer, "/api/v1/assessments/" + assessmentId + "/ics"));
        expect(
                ProblemType.MALFORMED_MULTIPART,
                "POST",
                "/api/v1/requirement-assessments/{id}/evidence",
                raw.send(
                        engineer,
                        "POST",
                        "/api/v1/requirement-assessments/" + applicableIn(requirements, "2") + "/evidence",
                        "multipart/form-data",
                        "--x\r\n".getBytes(StandardCharsets.UTF_8)));

        JsonNode collect = fixtures.task(engineer, assessmentId, "2");
        String collectId = collect.get("id").asText();
        expect(
                ProblemType.WRONG_TASK_KIND,
                "POST",
                "/api/v1/tasks/{taskId}/review",
                api.post(
                        engineer,
                        "/api/v1/tasks/" + collectId + "/review",
                        Map.of("verdicts", List.of(), "decision", "ACCEPT")));
        expect(
                ProblemType.EVIDENCE_MISSING,
                "POST",
                "/api/v1/tasks/{taskId}/submit",
                api.post(engineer, "/api/v1/tasks/" + collectId + "/submit", Map.of()));
        expect(
                ProblemType.EVIDENCE_REJECTED,
                "PUT",
                "/api/v1/requirement-assessments/{id}/evidence/{fileName}",
                api.send(
                        engineer,
                        HttpMethod.PUT,
                        "/api/v1/requirement-assessments/" + applicableIn(requirements, "2") + "/evidence/scan.xml",
                        "<?xml version=\"1.0\"?>\n<nmaprun scanner=\"nmap\"><host><ports><port protocol=\"tcp\""
                                .getBytes(StandardCharsets.UTF_8),
                        MediaType.APPLICATION_OCTET_STREAM));
        fixtures.submit(engineer, collect).expect(204);
        expect(
                ProblemType.TASK_COMPLETED,
                "POST",
                "/api/v1/tasks/{taskId}/submit",
                api.post(engineer, "/api/v1/tasks/" + collectId + "/submit", Map.of()));
        expect(
                ProblemType.EVIDENCE_CLOSED,
                "POST",
                "/api/v1/requirement-assessments/{id}/evidence",
                api.upload(
                        engineer,
                        "/api/v1/requirement-assessments/" + applicableIn(requirements, "2") + "/evidence",
                        "late.txt",
                        "late".getBytes(StandardCharsets.UTF_8)));
        // No earlier release of the product was certified: nothing to carry over.
        expect(
                ProblemType.CARRY_OVER_REFUSED,
                "POST",
                "/api/v1/assessments/{id}/principles/{code}/carry-over",
                api.post(engineer, "/api/v1/assessments/" + assessmentId + "/principles/2/carry-over", null));

        String reviewId = fixtures.task(officer, assessmentId, "2").get("id").asText();
        expect(
                ProblemType.VERDICT_MISSING,
                "POST",
                "/api/v1/tasks/{taskId}/review",
                api.post(
                        officer,
                        "/api/v1/tasks/" + reviewId + "/review",
                        Map.of("verdicts", List.of(), "decision", "ACCEPT")));
        expect(
                ProblemType.REQUIREMENT_NOT_IN_PRINCIPLE,
                "POST",
                "/api/v1/tasks/{taskId}/review",
                api.post(
                        officer,
                        "/api/v1/tasks/" + reviewId + "/review",
                        Map.of(
                                "verdicts",
                                List.of(Map.of(
                                        "requirementAssessmentId", applicableIn(requirements, "3"), "verdict", "PASS")),
                                "decision",
                                "ACCEPT")));
        // The full standard has provisions whose condition the profile does not meet, beside applicable ones.
        String full = fixtures.openFullStandardAssessment(officer);
        JsonNode notApplicable = notApplicable(
                api.get(officer, "/api/v1/assessments/" + full).json().get("requirements"));
        String naReviewTask = reviewTaskOf(full, notApplicable.get("principle").asText());
        expect(
                ProblemType.NOT_APPLICABLE,
                "POST",
                "/api/v1/tasks/{taskId}/review",
                api.post(
                        officer,
                        "/api/v1/tasks/" + naReviewTask + "/review",
                        Map.of(
                                "verdicts",
                                List.of(Map.of(
                                        "requirementAssessmentId",
                                        notApplicable.get("id").asText(),
                                        "verdict",
                                        "PASS")),
                                "decision",
                                "ACCEPT")));

        // A mandatory requirement judged FAIL cannot be accepted: the review refuses it, not the approval.
        Credentials both = fixtures.user("both", "Bo Both", "Director", "COMPLIANCE_OFFICER", "SIGNATORY");
        fixtures.assessmentMembers(assessmentId, both);
        for (JsonNode task : fixtures.tasks(engineer, assessmentId)) {
            fixtures.submit(engineer, task).expect(204);
        }
        JsonNode withMandatory = null;
        for (JsonNode r :
                api.get(officer, "/api/v1/assessments/" + assessmentId).json().get("requirements")) {
            if (r.get("applicable").asBoolean() && r.get("mandatory").asBoolean()) {
                withMandatory = r;
                break;
            }
        }
        String principle = withMandatory.get("principle").asText();
        expect(
                ProblemType.MANDATORY_REQUIREMENT_FAILED,
                "POST",
                "/api/v1/tasks/{taskId}/review",
                api.post(
                        both,
                        "/api/v1/tasks/"
                                + fixtures.task(both, assessmentId, principle)
                                        .get("id")
                                        .asText()
                                + "/review",
                        Map.of(
                                "verdicts",
                                fixtures.verdicts(both, assessmentId, principle, "FAIL"),
                                "decision",
                                "ACCEPT")));
        // A reviewer who also signs is refused.
        fixtures.completeAllPrinciples(engineer, both, assessmentId, "PASS");
        String approval = fixtures.task(signatory, assessmentId, null).get("id").asText();
        expect(
                ProblemType.SEPARATION_OF_DUTIES,
                "POST",
                "/api/v1/tasks/{taskId}/approve",
                api.post(
                        both,
                        "/api/v1/tasks/" + approval + "/approve",
                        Map.of("decision", "APPROVE", "placeOfIssue", "Leeds")));
    }

    @Test
    void craRouteAndSupportPeriodProblems() {
        CraFixtures cra = new CraFixtures(api, fixtures);
        String router = cra.create(officer, cra.router(officer)).get("id").asText();
        String craAssessment = cra.openCra(officer, router).get("id").asText();
        expect(
                ProblemType.CONFORMITY_ROUTE_NOT_ALLOWED,
                "PUT",
                "/api/v1/assessments/{id}/conformity-route",
                api.put(
                        officer,
                        "/api/v1/assessments/" + craAssessment + "/conformity-route",
                        Map.of("procedure", "INTERNAL_CONTROL")));

        String releaseId = fixtures.release(officer);
        String productId = api.get(officer, "/api/v1/releases/" + releaseId)
                .json()
                .get("productId")
                .asText();
        String assessmentId =
                fixtures.openAssessment(officer, releaseId).get("id").asText();
        fixtures.completeAllPrinciples(engineer, officer, assessmentId, "PASS");
        // Time passes between entering the end date (then in the future) and the approval.
        jdbc.update(
                "update product set support_period_end = ? where id = ?",
                LocalDate.now(ZoneOffset.UTC).minusDays(1),
                UUID.fromString(productId));
        expect(
                ProblemType.SUPPORT_PERIOD_ENDED,
                "POST",
                "/api/v1/tasks/{taskId}/approve",
                cra.approve(signatory, assessmentId));
        String supportPeriod = "/api/v1/products/" + productId + "/support-period";
        api.put(officer, supportPeriod, Map.of("supportPeriodEnd", "2031-03-31"))
                .expect(200);
        cra.approve(signatory, assessmentId).expect(204);
        expect(
                ProblemType.SUPPORT_PERIOD_SHORTENED,
                "PUT",
                "/api/v1/products/{productId}/support-period",
                api.put(officer, supportPeriod, Map.of("supportPeriodEnd", "2031-03-30")));
    }

    @Test
    void approvalAndIcsProblems() {
        String assessmentId = fixtures.openAssessment(officer, fixtures.release(officer))
                .get("id")
                .asText();
        // Recommendations judged FAIL without a justification: the review asks for one (EN 303 645 4-1).
        for (JsonNode task : fixtures.tasks(engineer, assessmentId)) {
            fixtures.submit(engineer, task).expect(204);
        }
        JsonNode requirements =
                api.get(officer, "/api/v1/assessments/" + assessmentId).json().get("requirements");
        boolean refused = false;
        for (JsonNode review : fixtures.tasks(officer, assessmentId)) {
            List<Map<String, Object>> unjustified = new ArrayList<>();
            List<Map<String, Object>> justified = new ArrayList<>();
            for (JsonNode r : requirements) {
                if (r.get("principle").asText().equals(review.get("principle").asText())
                        && r.get("applicable").asBoolean()) {
                    // A PASS is justified (these requirements were submitted on a statement, so FAIL is
                    // suggested); a recommendation's FAIL first comes without its justification.
                    Map<String, Object> verdict = r.get("mandatory").asBoolean()
                            ? Map.of(
                                    "requirementAssessmentId",
                                    r.get("id").asText(),
                                    "verdict",
                                    "PASS",
                                    "justification",
                                    "Design documentation reviewed.")
                            : Map.of("requirementAssessmentId", r.get("id").asText(), "verdict", "FAIL");
                    unjustified.add(verdict);
                    Map<String, Object> withReason = new HashMap<>(verdict);
                    withReason.putIfAbsent("justification", "Not offered on this model; see the user manual.");
                    justified.add(withReason);
                }
            }
            String reviewPath = "/api/v1/tasks/" + review.get("id").asText() + "/review";
            if (!refused && !unjustified.equals(justified)) {
                expect(
                        ProblemType.JUSTIFICATION_MISSING,
                        "POST",
                        "/api/v1/tasks/{taskId}/review",
                        api.post(officer, reviewPath, Map.of("verdicts", unjustified, "decision", "ACCEPT")));
                refused = true;
            }
            api.post(officer, reviewPath, Map.of("verdicts", justified, "decision", "ACCEPT"))
                    .expect(204);
        }
        assertThat(refused).as("some principle has a recommendation").isTrue();
        String approval = fixtures.task(signatory, assessmentId, null).get("id").asText();
        api.post(
                        signatory,
                        "/api/v1/tasks/" + approval + "/approve",
                        Map.of("decision", "APPROVE", "placeOfIssue", "Leeds"))
                .expect(204);
        fixtures.awaitDeclaration(assessmentId);
        expect(
                ProblemType.ASSESSMENT_STATE,
                "POST",
                "/api/v1/assessments/{id}/ics",
                raw.send(
                        officer,
                        "POST",
                        "/api/v1/assessments/" + assessmentId + "/ics",
                        "application/json",
                        "{\"framework\":\"urn:etsi:en:303645\",\"version\":\"V2.1.1\",\"rows\":[]}"
                                .getBytes(StandardCharsets.UTF_8)));

        // The full standard's ICS cannot be exported before anything is claimed or judged.
        String productRelease = fixtures.release(officer);
        String full = api.post(
                        officer,
                        "/api/v1/assessments",
                        Map.of(
                                "releaseId",
                                productRelease,
                                "regimes",
                                List.of("EN303645"),
                                "en303645Version",
                                "V2.1.1"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        expect(
                ProblemType.ICS_INCOMPLETE,
                "GET",
                "/api/v1/assessments/{id}/ics",
                api.get(officer, "/api/v1/assessments/" + full + "/ics"));
    }

    @Test
    void registerProblems() {
        String releaseId = fixtures.release(officer);
        String declaration = fixtures.issuePsti(engineer, officer, signatory, releaseId)
                .get("id")
                .asText();
        expect(
                ProblemType.DECLARATION_EXISTS,
                "POST",
                "/api/v1/assessments",
                api.post(officer, "/api/v1/assessments", Map.of("releaseId", releaseId, "regimes", List.of("PSTI"))));
        String reopened = api.post(
                        officer,
                        "/api/v1/assessments",
                        Map.of("releaseId", releaseId, "regimes", List.of("PSTI"), "supersedes", List.of(declaration)))
                .expect(201)
                .json()
                .get("id")
                .asText();
        JsonNode open = expect(
                ProblemType.ASSESSMENT_OPEN,
                "POST",
                "/api/v1/assessments",
                api.post(
                        officer,
                        "/api/v1/assessments",
                        Map.of(
                                "releaseId",
                                releaseId,
                                "regimes",
                                List.of("PSTI"),
                                "supersedes",
                                List.of(declaration))));
        assertThat(open.get("assessmentId").asText()).isEqualTo(reopened);
        expect(
                ProblemType.DECLARATION_RETAINED,
                "DELETE",
                "/api/v1/declarations/{id}",
                api.delete(admin, "/api/v1/declarations/" + declaration));
        api.post(officer, "/api/v1/declarations/" + declaration + "/withdrawal", Map.of("reason", "Recalled"))
                .expect(200);
        expect(
                ProblemType.DECLARATION_STATE,
                "POST",
                "/api/v1/declarations/{id}/withdrawal",
                api.post(officer, "/api/v1/declarations/" + declaration + "/withdrawal", Map.of("reason", "Again")));
    }

    @Test
    void aLostEvidenceFileIsAnInternalErrorWithoutDetail() throws Exception {
        String assessmentId = fixtures.openAssessment(officer, fixtures.release(officer))
                .get("id")
                .asText();
        JsonNode requirements =
                api.get(officer, "/api/v1/assessments/" + assessmentId).json().get("requirements");
        String content = "evidence that will be lost " + UUID.randomUUID();
        JsonNode evidence = api.upload(
                        engineer,
                        "/api/v1/requirement-assessments/" + applicableIn(requirements, "2") + "/evidence",
                        "lost.txt",
                        content.getBytes(StandardCharsets.UTF_8))
                .expect(201)
                .json();
        String sha = evidence.get("sha256").asText();
        Path blob = TestInstallation.H2
                .DATA
                .resolve("blobs")
                .resolve("sha256")
                .resolve(sha.substring(0, 2))
                .resolve(sha.substring(2, 4))
                .resolve(sha);
        Files.delete(blob);
        JsonNode problem = expect(
                ProblemType.INTERNAL,
                "GET",
                "/api/v1/evidence/{id}/content",
                api.get(engineer, "/api/v1/evidence/" + evidence.get("id").asText() + "/content"));
        assertThat(problem.get("detail").asText()).doesNotContain(sha).doesNotContain("blobs");
    }

    @Test
    void theDescriptionListsExactlyTheRunningEndpointsWithTheirSuccessStatus() {
        Set<String> running = new HashSet<>();
        mappings.getHandlerMethods()
                .forEach((info, method) -> info.getPatternValues().stream()
                        .filter(p -> p.startsWith("/api/"))
                        .forEach(p ->
                                info.getMethodsCondition().getMethods().forEach(m -> running.add(m.name() + " " + p))));
        Set<String> documented = new HashSet<>();
        openApi.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue()
                        .fieldNames()
                        .forEachRemaining(m -> documented.add(m.toUpperCase() + " " + path.getKey())));
        assertThat(documented).isEqualTo(running);

        assertThat(responses("POST", "/api/v1/manufacturers")).contains("201").doesNotContain("200");
        assertThat(responses("POST", "/api/v1/requirement-assessments/{id}/evidence"))
                .contains("201")
                .doesNotContain("200");
        assertThat(responses("POST", "/api/v1/tasks/{taskId}/submit"))
                .contains("204")
                .doesNotContain("200");
        assertThat(responses("POST", "/api/v1/assessments/{id}/ics"))
                .contains("204")
                .doesNotContain("200");
        assertThat(openApi.at("/info/title").asText()).isEqualTo("Conformity API");
        assertThat(openApi.at("/components/securitySchemes/basic/scheme").asText())
                .isEqualTo("basic");
        assertThat(openApi.at("/x-problem-types").findValuesAsText("type")).hasSize(ProblemType.values().length);
    }

    @Test
    void theServerEntryIsTheConfiguredPublicUrlWhateverTheHostHeader() {
        Response response = raw.getWithHeaders(
                "/v3/api-docs",
                "Host",
                "evil.example",
                "X-Forwarded-Host",
                "evil.example",
                "X-Forwarded-Proto",
                "https");
        JsonNode servers = response.json().get("servers");
        assertThat(servers).hasSize(1);
        assertThat(servers.get(0).get("url").asText())
                .startsWith("http://localhost:")
                .doesNotContain("evil");
    }

    // --- helpers

    private JsonNode expect(ProblemType type, String method, String template, Response response) {
        JsonNode problem = assertCatalogued(type, response);
        JsonNode documented = openApi.at("/paths/" + template.replace("~", "~0").replace("/", "~1") + "/"
                + method.toLowerCase() + "/responses/" + type.status().value() + "/" + "x-problem-types");
        assertThat(documented.isArray())
                .as("%s %s documents status %s", method, template, type.status().value())
                .isTrue();
        List<String> types = new ArrayList<>();
        documented.forEach(t -> types.add(t.asText()));
        assertThat(types)
                .as("%s %s documents %s", method, template, type.uri())
                .contains(type.uri().toString());
        return problem;
    }

    private static JsonNode assertCatalogued(ProblemType type, Response response) {
        JsonNode problem = assertProblem(response, type.status().value());
        assertThat(problem.get("type").asText())
                .as(response.text())
                .isEqualTo(type.uri().toString());
        assertThat(problem.get("title").asText()).isEqualTo(type.title());
        PROVOKED.add(type);
        return problem;
    }

    private Set<String> responses(String method, String template) {
        Set<String> codes = new HashSet<>();
        openApi.at("/paths/" + template.replace("/", "~1") + "/" + method.toLowerCase() + "/responses")
                .fieldNames()
                .forEachRemaining(codes::add);
        return codes;
    }

    private static String applicableIn(JsonNode requirements, String principle) {
        for (JsonNode r : requirements) {
            if (r.get("principle").asText().equals(principle)
                    && r.get("applicable").asBoolean()) {
                return r.get("id").asText();
            }
        }
        throw new AssertionError("no applicable requirement in principle " + principle);
    }

    private static JsonNode notApplicable(JsonNode requirements) {
        Set<String> withWork = new HashSet<>();
        requirements.forEach(r -> {
            if (r.get("applicable").asBoolean()) {
                withWork.add(r.get("principle").asText());
            }
        });
        for (JsonNode r : requirements) {
            if (!r.get("applicable").asBoolean()
                    && withWork.contains(r.get("principle").asText())) {
                return r;
            }
        }
        throw new AssertionError("no not-applicable requirement in a principle with work");
    }

    private String reviewTaskOf(String assessmentId, String principle) {
        String collect =
                fixtures.task(engineer, assessmentId, principle).get("id").asText();
        fixtures.stateNoEvidence(engineer, assessmentId, principle);
        api.post(engineer, "/api/v1/tasks/" + collect + "/submit", Map.of()).expect(204);
        return fixtures.task(officer, assessmentId, principle).get("id").asText();
    }
}
