package io.conformity.declaration;

import static io.conformity.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.Fixtures;
import io.conformity.support.MutableClock;
import io.conformity.support.TestInstallation;

/**
 * The register over HTTP: one current statement per release and regime (a new one supersedes knowingly),
 * withdrawal, the regulators' search, and retention before deletion. The database is shared with the other
 * integration tests, so each test searches for names of its own.
 */
@ConformityIntegrationTest
class DeclarationRegisterIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    ApiClient api;
    Fixtures fixtures;
    Credentials admin;
    Credentials engineer;
    Credentials officer;
    Credentials signatory;
    Credentials regulator;
    String tag;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixtures = new Fixtures(api);
        admin = fixtures.admin();
        engineer = fixtures.user("eng", "Eve Engineer", "Engineer", "ENGINEER");
        fixtures.team(engineer);
        officer = fixtures.user("off", "Oscar Officer", "Officer", "COMPLIANCE_OFFICER");
        fixtures.team(officer);
        signatory = fixtures.user("sig", "Sid Signatory", "Director", "SIGNATORY");
        fixtures.team(signatory);
        regulator = fixtures.user("reg", "Rita Regulator", "Inspector", "REGULATOR");
        fixtures.team(regulator);
        tag = "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aSecondStatementOnAnIssuedReleaseMustSupersedeTheFirstAndIssuingMarksItSuperseded() {
        String releaseId = fixtures.release(officer, tag + " Devices", tag + "-P1");
        JsonNode first = fixtures.issuePsti(engineer, officer, signatory, releaseId);
        String firstId = first.get("id").asText();
        assertThat(first.get("status").asText()).isEqualTo("ISSUED");
        assertThat(first.get("releaseId").asText()).isEqualTo(releaseId);

        // Without saying so: refused, naming the earlier statement, its regime and its date of issue.
        JsonNode problem = assertProblem(
                api.post(officer, "/api/v1/assessments", Map.of("releaseId", releaseId, "regimes", List.of("PSTI"))),
                409);
        assertThat(problem.get("type").asText()).isEqualTo("urn:conformity:problem:declaration-exists");
        String issuedOn = LocalDate.ofInstant(
                        Instant.parse(first.get("issuedAt").asText()), ZoneOffset.UTC)
                .toString();
        assertThat(problem.get("detail").asText()).contains(firstId, "PSTI", issuedOn, "supersedes");
        assertThat(problem.get("declarations")).singleElement().satisfies(d -> {
            assertThat(d.get("id").asText()).isEqualTo(firstId);
            assertThat(d.get("regime").asText()).isEqualTo("PSTI");
            assertThat(d.get("issuedAt").asText())
                    .isEqualTo(first.get("issuedAt").asText());
        });
        // Naming something that is not a statement of this release is a bad request, at its place.
        problem = assertProblem(
                api.post(
                        officer,
                        "/api/v1/assessments",
                        Map.of(
                                "releaseId",
                                releaseId,
                                "regimes",
                                List.of("PSTI"),
                                "supersedes",
                                List.of(firstId, UUID.randomUUID().toString()))),
                400);
        assertThat(problem.get("errors").findValuesAsText("pointer")).containsExactly("/supersedes/1");

        // Saying so: opened, and the statement is recorded on the assessment.
        JsonNode second = fixtures.issuePsti(engineer, officer, signatory, releaseId, firstId);
        String secondId = second.get("id").asText();
        assertThat(api.get(
                                officer,
                                "/api/v1/assessments/"
                                        + second.get("assessmentId").asText())
                        .json()
                        .get("supersedes")
                        .get(0)
                        .asText())
                .isEqualTo(firstId);

        JsonNode superseded =
                api.get(officer, "/api/v1/declarations/" + firstId).expect(200).json();
        assertThat(superseded.get("status").asText()).isEqualTo("SUPERSEDED");
        assertThat(superseded.get("supersededBy").asText()).isEqualTo(secondId);
        assertThat(Instant.parse(superseded.get("supersededAt").asText()))
                .isEqualTo(Instant.parse(second.get("issuedAt").asText()));
        assertThat(second.get("status").asText()).isEqualTo("ISSUED");

        // The regulator sees both, the earlier one pointing at its successor.
        JsonNode register = api.get(regulator, "/api/v1/register?manufacturer=" + tag + "&sort=issuedAt,asc")
                .expect(200)
                .json();
        assertThat(values(register, "id")).containsExactly(firstId, secondId);
        assertThat(values(register, "status")).containsExactly("SUPERSEDED", "ISSUED");
        assertThat(register.get("content").get(0).get("supersededBy").asText()).isEqualTo(secondId);

        // A superseded statement cannot be superseded again.
        problem = assertProblem(
                api.post(
                        officer,
                        "/api/v1/assessments",
                        Map.of("releaseId", releaseId, "regimes", List.of("PSTI"), "supersedes", List.of(firstId))),
                409);
        assertThat(problem.get("type").asText()).isEqualTo("urn:conformity:problem:declaration-state");
        assertThat(problem.get("detail").asText()).contains(firstId, "SUPERSEDED", secondId);
    }

    @Test
    void whileAnAssessmentOfAReleaseIsOpenNoRivalIsOpenedAndOnceIssuedANewOneMustSupersedeIt() {
        // Two open assessments of one release would each end in a statement, neither superseding the other.
        String releaseId = fixtures.release(officer, tag + " Devices", tag + "-P2");
        String first = fixtures.openAssessment(officer, releaseId).get("id").asText();

        JsonNode rival = assertProblem(
                api.post(officer, "/api/v1/assessments", Map.of("releaseId", releaseId, "regimes", List.of("PSTI"))),
                409);
        assertThat(rival.get("type").asText()).isEqualTo("urn:conformity:problem:assessment-open");
        assertThat(rival.get("assessmentId").asText()).isEqualTo(first);

        fixtures.completeAllPrinciples(engineer, officer, first, "PASS");
        JsonNode issued = fixtures.approveAndAwaitDeclaration(signatory, first);
        JsonNode exists = assertProblem(
                api.post(officer, "/api/v1/assessments", Map.of("releaseId", releaseId, "regimes", List.of("PSTI"))),
                409);
        assertThat(exists.get("type").asText()).isEqualTo("urn:conformity:problem:declaration-exists");
        assertThat(exists.get("detail").asText()).contains(issued.get("id").asText());
    }

    @Test
    void aWithdrawalRecordsWhoWhenAndWhyOnceAndOnlyForOfficersAndSignatories() {
        String releaseId = fixtures.release(officer, tag + " Devices", tag + "-W1");
        String id = fixtures.issuePsti(engineer, officer, signatory, releaseId)
                .get("id")
                .asText();
        String path = "/api/v1/declarations/" + id + "/withdrawal";
        Map<String, String> reason = Map.of("reason", "Default password found on units of batch B1");

        assertProblem(api.post(engineer, path, reason), 403);
        assertProblem(api.post(regulator, path, reason), 403);
        JsonNode invalid = assertProblem(api.post(officer, path, Map.of("reason", " ")), 400);
        assertThat(invalid.get("errors").findValuesAsText("pointer")).contains("/reason");
        assertProblem(api.post(officer, "/api/v1/declarations/" + UUID.randomUUID() + "/withdrawal", reason), 404);

        Instant before = Instant.now();
        JsonNode withdrawn = api.post(signatory, path, reason).expect(200).json();
        assertThat(withdrawn.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.get("withdrawalReason").asText()).isEqualTo(reason.get("reason"));
        assertThat(withdrawn.get("withdrawnBy").asText()).isEqualTo(signatory.username());
        assertThat(Instant.parse(withdrawn.get("withdrawnAt").asText())).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(api.get(officer, "/api/v1/declarations/" + id).json()).isEqualTo(withdrawn);

        JsonNode again = assertProblem(api.post(officer, path, Map.of("reason", "Twice")), 409);
        assertThat(again.get("type").asText()).isEqualTo("urn:conformity:problem:declaration-state");
        assertThat(again.get("detail").asText()).contains("WITHDRAWN");
        assertThat(api.get(officer, "/api/v1/declarations/" + id)
                        .json()
                        .get("withdrawalReason")
                        .asText())
                .isEqualTo(reason.get("reason"));

        JsonNode entry = api.get(regulator, "/api/v1/register?model=" + tag + "-W1")
                .expect(200)
                .json()
                .get("content")
                .get(0);
        assertThat(entry.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(entry.get("withdrawalReason").asText()).isEqualTo(reason.get("reason"));
        assertThat(entry.get("withdrawnAt").asText())
                .isEqualTo(withdrawn.get("withdrawnAt").asText());
        // Who inside the manufacturer withdrew it is not the regulator's register.
        assertThat(entry.has("withdrawnBy")).isFalse();

        // A withdrawn statement is not current: a new assessment of the release needs no supersession.
        api.post(officer, "/api/v1/assessments", Map.of("releaseId", releaseId, "regimes", List.of("PSTI")))
                .expect(201);
    }

    @Test
    void theRegisterIsSearchedByManufacturerModelStatusAndRegimeAndPaged() throws Exception {
        String alphaRelease = fixtures.release(officer, tag + " Alpha Devices", tag + "-A1");
        String alphaProduct = api.get(officer, "/api/v1/releases/" + alphaRelease)
                .expect(200)
                .json()
                .get("productId")
                .asText();
        String alpha1 = fixtures.issuePsti(engineer, officer, signatory, alphaRelease)
                .get("id")
                .asText();
        String alpha2 = fixtures.issuePsti(engineer, officer, signatory, fixtures.newRelease(officer, alphaProduct))
                .get("id")
                .asText();
        String beta = fixtures.issuePsti(
                        engineer, officer, signatory, fixtures.release(officer, tag + " Beta Ltd", tag + "-B7"))
                .get("id")
                .asText();
        api.post(officer, "/api/v1/declarations/" + alpha1 + "/withdrawal", Map.of("reason", "Recalled"))
                .expect(200);

        assertThat(ids("manufacturer=" + tag.toUpperCase() + " alpha")).containsExactlyInAnyOrder(alpha1, alpha2);
        assertThat(ids("model=" + tag + "-b")).containsExactly(beta);
        assertThat(ids("manufacturer=" + tag + "&status=WITHDRAWN")).containsExactly(alpha1);
        assertThat(ids("manufacturer=" + tag + "&status=ISSUED&sort=issuedAt,asc"))
                .containsExactly(alpha2, beta);
        assertThat(ids("manufacturer=" + tag + "&regime=PSTI")).hasSize(3);
        assertThat(ids("manufacturer=" + tag + "&regime=CRA")).isEmpty();
        // The text's wildcard characters match only themselves.
        assertThat(ids("manufacturer=" + tag + "%")).isEmpty();

        JsonNode first = api.get(regulator, "/api/v1/register?manufacturer=" + tag + "&size=2&sort=issuedAt,asc")
                .expect(200)
                .json();
        assertThat(values(first, "id")).containsExactly(alpha1, alpha2);
        JsonNode page = first.get("page");
        assertThat(List.of(
                        page.get("size").asInt(),
                        page.get("number").asInt(),
                        page.get("totalElements").asInt(),
                        page.get("totalPages").asInt()))
                .containsExactly(2, 0, 3, 2);
        assertThat(values(
                        api.get(regulator, "/api/v1/register?manufacturer=" + tag + "&size=2&page=1&sort=issuedAt,asc")
                                .expect(200)
                                .json(),
                        "id"))
                .containsExactly(beta);

        // Each entry says what the statement is about and where the file is; the file is what the register says.
        JsonNode entry = api.get(regulator, "/api/v1/register?model=" + tag + "-B7")
                .expect(200)
                .json()
                .get("content")
                .get(0);
        assertThat(entry.get("manufacturer").asText()).isEqualTo(tag + " Beta Ltd");
        assertThat(entry.get("productType").asText()).isEqualTo("smart plug");
        assertThat(entry.get("modelDesignation").asText()).isEqualTo(tag + "-B7");
        assertThat(entry.get("firmwareVersion").asText()).startsWith("1.0.");
        assertThat(entry.get("batch").asText()).isEqualTo("B1");
        assertThat(entry.get("regime").asText()).isEqualTo("PSTI");
        assertThat(entry.get("status").asText()).isEqualTo("ISSUED");
        assertThat(entry.get("issuedAt").asText()).isNotBlank();
        String pdfLink = entry.get("pdf").asText();
        assertThat(pdfLink).startsWith("http://localhost:").endsWith("/api/v1/declarations/" + beta + "/pdf");
        byte[] pdf = api.get(regulator, pdfLink.substring(pdfLink.indexOf("/api/")))
                .expect(200)
                .body();
        assertThat(pdf).hasSize(entry.get("size").asInt());
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)))
                .isEqualTo(entry.get("sha256").asText());

        // Regulators and the internal roles read it; an engineer does not.
        api.get(admin, "/api/v1/register?manufacturer=" + tag).expect(200);
        api.get(signatory, "/api/v1/register?manufacturer=" + tag).expect(200);
        api.get(officer, "/api/v1/register?manufacturer=" + tag).expect(200);
        assertProblem(api.get(engineer, "/api/v1/register"), 403);
        assertProblem(api.get(null, "/api/v1/register"), 401);
    }

    @Test
    void aStatementIsKeptTenYearsOrItsSupportPeriodThenDeletedWithItsFile() {
        JsonNode declaration = fixtures.issuePsti(
                engineer, officer, signatory, fixtures.release(officer, tag + " Devices", tag + "-R1"));
        String id = declaration.get("id").asText();
        String sha = declaration.get("sha256").asText();
        LocalDate issued =
                LocalDate.ofInstant(Instant.parse(declaration.get("issuedAt").asText()), ZoneOffset.UTC);
        // The fixture's support period ends in 2030, before ten years from issue.
        LocalDate until = issued.plusYears(10);
        assertThat(declaration.get("retainedUntil").asText()).isEqualTo(until.toString());

        assertProblem(api.delete(officer, "/api/v1/declarations/" + id), 403);
        JsonNode problem = assertProblem(api.delete(admin, "/api/v1/declarations/" + id), 409);
        assertThat(problem.get("type").asText()).isEqualTo("urn:conformity:problem:declaration-retained");
        assertThat(problem.get("retainedUntil").asText()).isEqualTo(until.toString());
        assertThat(problem.get("detail").asText()).contains(until.toString(), "PSTI regulations 8 and 9");
        assertThat(blob(sha)).exists();

        try {
            // The last day of retention still refuses; the day after allows.
            clock.advance(Duration.between(
                    Instant.now(),
                    until.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(3600)));
            assertProblem(api.delete(admin, "/api/v1/declarations/" + id), 409);
            clock.advance(Duration.ofDays(1));
            api.delete(admin, "/api/v1/declarations/" + id).expect(204);
        } finally {
            clock.reset();
        }
        assertProblem(api.get(officer, "/api/v1/declarations/" + id), 404);
        assertThat(ids("model=" + tag + "-R1")).isEmpty();
        assertThat(blob(sha)).doesNotExist();
        // The store's verification finds nothing missing: the file left with its entry.
        JsonNode report = api.post(admin, "/api/v1/admin/storage-verifications", Map.of())
                .expect(200)
                .json();
        assertThat(report.get("missing").findValuesAsText("sha256")).doesNotContain(sha);
        assertProblem(api.delete(admin, "/api/v1/declarations/" + id), 404);
    }

    private List<String> ids(String query) {
        return values(
                api.get(regulator, "/api/v1/register?" + query).expect(200).json(), "id");
    }

    private static List<String> values(JsonNode page, String field) {
        List<String> values = new ArrayList<>();
        page.get("content").forEach(item -> values.add(item.get(field).asText()));
        return values;
    }

    private static Path blob(String sha) {
        return TestInstallation.H2
                .DATA
                .resolve("blobs")
                .resolve("sha256")
                .resolve(sha.substring(0, 2))
                .resolve(sha.substring(2, 4))
                .resolve(sha);
    }
}
