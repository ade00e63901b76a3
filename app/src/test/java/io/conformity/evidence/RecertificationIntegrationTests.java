package io.conformity.evidence;

import static io.conformity.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import io.conformity.declaration.internal.rendering.DeclarationTwin;
import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.Fixtures;

/**
 * Re-certification over HTTP: release 1 certified with a real tool output, release 2 takes the principle over
 * unchanged, by hash, analysed again, reviewed as carried and printed as carried in the annex.
 */
@ConformityIntegrationTest
class RecertificationIntegrationTests {

    @LocalServerPort
    int port;

    ApiClient api;
    Fixtures fixtures;
    Credentials engineer;
    Credentials officer;
    Credentials signatory;
    /** Engineer and officer: carries evidence over, and then may not accept it. */
    Credentials carrier;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixtures = new Fixtures(api);
        engineer = fixtures.user("eng", "Eve Engineer", "Engineer", "ENGINEER");
        officer = fixtures.user("off", "Oscar Officer", "Officer", "COMPLIANCE_OFFICER");
        signatory = fixtures.user("sig", "Sam Signatory", "Director", "SIGNATORY");
        carrier = fixtures.user("car", "Cal Carrier", "Engineer and officer", "ENGINEER", "COMPLIANCE_OFFICER");
        fixtures.team(engineer, officer, signatory, carrier);
    }

    @Test
    void anUnchangedPrincipleIsCarriedByHashAnalysedAgainReviewedAsCarriedAndPrintedAsCarried() throws IOException {
        // Release 1, certified with the camera's nmap scan as evidence.
        String release1 = fixtures.release(officer);
        String productId = api.get(officer, "/api/v1/releases/" + release1)
                .expect(200)
                .json()
                .get("productId")
                .asText();
        String firmware1 = api.get(officer, "/api/v1/releases/" + release1)
                .expect(200)
                .json()
                .get("firmwareVersion")
                .asText();
        String first = fixtures.openAssessment(officer, release1).get("id").asText();
        JsonNode requirement = firstApplicable(first);
        String principle = requirement.get("principle").asText();
        JsonNode scan = api.send(
                        engineer,
                        HttpMethod.PUT,
                        "/api/v1/requirement-assessments/"
                                + requirement.get("id").asText() + "/evidence/nmap-smartcam.xml",
                        sample("nmap-smartcam.xml"),
                        MediaType.APPLICATION_OCTET_STREAM)
                .expect(201)
                .json();
        fixtures.completeAllPrinciples(engineer, officer, first, "PASS");
        fixtures.approveAndAwaitDeclaration(signatory, first);

        // Release 2: the offer names release 1's assessment and the scan.
        String release2 = fixtures.newRelease(officer, productId);
        String second = fixtures.openAssessment(officer, release2).get("id").asText();
        JsonNode offer = api.get(engineer, "/api/v1/assessments/" + second + "/carry-over")
                .expect(200)
                .json();
        assertThat(offer.at("/previous/assessmentId").asText()).isEqualTo(first);
        assertThat(offer.at("/previous/firmwareVersion").asText()).isEqualTo(firmware1);
        JsonNode offered = principleOffer(offer, principle);
        assertThat(offered.get("carriable").asBoolean()).isTrue();
        assertThat(offered.get("evidence")).singleElement().satisfies(e -> {
            assertThat(e.get("sha256").asText()).isEqualTo(scan.get("sha256").asText());
            assertThat(e.get("uploadedBy").asText()).isEqualTo(engineer.username());
            assertThat(e.get("analyzer").asText()).isEqualTo("nmap");
            assertThat(e.get("requirements").get(0).asText())
                    .endsWith(requirement.get("requirementId").asText());
        });
        assertThat(api.get(signatory, "/api/v1/assessments/" + second + "/carry-over")
                        .status())
                .isEqualTo(200);

        // Refused before anything is carried: wrong role, non-member, unknown principle.
        Credentials outsider = fixtures.user("out", "Olga Outsider", "Engineer", "ENGINEER");
        assertProblem(api.post(officer, carryOver(second, principle), null), 403);
        assertProblem(api.post(outsider, carryOver(second, principle), null), 404);
        assertProblem(api.get(outsider, "/api/v1/assessments/" + second + "/carry-over"), 404);
        assertProblem(api.post(engineer, carryOver(second, "no-such-principle"), null), 404);

        // Carried: a new item naming the same bytes, its origin, analysed again for the new assessment.
        JsonNode carried = api.post(carrier, carryOver(second, principle), null)
                .expect(201)
                .json();
        assertThat(carried).singleElement().satisfies(e -> {
            assertThat(e.get("id").asText()).isNotEqualTo(scan.get("id").asText());
            assertThat(e.get("assessmentId").asText()).isEqualTo(second);
            assertThat(e.get("sha256").asText()).isEqualTo(scan.get("sha256").asText());
            assertThat(e.get("uploadedBy").asText()).isEqualTo(carrier.username());
            assertThat(e.at("/carriedFrom/uploadedBy").asText()).isEqualTo(engineer.username());
            assertThat(e.at("/carriedFrom/assessmentId").asText()).isEqualTo(first);
            assertThat(e.at("/carriedFrom/evidenceId").asText())
                    .isEqualTo(scan.get("id").asText());
            assertThat(e.at("/carriedFrom/firmwareVersion").asText()).isEqualTo(firmware1);
            assertThat(e.at("/carriedFrom/uploadedAt").asText())
                    .isEqualTo(scan.get("uploadedAt").asText());
            assertThat(e.at("/analysis/status").asText()).isEqualTo("ANALYZED");
            assertThat(e.at("/analysis/analysedAt").asText())
                    .isGreaterThan(scan.at("/analysis/analysedAt").asText());
            assertThat(e.at("/analysis/findings")).isNotEmpty();
        });
        assertProblem(api.post(engineer, carryOver(second, principle), null), 409);
        assertThat(principleOffer(
                                api.get(engineer, "/api/v1/assessments/" + second + "/carry-over")
                                        .expect(200)
                                        .json(),
                                principle)
                        .get("carried")
                        .asBoolean())
                .isTrue();

        // Fresh findings, on the new assessment's requirements.
        Set<String> secondRequirements = new HashSet<>();
        api.get(officer, "/api/v1/assessments/" + second)
                .expect(200)
                .json()
                .get("requirements")
                .forEach(r -> secondRequirements.add(r.get("id").asText()));
        JsonNode findings = api.get(officer, "/api/v1/assessments/" + second + "/findings?principle=" + principle)
                .expect(200)
                .json()
                .get("content");
        assertThat(findings).isNotEmpty();
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.get("evidenceId").asText())
                    .isEqualTo(carried.get(0).get("id").asText());
            assertThat(f.get("requirementAssessmentIds"))
                    .allSatisfy(id -> assertThat(secondRequirements).contains(id.asText()));
        });

        // The task shows it as carried; the principle is submitted without a new upload or statement.
        JsonNode collect = fixtures.task(engineer, second, principle);
        List<JsonNode> sheets = new ArrayList<>();
        api.get(engineer, "/api/v1/tasks/" + collect.get("id").asText() + "/requirements")
                .expect(200)
                .json()
                .forEach(sheets::add);
        JsonNode sheet = sheets.stream()
                .filter(s -> s.at("/requirement/requirementId")
                        .asText()
                        .equals(requirement.get("requirementId").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(sheet.get("evidence"))
                .singleElement()
                .satisfies(e -> assertThat(e.at("/carriedFrom/evidenceId").asText())
                        .isEqualTo(scan.get("id").asText()));
        assertThat(sheet.get("findings")).isNotEmpty();
        api.post(engineer, "/api/v1/tasks/" + collect.get("id").asText() + "/submit", Map.of())
                .expect(204);

        // Who carried the evidence over vouched for it: another officer must accept it.
        JsonNode review = fixtures.tasks(carrier, second).stream()
                .filter(t -> t.get("kind").asText().equals("REVIEW_PRINCIPLE")
                        && t.get("principle").asText().equals(principle))
                .findFirst()
                .orElseThrow();
        JsonNode refused = assertProblem(
                api.post(
                        carrier,
                        "/api/v1/tasks/" + review.get("id").asText() + "/review",
                        Map.of(
                                "verdicts",
                                fixtures.verdicts(officer, second, principle, "PASS"),
                                "decision",
                                "ACCEPT")),
                403);
        assertThat(refused.get("type").asText()).endsWith(":separation-of-duties");

        // The annex says the file was carried over from release 1's assessment.
        fixtures.completeAllPrinciples(engineer, officer, second, "PASS");
        JsonNode declaration = fixtures.approveAndAwaitDeclaration(signatory, second);
        byte[] pdf = api.get(
                        officer, "/api/v1/declarations/" + declaration.get("id").asText() + "/pdf")
                .expect(200)
                .body();
        JsonNode twin = DeclarationTwin.embeddedIn(pdf).orElseThrow();
        assertThat(twin.get("evidence")).anySatisfy(line -> {
            assertThat(line.get("sha256").asText()).isEqualTo(scan.get("sha256").asText());
            assertThat(line.get("carriedFrom").asText()).isEqualTo(firmware1);
        });
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // Without white space: the narrow file column may break a line anywhere, even within the version.
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
        }
        assertThat(text).contains("carriedoverunchangedfromtheassessmentoffirmware" + firmware1);
    }

    @Test
    void aPrincipleWhoseRequirementsChangedIsNotCarriedAndStatementsAloneAre() {
        String release1 = fixtures.release(officer);
        String productId = api.get(officer, "/api/v1/releases/" + release1)
                .expect(200)
                .json()
                .get("productId")
                .asText();
        String first = fixtures.openAssessment(officer, release1).get("id").asText();
        fixtures.completeAllPrinciples(engineer, officer, first, "PASS");
        fixtures.approveAndAwaitDeclaration(signatory, first);

        // The product no longer has pre-installed passwords (condition 2): 5.1-2 does not apply to release 2.
        Map<String, Object> profile = new HashMap<>(Fixtures.v211Profile());
        Map<String, Boolean> conditions = new TreeMap<>();
        for (int c = 1; c <= 13; c++) {
            conditions.put(String.valueOf(c), c != 2 && c != 3 && c != 4);
        }
        profile.put("conditions", conditions);
        api.put(officer, "/api/v1/products/" + productId + "/profiles/V2.1.1", profile)
                .expect(200);
        String second = fixtures.openAssessment(officer, fixtures.newRelease(officer, productId))
                .get("id")
                .asText();
        JsonNode offer = api.get(engineer, "/api/v1/assessments/" + second + "/carry-over")
                .expect(200)
                .json();
        JsonNode passwords = principleOffer(offer, "1");
        assertThat(passwords.get("carriable").asBoolean()).isFalse();
        assertThat(passwords.get("onlyBefore").toString()).contains("5.1-2");
        JsonNode refused = assertProblem(api.post(engineer, carryOver(second, "1"), null), 409);
        assertThat(refused.get("reason").asText()).isEqualTo("requirements-differ");
        assertThat(refused.get("onlyBefore").toString()).contains("5.1-2");

        // Principle 2 had only a statement of why no evidence exists: it is restated by the carrier, and suffices.
        JsonNode disclosure = principleOffer(offer, "2");
        assertThat(disclosure.get("carriable").asBoolean()).isTrue();
        assertThat(disclosure.get("evidence")).isEmpty();
        assertThat(disclosure.get("statements")).isNotEmpty();
        assertThat(api.post(engineer, carryOver(second, "2"), null).expect(201).json())
                .isEmpty();
        assertProblem(api.post(engineer, carryOver(second, "2"), null), 409);
        JsonNode collect = fixtures.task(engineer, second, "2");
        api.post(engineer, "/api/v1/tasks/" + collect.get("id").asText() + "/submit", Map.of())
                .expect(204);
    }

    @Test
    void anAssessmentWithoutAnApprovedEarlierReleaseIsOfferedNothing() {
        String assessment = fixtures.openAssessment(officer, fixtures.release(officer))
                .get("id")
                .asText();
        JsonNode offer = api.get(engineer, "/api/v1/assessments/" + assessment + "/carry-over")
                .expect(200)
                .json();
        assertThat(offer.get("previous").isNull()).isTrue();
        assertThat(offer.get("principles")).isEmpty();
        String principle = firstApplicable(assessment).get("principle").asText();
        JsonNode problem = assertProblem(api.post(engineer, carryOver(assessment, principle), null), 409);
        assertThat(problem.get("type").asText()).endsWith(":carry-over-refused");
        assertThat(problem.get("reason").asText()).isEqualTo("no-previous-assessment");
    }

    private static String carryOver(String assessmentId, String principle) {
        return "/api/v1/assessments/" + assessmentId + "/principles/" + principle + "/carry-over";
    }

    private JsonNode firstApplicable(String assessmentId) {
        for (JsonNode r : api.get(officer, "/api/v1/assessments/" + assessmentId)
                .expect(200)
                .json()
                .get("requirements")) {
            if (r.get("applicable").asBoolean()) {
                return r;
            }
        }
        throw new AssertionError("No applicable requirement in " + assessmentId);
    }

    private static JsonNode principleOffer(JsonNode offer, String principle) {
        for (JsonNode p : offer.get("principles")) {
            if (p.get("principle").asText().equals(principle)) {
                return p;
            }
        }
        throw new AssertionError("No offer for principle " + principle + " in " + offer);
    }

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = new ClassPathResource("demo/samples/" + name).getInputStream()) {
            return in.readAllBytes();
        }
    }
}
