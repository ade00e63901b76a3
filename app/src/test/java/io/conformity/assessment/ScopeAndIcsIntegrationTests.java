package io.conformity.assessment;

import static io.conformity.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.Fixtures;

/** Profiles, applicability, regimes and the ICS over HTTP, on the real database and engine. */
@ConformityIntegrationTest
class ScopeAndIcsIntegrationTests {

    /** The smart camera of ApplicabilityTests: 71 of the 78 V3.1.3 provisions apply. */
    static final Map<String, Object> CAMERA_V313 = Map.of(
            "conditions", Map.of("3", false, "12", true, "14", true, "15", true, "16", true),
            "features", features("abcdefghijkmnoqstuvwxyz", "lpr"));

    @LocalServerPort
    int port;

    ApiClient api;
    Fixtures fixtures;
    Credentials officer;
    Credentials engineer;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixtures = new Fixtures(api);
        officer = fixtures.user("off", "Opal Officer", "Officer", "COMPLIANCE_OFFICER");
        fixtures.team(officer);
        engineer = fixtures.user("eng", "Enzo Engineer", "Engineer", "ENGINEER");
        fixtures.team(engineer);
    }

    @Test
    void aProfileMustAnswerEveryConditionAndFeatureConsistently() {
        String productId = product("smart camera");
        Map<String, Boolean> features = new TreeMap<>(Map.of("a", true, "b", true, "c", false, "zz", true));
        JsonNode problem = assertProblem(
                api.put(
                        officer,
                        "/api/v1/products/" + productId + "/profiles/V3.1.3",
                        Map.of(
                                "conditions",
                                Map.of("3", false, "12", true, "14", true, "15", true, "16", true, "99", true),
                                "features",
                                features)),
                400);
        List<String> pointers = problem.get("errors").findValuesAsText("pointer");
        assertThat(pointers).contains("/conditions/99", "/features/zz", "/features/d", "/features/aa");
        assertThat(pointers).hasSize(2 + 24);

        Map<String, Boolean> contradictory = new TreeMap<>();
        for (int c = 1; c <= 13; c++) {
            contradictory.put(String.valueOf(c), c != 3);
        }
        problem = assertProblem(
                api.put(
                        officer,
                        "/api/v1/products/" + productId + "/profiles/V2.1.1",
                        Map.of("conditions", contradictory, "features", Map.of())),
                400);
        assertThat(problem.get("errors").get(0).get("pointer").asText()).isEqualTo("/conditions/5");
        assertProblem(api.put(officer, "/api/v1/products/" + productId + "/profiles/V9.9.9", CAMERA_V313), 404);
        assertProblem(api.put(engineer, "/api/v1/products/" + productId + "/profiles/V3.1.3", CAMERA_V313), 403);

        JsonNode saved = api.put(officer, "/api/v1/products/" + productId + "/profiles/V3.1.3", CAMERA_V313)
                .expect(200)
                .json();
        assertThat(saved.get("features").size()).isEqualTo(27);
        assertThat(api.get(engineer, "/api/v1/products/" + productId + "/profiles/V3.1.3")
                        .expect(200)
                        .json()
                        .get("conditions")
                        .get("3")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void theFullStandardIsScopedByTheProfileWithGeneratedJustifications() {
        String productId = product("smart camera");
        api.put(officer, "/api/v1/products/" + productId + "/profiles/V3.1.3", CAMERA_V313)
                .expect(200);
        String releaseId = release(productId);

        assertProblem(
                api.post(
                        officer, "/api/v1/assessments", Map.of("releaseId", releaseId, "regimes", List.of("EN303645"))),
                400);
        assertProblem(
                api.post(
                        officer,
                        "/api/v1/assessments",
                        Map.of("releaseId", releaseId, "regimes", List.of("EN303645"), "en303645Version", "V1.0")),
                400);
        assertProblem(
                api.post(
                        officer,
                        "/api/v1/assessments",
                        Map.of(
                                "releaseId",
                                releaseId,
                                "regimes",
                                List.of("EN303645", "EN303645"),
                                "en303645Version",
                                "V3.1.3")),
                400);

        JsonNode assessment = api.post(
                        officer,
                        "/api/v1/assessments",
                        Map.of("releaseId", releaseId, "regimes", List.of("EN303645"), "en303645Version", "V3.1.3"))
                .expect(201)
                .json();
        List<JsonNode> requirements = list(assessment.get("requirements"));
        assertThat(requirements).hasSize(78);
        List<JsonNode> notApplicable = requirements.stream()
                .filter(r -> !r.get("applicable").asBoolean())
                .toList();
        assertThat(notApplicable)
                .extracting(r -> r.get("requirementId").asText())
                .containsExactlyInAnyOrder("5.3-14", "5.3-15A", "5.3-15B", "5.4-2", "5.6-1", "5.6-4B", "6-7");
        JsonNode nonUpdatable = notApplicable.stream()
                .filter(r -> r.get("requirementId").asText().equals("5.3-14"))
                .findFirst()
                .orElseThrow();
        assertThat(nonUpdatable.get("status").asText()).isEqualTo("NOT_APPLICABLE");
        assertThat(nonUpdatable.get("justification").asText())
                .contains("condition (3)", "software components are not updateable", "does not hold");
        assertThat(requirements)
                .filteredOn(r -> r.get("icsStatus").asText().equals("M"))
                .allSatisfy(r -> assertThat(r.get("applicable").asBoolean()).isTrue());

        // Once the officer confirms the scope, one collect task per principle that has applicable work: the 13 CoP
        // topics and the 5.0-1 topic.
        assertThat(fixtures.tasks(engineer, assessment.get("id").asText())).isEmpty();
        fixtures.confirmScope(officer, assessment.get("id").asText());
        assertThat(fixtures.tasks(engineer, assessment.get("id").asText())).hasSize(14);
        // Evidence cannot be added to a provision that does not apply.
        assertProblem(
                api.upload(
                        engineer,
                        "/api/v1/requirement-assessments/"
                                + nonUpdatable.get("id").asText() + "/evidence",
                        "x.txt",
                        "x".getBytes()),
                409);
    }

    @Test
    void severalRegimesShareOnePrincipleAndOneEvidenceSetThroughTheCrosswalk() {
        String productId = product("smart camera");
        api.put(officer, "/api/v1/products/" + productId + "/profiles/V3.1.3", CAMERA_V313)
                .expect(200);
        api.put(officer, "/api/v1/products/" + productId + "/profiles/V2.1.1", Fixtures.v211Profile())
                .expect(200);
        JsonNode assessment = api.post(
                        officer,
                        "/api/v1/assessments",
                        Map.of(
                                "releaseId",
                                release(productId),
                                "regimes",
                                List.of("PSTI", "EN303645", "CRA"),
                                "en303645Version",
                                "V3.1.3"))
                .expect(201)
                .json();
        List<JsonNode> requirements = list(assessment.get("requirements"));
        assertThat(requirements).hasSize(13 + 4 + 78 + 22);
        assertThat(requirements)
                .filteredOn(r -> r.get("principle").asText().equals("1"))
                .extracting(r -> r.get("frameworkVersion").asText() + " "
                        + r.get("requirementId").asText())
                .contains(
                        "2018 1",
                        "V2.1.1 5.1-1",
                        "V2.1.1 5.1-2",
                        "V3.1.3 5.1-1",
                        "V3.1.3 5.1-5",
                        "2024/2847 I.2b",
                        "2024/2847 I.2d");
        // Each requirement records the regimes that brought it in; a declaration lists these, never the catalog again.
        assertThat(requirements)
                .filteredOn(r -> (r.get("frameworkVersion").asText() + " "
                                + r.get("requirementId").asText())
                        .equals("V3.1.3 5.1-1"))
                .singleElement()
                .satisfies(r -> assertThat(r.get("regimes").toString()).isEqualTo("[\"EN303645\"]"));
        assertThat(requirements)
                .filteredOn(r -> (r.get("frameworkVersion").asText() + " "
                                + r.get("requirementId").asText())
                        .equals("V2.1.1 5.1-1"))
                .singleElement()
                .satisfies(r -> assertThat(r.get("regimes").toString()).isEqualTo("[\"PSTI\"]"));
        assertThat(requirements)
                .filteredOn(r -> r.get("requirementId").asText().equals("I.2b"))
                .singleElement()
                .satisfies(r -> assertThat(r.get("regimes").toString()).isEqualTo("[\"CRA\"]"));
        // CRA items the cross-walk does not place form principles of their own.
        assertThat(requirements)
                .filteredOn(r -> r.get("requirementId").asText().equals("II.1"))
                .singleElement()
                .satisfies(r -> assertThat(r.get("principle").asText()).startsWith("CRA"));
        fixtures.confirmScope(officer, assessment.get("id").asText());
        List<JsonNode> collect = fixtures.tasks(engineer, assessment.get("id").asText());
        assertThat(collect)
                .extracting(t -> t.get("principle").asText())
                .doesNotHaveDuplicates()
                .contains("1", "13");
        assertThat(assessment.get("regimes")).hasSize(3);

        // One password-design document serves the CoP guideline, both EN versions and the CRA items of topic 1.
        String cop1 = requirements.stream()
                .filter(r -> r.get("frameworkVersion").asText().equals("2018")
                        && r.get("requirementId").asText().equals("1"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asText();
        String sha = api.upload(
                        engineer,
                        "/api/v1/requirement-assessments/" + cop1 + "/evidence",
                        "passwords.pdf",
                        "%PDF-1.7 password generation design".getBytes())
                .expect(201)
                .json()
                .get("sha256")
                .asText();
        JsonNode principleEvidence = api.get(
                        officer, "/api/v1/assessments/" + assessment.get("id").asText() + "/evidence?principle=1")
                .expect(200)
                .json();
        assertThat(principleEvidence)
                .singleElement()
                .satisfies(e -> assertThat(e.get("sha256").asText()).isEqualTo(sha));
        assertThat(api.get(
                                officer,
                                "/api/v1/assessments/" + assessment.get("id").asText() + "/evidence?principle=2")
                        .expect(200)
                        .json())
                .isEmpty();
    }

    @Test
    void pstiAndCraTogetherIssueAStatementOfComplianceAndAnEuDeclarationOfConformity() throws Exception {
        Credentials signatory = fixtures.user("sig", "Sol Signatory", "Managing Director", "SIGNATORY");
        fixtures.team(signatory);
        String productId = product("smart camera");
        api.put(officer, "/api/v1/products/" + productId + "/profiles/V2.1.1", Fixtures.v211Profile())
                .expect(200);
        JsonNode assessment = api.post(
                        officer,
                        "/api/v1/assessments",
                        Map.of("releaseId", release(productId), "regimes", List.of("PSTI", "CRA")))
                .expect(201)
                .json();
        String assessmentId = assessment.get("id").asText();
        fixtures.confirmScope(officer, assessmentId);
        String cra = list(assessment.get("requirements")).stream()
                .filter(r -> r.get("requirementId").asText().equals("II.1"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asText();
        String sbom = api.upload(
                        engineer,
                        "/api/v1/requirement-assessments/" + cra + "/evidence",
                        "sbom.cdx.json",
                        "{\"bomFormat\":\"CycloneDX\"}".getBytes())
                .expect(201)
                .json()
                .get("sha256")
                .asText();
        fixtures.completeAllPrinciples(engineer, officer, assessmentId, "PASS");
        api.post(
                        signatory,
                        "/api/v1/tasks/"
                                + fixtures.task(signatory, assessmentId, null)
                                        .get("id")
                                        .asText() + "/approve",
                        Map.of("decision", "APPROVE", "placeOfIssue", "Bristol"))
                .expect(204);
        fixtures.awaitDeclaration(assessmentId);

        List<JsonNode> declarations = list(api.get(officer, "/api/v1/assessments/" + assessmentId + "/declarations")
                .expect(200)
                .json());
        assertThat(declarations).extracting(d -> d.get("regime").asText()).containsExactly("CRA", "PSTI");
        assertThat(api.get(officer, "/api/v1/assessments/" + assessmentId + "/declaration")
                        .expect(200)
                        .json()
                        .get("regime")
                        .asText())
                .isEqualTo("PSTI");
        String doc = pdfText(declarations.get(0).get("id").asText());
        assertThat(doc)
                .contains(
                        "EU Declaration of Conformity",
                        "2024/2847",
                        "sole responsibility",
                        "II.1",
                        sbom,
                        "Sol Signatory",
                        "Bristol");
        assertThat(doc).doesNotContain("5.1-1");
        String soc = pdfText(declarations.get(1).get("id").asText());
        assertThat(soc).contains("Statement of Compliance", "ETSI EN 303 645 V2.1.1 (2020-06)", "5.1-1");
        assertThat(soc).doesNotContain("II.1").doesNotContain(sbom);
    }

    private String pdfText(String declarationId) throws IOException {
        byte[] pdf = api.get(officer, "/api/v1/declarations/" + declarationId + "/pdf")
                .expect(200)
                .body();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void aProductTypeInAScheduleThreeClassIsFlaggedWithTheReason() {
        String productId = product("Laptop computer with camera");
        api.put(officer, "/api/v1/products/" + productId + "/profiles/V2.1.1", Fixtures.v211Profile())
                .expect(200);
        JsonNode assessment = api.post(
                        officer,
                        "/api/v1/assessments",
                        Map.of("releaseId", release(productId), "regimes", List.of("PSTI")))
                .expect(201)
                .json();
        assertThat(assessment.get("pstiExcepted")).singleElement().satisfies(flag -> {
            assertThat(flag.get("id").asText()).isEqualTo("Sch3-5");
            assertThat(flag.get("reason").asText()).contains("Laptop computer with camera", "Schedule 3");
        });
        String plain = product("smart plug");
        api.put(officer, "/api/v1/products/" + plain + "/profiles/V2.1.1", Fixtures.v211Profile())
                .expect(200);
        assertThat(api.post(
                                officer,
                                "/api/v1/assessments",
                                Map.of("releaseId", release(plain), "regimes", List.of("PSTI")))
                        .expect(201)
                        .json()
                        .get("pstiExcepted"))
                .isEmpty();
    }

    @Test
    void theIcsRoundTripsAndABadIcsNamesRowAndColumnAndRecordsNothing() throws Exception {
        String productId = product("smart camera");
        api.put(officer, "/api/v1/products/" + productId + "/profiles/V3.1.3", CAMERA_V313)
                .expect(200);
        JsonNode first = api.post(
                        officer,
                        "/api/v1/assessments",
                        Map.of(
                                "releaseId",
                                release(productId),
                                "regimes",
                                List.of("EN303645"),
                                "en303645Version",
                                "V3.1.3"))
                .expect(201)
                .json();
        String firstId = first.get("id").asText();
        assertProblem(api.get(officer, "/api/v1/assessments/" + firstId + "/ics"), 409);

        // The manufacturer's statement: N/A with the reason where the profile says so, one recommendation not
        // met (with its justification), Y elsewhere.
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode r : first.get("requirements")) {
            String id = r.get("requirementId").asText();
            boolean applicable = r.get("applicable").asBoolean();
            String support = !applicable ? "N/A" : id.equals("5.7-1") ? "N" : "Y";
            String detail = !applicable
                    ? "Feature or condition absent, see profile"
                    : id.equals("5.7-1")
                            ? "No secure boot: the SoC lacks a hardware root of trust, \"mitigated\" by signed updates"
                            : "";
            Map<String, Object> row = new HashMap<>();
            row.put("provision", id);
            row.put("status", r.get("icsStatus").asText());
            row.put("support", support);
            row.put("detail", detail);
            rows.add(row);
        }
        String json = new ObjectMapper()
                .writeValueAsString(Map.of("framework", "ETSI EN 303 645", "version", "V3.1.3", "rows", rows));
        postResponse(firstId, json, MediaType.APPLICATION_JSON).expect(204);

        String csv = api.get(officer, "/api/v1/assessments/" + firstId + "/ics?format=csv")
                .expect(200)
                .text();
        assertThat(csv).startsWith("\uFEFFprovision,status,support,detail");
        assertThat(csv.lines().count()).isGreaterThan(78);
        JsonNode exported = api.get(officer, "/api/v1/assessments/" + firstId + "/ics")
                .expect(200)
                .json();
        assertThat(exported.get("rows")).hasSize(78);

        // Import the export into a second assessment of the same product: the same statement comes back.
        String secondId = api.post(
                        officer,
                        "/api/v1/assessments",
                        Map.of(
                                "releaseId",
                                release(productId),
                                "regimes",
                                List.of("EN303645"),
                                "en303645Version",
                                "V3.1.3"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        postResponse(secondId, csv, MediaType.parseMediaType("text/csv")).expect(204);
        assertThat(api.get(officer, "/api/v1/assessments/" + secondId + "/ics?format=csv")
                        .expect(200)
                        .text())
                .isEqualTo(csv);
        assertThat(api.get(officer, "/api/v1/assessments/" + secondId + "/ics")
                        .expect(200)
                        .json())
                .isEqualTo(exported);

        // A bad statement: every problem with its row and column, and nothing recorded.
        String third = api.post(
                        officer,
                        "/api/v1/assessments",
                        Map.of(
                                "releaseId",
                                release(productId),
                                "regimes",
                                List.of("EN303645"),
                                "en303645Version",
                                "V3.1.3"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        List<String> lines = new ArrayList<>(csv.substring(1).lines().toList());
        List<String> unreadable = new ArrayList<>(lines);
        unreadable.set(2, unreadable.get(2).replaceFirst(",Y,", ",MAYBE,")); // spreadsheet row 3
        JsonNode problem = assertProblem(
                postResponse(third, String.join("\n", unreadable), MediaType.parseMediaType("text/csv")), 400);
        assertThat(problem.get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("row").asInt()).isEqualTo(3);
            assertThat(e.get("column").asText()).isEqualTo("support");
        });
        // Readable but wrong against the catalog and the profile: every row reported at once.
        List<String> wrong = new ArrayList<>(lines);
        int notMet = rowOf(wrong, "5.1-2A,");
        int notApplicable = rowOf(wrong, "5.1-3,");
        int status = rowOf(wrong, "5.2-1,");
        wrong.set(notMet - 1, "5.1-2A,R,N,"); // a recommendation not met, no justification
        wrong.set(notApplicable - 1, "5.1-3,M F (c),N/A,not needed"); // feature (c) is present: N/A not allowed
        wrong.set(status - 1, "5.2-1,R,Y,"); // the catalog says M
        problem =
                assertProblem(postResponse(third, String.join("\n", wrong), MediaType.parseMediaType("text/csv")), 400);
        assertThat(problem.get("errors"))
                .extracting(e -> e.get("row").asInt() + "/" + e.get("column").asText())
                .contains(notMet + "/detail", notApplicable + "/support", status + "/status");
        assertProblem(api.get(officer, "/api/v1/assessments/" + third + "/ics"), 409);
    }

    @Test
    void theFullStandardIsCertifiedToAStatementCitingTheChosenVersion() throws Exception {
        Credentials signatory = fixtures.user("sig", "Sian Signatory", "Director", "SIGNATORY");
        fixtures.team(signatory);
        String productId = product("smart camera");
        api.put(officer, "/api/v1/products/" + productId + "/profiles/V3.1.3", CAMERA_V313)
                .expect(200);
        String assessmentId = api.post(
                        officer,
                        "/api/v1/assessments",
                        Map.of(
                                "releaseId",
                                release(productId),
                                "regimes",
                                List.of("EN303645"),
                                "en303645Version",
                                "V3.1.3"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        fixtures.confirmScope(officer, assessmentId);

        // Submit everything; the officer judges 5.7-1 (R, secure boot) FAIL without a reason: the review refuses.
        for (JsonNode task : fixtures.tasks(engineer, assessmentId)) {
            fixtures.submit(engineer, task).expect(204);
        }
        String secureBootPrinciple = null;
        for (JsonNode r :
                api.get(officer, "/api/v1/assessments/" + assessmentId).json().get("requirements")) {
            if (r.get("requirementId").asText().equals("5.7-1")) {
                secureBootPrinciple = r.get("principle").asText();
            }
        }
        JsonNode problem = assertProblem(review(assessmentId, secureBootPrinciple, ""), 409);
        assertThat(problem.get("type").asText()).endsWith("justification-missing");
        assertThat(problem.get("detail").asText()).contains("5.7-1", "5.0-1");

        // The officer records the reason; then it can be accepted and approved.
        submitAndReview(assessmentId, "No hardware root of trust; integrity rests on signed updates (5.3-9)");
        JsonNode approval = fixtures.task(signatory, assessmentId, null);
        api.post(
                        signatory,
                        "/api/v1/tasks/" + approval.get("id").asText() + "/approve",
                        Map.of("decision", "APPROVE", "placeOfIssue", "York"))
                .expect(204);

        JsonNode declaration = fixtures.awaitDeclaration(assessmentId);
        byte[] pdf = api.get(
                        officer, "/api/v1/declarations/" + declaration.get("id").asText() + "/pdf")
                .expect(200)
                .body();
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text)
                .contains(
                        "ETSI EN 303 645 V3.1.3 (2024-09)",
                        "5.7-1",
                        "No hardware root of trust",
                        "condition (3)",
                        "N/A");
    }

    /** Engineers submit every open principle; the officer passes all but 5.7-1, which fails with the reason given. */
    private void submitAndReview(String assessmentId, String secureBootReason) {
        for (JsonNode task : fixtures.tasks(engineer, assessmentId)) {
            fixtures.submit(engineer, task).expect(204);
        }
        for (JsonNode review : fixtures.tasks(officer, assessmentId)) {
            review(assessmentId, review.get("principle").asText(), secureBootReason)
                    .expect(204);
        }
    }

    private ApiClient.Response review(String assessmentId, String principle, String secureBootReason) {
        List<Map<String, Object>> verdicts = new ArrayList<>();
        for (JsonNode r :
                api.get(officer, "/api/v1/assessments/" + assessmentId).json().get("requirements")) {
            if (r.get("principle").asText().equals(principle)
                    && r.get("applicable").asBoolean()) {
                boolean secureBoot = r.get("requirementId").asText().equals("5.7-1");
                verdicts.add(Map.of(
                        "requirementAssessmentId",
                        r.get("id").asText(),
                        "verdict",
                        secureBoot ? "FAIL" : "PASS",
                        "justification",
                        secureBoot ? secureBootReason : "Tested"));
            }
        }
        String task = fixtures.task(officer, assessmentId, principle).get("id").asText();
        return api.post(
                officer, "/api/v1/tasks/" + task + "/review", Map.of("verdicts", verdicts, "decision", "ACCEPT"));
    }

    /** The spreadsheet row (header = 1) of the line starting with the prefix. */
    private static int rowOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError("No row " + prefix);
    }

    private ApiClient.Response postResponse(String assessmentId, String body, MediaType type) {
        return RestClient.create("http://localhost:" + port)
                .post()
                .uri("/api/v1/assessments/" + assessmentId + "/ics")
                .header(
                        HttpHeaders.AUTHORIZATION,
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((officer.username() + ":" + officer.password()).getBytes()))
                .contentType(type)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .exchange((req, res) -> new ApiClient.Response(
                        res.getStatusCode().value(),
                        res.getHeaders(),
                        res.getBody().readAllBytes()));
    }

    private String product(String type) {
        String manufacturerId = api.post(
                        officer,
                        "/api/v1/manufacturers",
                        Map.of("name", "Scope Devices Ltd", "address", "3 Scope Street, York YO1 1AA"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        String productId = api.post(
                        officer,
                        "/api/v1/products",
                        Map.of(
                                "manufacturerId",
                                manufacturerId,
                                "modelDesignation",
                                "SD-" + type.length(),
                                "productType",
                                type,
                                "supportPeriodEnd",
                                "2031-01-31"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        fixtures.teamJoins(productId);
        return productId;
    }

    private String release(String productId) {
        return api.post(
                        officer,
                        "/api/v1/products/" + productId + "/releases",
                        Map.of("firmwareVersion", "2." + System.nanoTime(), "batch", "B7"))
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> result = new ArrayList<>();
        array.forEach(result::add);
        return result;
    }

    static Map<String, Boolean> features(String present, String absent) {
        Map<String, Boolean> features = new TreeMap<>();
        for (char c = 'a'; c <= 'z'; c++) {
            features.put(String.valueOf(c), present.indexOf(c) >= 0);
        }
        features.put("aa", false);
        absent.chars().forEach(c -> features.put(String.valueOf((char) c), false));
        return features;
    }
}
