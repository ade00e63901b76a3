package io.conformity.evidence;

import static io.conformity.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.ApiClient.Response;
import io.conformity.support.Concurrently;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.Fixtures;
import io.conformity.support.TestInstallation;

/** Evidence read and checked, over HTTP on the real engine, database and store. */
@ConformityIntegrationTest
class EvidenceIntegrationTests {

    @LocalServerPort
    int port;

    ApiClient api;
    Fixtures fixtures;
    Credentials engineer;
    Credentials officer;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixtures = new Fixtures(api);
        engineer = fixtures.user("eng", "Eve Engineer", "Engineer", "ENGINEER");
        fixtures.team(engineer);
        officer = fixtures.user("off", "Oscar Officer", "Officer", "COMPLIANCE_OFFICER");
        fixtures.team(officer);
    }

    @Test
    void theCameraScanWithOnlyTheTlsPortDeclaredSuggestsFailUntilThePortsAreDeclaredAndJustified() throws IOException {
        String assessmentId = fixtures.openFullStandardAssessment(officer);
        Map<String, String> ids = requirementIds(assessmentId, "V2.1.1");
        String interfacesAt = ids.get("5.6-1");
        declare(interfacesAt, "interfaces", interfaces(Map.of(18443, "")));
        JsonNode scan = putFile(ids.get("5.6-1"), "nmap-smartcam.xml", sample("nmap-smartcam.xml"))
                .expect(201)
                .json();
        assertThat(scan.get("mediaType").asText()).isEqualTo("application/xml");
        assertThat(scan.at("/analysis/analyzer").asText()).isEqualTo("nmap");
        assertThat(scan.at("/analysis/status").asText()).isEqualTo("ANALYZED");

        JsonNode high = api.get(
                        officer, "/api/v1/assessments/" + assessmentId + "/findings?principle=6&minSeverity=HIGH")
                .expect(200)
                .json()
                .get("content");
        assertThat(high).isNotEmpty();
        assertThat(high).allSatisfy(f -> assertThat(f.get("location").asText()).contains("12323"));
        Map<String, JsonNode> sheet = sheet(assessmentId, "6");
        assertThat(sheet.get("5.6-1").at("/suggestion/verdict").asText()).isEqualTo("FAIL");
        assertThat(sheet.get("5.6-1").at("/suggestion/findingCodes").toString())
                .contains("nmap.cleartext-login")
                .contains("nmap.port.undeclared");

        // Declared and justified, the same scan is read again and no longer suggests FAIL.
        declare(
                interfacesAt,
                "interfaces",
                interfaces(Map.of(
                        12323, "Service console on the installer's bench network only; disabled on first boot.",
                        18080, "Redirects to the TLS port.",
                        18443, "Local web interface over TLS.")));
        assertThat(sheet(assessmentId, "6")
                        .get("5.6-1")
                        .at("/suggestion/verdict")
                        .asText())
                .isEqualTo("PASS");
        assertThat(api.get(officer, "/api/v1/evidence/" + scan.get("id").asText())
                        .expect(200)
                        .json()
                        .at("/analysis/findings")
                        .findValuesAsText("code"))
                .doesNotContain("nmap.port.undeclared");
    }

    @Test
    void aReadingAgainKeepsWhatAnAcceptedPrincipleWasAcceptedOn() throws IOException {
        Credentials signatory = fixtures.user("sig", "Sam Signatory", "Director", "SIGNATORY");
        String assessmentId = fixtures.openFullStandardAssessment(officer);
        fixtures.assessmentMembers(assessmentId, signatory);
        Map<String, String> ids = requirementIds(assessmentId, "V2.1.1");
        String scanHash = putFile(ids.get("5.6-1"), "nmap-smartcam.xml", sample("nmap-smartcam.xml"))
                .expect(201)
                .json()
                .get("sha256")
                .asText();
        fixtures.submit(engineer, fixtures.task(engineer, assessmentId, "5")).expect(204);
        JsonNode review = fixtures.task(officer, assessmentId, "5");
        api.post(
                        officer,
                        "/api/v1/tasks/" + review.get("id").asText() + "/review",
                        Map.of("verdicts", fixtures.verdicts(officer, assessmentId, "5", "PASS"), "decision", "ACCEPT"))
                .expect(204);
        // The telnet console's clear-text login counts against 5.5-1 too: principle 5 was accepted on the scan.
        assertThat(signoffs(assessmentId, "5").get(0).get("evidenceHashes").toString())
                .contains(scanHash);

        // Principle 6, still collecting, declares its interfaces: the scan is read again for it...
        declare(
                ids.get("5.6-1"),
                "interfaces",
                interfaces(Map.of(
                        12323, "Service console on the installer's bench network only; disabled on first boot.",
                        18080, "Redirects to the TLS port.",
                        18443, "Local web interface over TLS.")));
        assertThat(sheet(assessmentId, "6")
                        .get("5.6-1")
                        .at("/suggestion/verdict")
                        .asText())
                .isEqualTo("PASS");

        // ...while what principle 5 was accepted on stays: its acceptance still holds at the approval.
        fixtures.completeAllPrinciples(engineer, officer, assessmentId, "PASS");
        JsonNode approval = fixtures.task(signatory, assessmentId, null);
        api.post(
                        signatory,
                        "/api/v1/tasks/" + approval.get("id").asText() + "/approve",
                        Map.of("decision", "APPROVE", "placeOfIssue", "Leeds"))
                .expect(204);
        assertThat(signoffs(assessmentId, "5").get(0).get("voidedAt").isNull()).isTrue();
    }

    private List<JsonNode> signoffs(String assessmentId, String principle) {
        List<JsonNode> found = new ArrayList<>();
        api.get(officer, "/api/v1/assessments/" + assessmentId + "/signoffs")
                .expect(200)
                .json()
                .forEach(s -> {
                    if (principle.equals(s.path("principle").asText(null))
                            && s.get("decision").asText().equals("ACCEPTED")) {
                        found.add(s);
                    }
                });
        return found;
    }

    @Test
    void aPrivateKeyInTheFirmwareIsACriticalFindingAgainst5_4_3() throws IOException {
        String assessmentId = fixtures.openFullStandardAssessment(officer);
        Map<String, String> ids = requirementIds(assessmentId, "V2.1.1");
        JsonNode trivy = putFile(ids.get("5.4-3"), "trivy.json", sample("trivy-secrets-smartcam.json"))
                .expect(201)
                .json();
        assertThat(trivy.at("/analysis/analyzer").asText()).isEqualTo("trivy");
        JsonNode finding = trivy.at("/analysis/findings").get(0);
        assertThat(finding.get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(finding.get("code").asText()).isEqualTo("secret.exposed");
        assertThat(finding.get("provisions").toString()).contains("5.4-3");
        assertThat(finding.get("message").asText()).contains("etc/smartcam/cloud-client.key");
        assertThat(finding.toString()).doesNotContain("BEGIN").doesNotContain("PRIVATE KEY-----");
        assertThat(sheet(assessmentId, "4")
                        .get("5.4-3")
                        .at("/suggestion/verdict")
                        .asText())
                .isEqualTo("FAIL");
    }

    @Test
    void aPrincipleIsNotSubmittedOnNothingAndTheStatementIsKept() {
        String assessmentId = fixtures.openAssessment(officer, fixtures.release(officer))
                .get("id")
                .asText();
        JsonNode collect = fixtures.task(engineer, assessmentId, "2");
        JsonNode problem = assertProblem(
                api.post(engineer, "/api/v1/tasks/" + collect.get("id").asText() + "/submit", Map.of()), 409);
        assertThat(problem.get("type").asText()).endsWith(":evidence-missing");
        assertThat(problem.get("requirementAssessmentIds")).isNotEmpty();

        String first = problem.get("requirementAssessmentIds").get(0).asText();
        JsonNode stated = api.put(
                        engineer,
                        "/api/v1/requirement-assessments/" + first + "/no-evidence-statement",
                        Map.of("statement", "The policy is published on the manufacturer's site only."))
                .expect(200)
                .json();
        assertThat(stated.get("noEvidenceStatement").asText()).startsWith("The policy is published");
        assertThat(stated.get("noEvidenceBy").asText()).isEqualTo(engineer.username());
        assertProblem(
                api.put(
                        engineer,
                        "/api/v1/requirement-assessments/" + first + "/no-evidence-statement",
                        Map.of("statement", " ")),
                400);
        fixtures.submit(engineer, collect).expect(204);
        assertProblem(api.delete(engineer, "/api/v1/requirement-assessments/" + first + "/no-evidence-statement"), 409);
        assertThat(sheetOfTask(fixtures.task(officer, assessmentId, "2")))
                .anySatisfy(
                        s -> assertThat(s.at("/requirement/noEvidenceStatement").asText())
                                .startsWith("The policy is published"));
    }

    @Test
    void anUploadRacingASubmissionLandsBeforeItAndIsCoveredOrIsRefusedAfterIt() {
        String assessmentId = fixtures.openAssessment(officer, fixtures.release(officer))
                .get("id")
                .asText();
        int landed = 0;
        int refused = 0;
        for (String principle : List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13")) {
            JsonNode collect = fixtures.task(engineer, assessmentId, principle);
            fixtures.stateNoEvidence(engineer, assessmentId, principle);
            String requirement = requirementIn(assessmentId, principle);
            byte[] content = ("race " + principle + " " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
            List<Response> both = Concurrently.run(
                    2,
                    i -> i == 0
                            ? api.upload(
                                    engineer,
                                    "/api/v1/requirement-assessments/" + requirement + "/evidence",
                                    "r.txt",
                                    content)
                            : api.post(
                                    engineer,
                                    "/api/v1/tasks/" + collect.get("id").asText() + "/submit",
                                    Map.of()));
            assertThat(both.get(1).status()).isEqualTo(204);
            JsonNode submitted = submission(assessmentId, principle);
            if (both.get(0).status() == 201) {
                landed++;
                assertThat(submitted.get("evidenceHashes").toString())
                        .as("an upload that landed is covered by the submission")
                        .contains(both.get(0).json().get("sha256").asText());
            } else {
                refused++;
                assertThat(assertProblem(both.get(0), 409).get("type").asText()).endsWith(":evidence-closed");
            }
        }
        assertThat(landed + refused).isEqualTo(13);
    }

    @Test
    void structuredDeclarationsAreValidatedAndHashedOverTheirCanonicalForm() {
        String assessmentId = fixtures.openAssessment(officer, fixtures.release(officer))
                .get("id")
                .asText();
        String requirement = requirementIn(assessmentId, "3");
        JsonNode kinds =
                api.get(engineer, "/api/v1/declaration-kinds").expect(200).json();
        assertThat(kinds.findValuesAsText("kind")).contains("support-period", "interfaces", "authentication");
        assertThat(api.get(engineer, "/api/v1/declaration-kinds/support-period/schema")
                        .expect(200)
                        .text())
                .contains("2020-12");

        String a = supportPeriod("2030-06-30", "2025-01-10");
        Response first = api.send(
                engineer,
                HttpMethod.POST,
                "/api/v1/requirement-assessments/" + requirement + "/declarations/support-period",
                a.getBytes(StandardCharsets.UTF_8),
                MediaType.APPLICATION_JSON);
        first.expect(201);
        // The same statement with other key order, spacing and escapes: the same canonical bytes, the same hash.
        String b = "{\n  \"statement\" : \"Security updates until 30 June 2030.\", \"publicationDate\": \"2025-01-10\","
                + " \"publication\": {\"freeOfCharge\": true, \"withoutPriorRequest\": true,"
                + " \"inEnglish\": true, \"noPersonalInformationRequired\": true,"
                + " \"accessibleWithoutAccount\": true, \"understandableWithoutTechnicalKnowledge\": true},"
                + " \"publishedAt\": \"https://example.test/\\u0073upport\", \"endDate\": \"2030-06-30\"}";
        JsonNode second = api.send(
                        engineer,
                        HttpMethod.POST,
                        "/api/v1/requirement-assessments/" + requirement + "/declarations/support-period",
                        b.getBytes(StandardCharsets.UTF_8),
                        MediaType.APPLICATION_JSON)
                .expect(201)
                .json();
        assertThat(second.get("sha256").asText())
                .isEqualTo(first.json().get("sha256").asText());
        assertThat(second.get("kind").asText()).isEqualTo("DECLARATION");

        JsonNode invalid = assertProblem(
                api.send(
                        engineer,
                        HttpMethod.POST,
                        "/api/v1/requirement-assessments/" + requirement + "/declarations/support-period",
                        "{\"endDate\":\"soon\",\"extra\":1}".getBytes(StandardCharsets.UTF_8),
                        MediaType.APPLICATION_JSON),
                400);
        assertThat(invalid.get("errors").findValuesAsText("pointer")).contains("/endDate");
        assertProblem(
                api.send(
                        engineer,
                        HttpMethod.POST,
                        "/api/v1/requirement-assessments/" + requirement + "/declarations/no-such-kind",
                        "{}".getBytes(StandardCharsets.UTF_8),
                        MediaType.APPLICATION_JSON),
                404);

        // A later statement that shortens the published support period is a finding (PSTI forbids it).
        String shorter = supportPeriod("2028-06-30", "2026-01-10");
        JsonNode shortened = api.send(
                        engineer,
                        HttpMethod.POST,
                        "/api/v1/requirement-assessments/" + requirement + "/declarations/support-period",
                        shorter.getBytes(StandardCharsets.UTF_8),
                        MediaType.APPLICATION_JSON)
                .expect(201)
                .json();
        assertThat(shortened.at("/analysis/findings").findValuesAsText("code")).contains("support-period.shortened");
    }

    @Test
    void hostileUploadsAreRejectedWithThePlaceAndNothingIsStored() throws IOException {
        String assessmentId = fixtures.openAssessment(officer, fixtures.release(officer))
                .get("id")
                .asText();
        String requirement = requirementIn(assessmentId, "6");
        long blobs = blobCount();
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<nmaprun scanner=\"nmap\"><host><ports><port protocol=\"tcp\" portid=\"23\"><state state=\"open\"/>"
                + "<service name=\"telnet\" product=\"&xxe;\"/></port></ports></host></nmaprun>";
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun [<!ENTITY l0 \"ha\">");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY l").append(i).append(" \"");
            laughs.append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        laughs.append("]>\n<nmaprun scanner=\"nmap\"><host><address addr=\"&l9;\"/></host></nmaprun>");
        String deep = "{\"SchemaVersion\": 2, \"ArtifactName\": \"x\", \"Results\": " + "[".repeat(100)
                + "]".repeat(100) + "}";
        for (String hostile : List.of(xxe, laughs.toString(), deep)) {
            JsonNode problem =
                    assertProblem(putFile(requirement, "scan.out", hostile.getBytes(StandardCharsets.UTF_8)), 422);
            assertThat(problem.get("type").asText()).endsWith(":evidence-rejected");
            assertThat(problem.get("location").asText()).isNotBlank();
        }
        assertThat(blobCount()).as("nothing of a rejected file is stored").isEqualTo(blobs);
        assertThat(api.get(engineer, "/api/v1/requirement-assessments/" + requirement + "/evidence")
                        .json())
                .isEmpty();

        // An empty file is no evidence.
        assertProblem(putFile(requirement, "empty.xml", new byte[0]), 400);
        // The name is printed in the declaration's annex: one no font prints is refused before anything is stored.
        Response unprintable = putFile(requirement, "scan-ผลลัพธ์.xml", "x".getBytes(StandardCharsets.UTF_8));
        assertProblem(unprintable, 400);
        assertThat(unprintable.body())
                .asString(StandardCharsets.UTF_8)
                .contains("no font of the declaration can print");
        // Sent as a form (curl --data-binary's default type), the body is still the file.
        byte[] policy = "Vulnerability disclosure: security@example.test".getBytes(StandardCharsets.UTF_8);
        assertThat(api.send(
                                engineer,
                                HttpMethod.PUT,
                                "/api/v1/requirement-assessments/" + requirement + "/evidence/policy.txt",
                                policy,
                                MediaType.APPLICATION_FORM_URLENCODED)
                        .expect(201)
                        .json()
                        .get("size")
                        .asLong())
                .isEqualTo(policy.length);
        assertThat(api.get(engineer, "/api/v1/assessments/" + assessmentId + "/evidence?text=SECURITY@example")
                        .expect(200)
                        .json()
                        .findValuesAsText("fileName"))
                .containsExactly("policy.txt");

        // A type lie: the name and the client's type say JSON, the bytes are a PNG. The content decides.
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        JsonNode stored = api.send(
                        engineer,
                        HttpMethod.PUT,
                        "/api/v1/requirement-assessments/" + requirement + "/evidence/report.json",
                        png,
                        MediaType.APPLICATION_JSON)
                .expect(201)
                .json();
        assertThat(stored.get("mediaType").asText()).isEqualTo("image/png");
        assertThat(stored.at("/analysis/status").asText()).isEqualTo("NOT_RECOGNISED");
    }

    @Test
    void aFlippedByteInTheStoreIsDetectedOnDownload() throws IOException {
        String assessmentId = fixtures.openAssessment(officer, fixtures.release(officer))
                .get("id")
                .asText();
        String requirement = requirementIn(assessmentId, "2");
        byte[] content =
                ("Policy text " + System.nanoTime() + "\n").repeat(2000).getBytes(StandardCharsets.UTF_8);
        JsonNode stored =
                putFile(requirement, "policy.txt", content).expect(201).json();
        assertThat(stored.get("mediaType").asText()).startsWith("text/plain");
        Path blob = blobPath(stored.get("sha256").asText());
        assertThat(api.get(engineer, "/api/v1/evidence/" + stored.get("id").asText() + "/content")
                        .expect(200)
                        .body())
                .isEqualTo(content);
        try (RandomAccessFile file = new RandomAccessFile(blob.toFile(), "rw")) {
            file.seek(content.length - 3);
            file.write('X');
        }
        assertThatThrownBy(() ->
                        api.get(engineer, "/api/v1/evidence/" + stored.get("id").asText() + "/content"))
                .as("the download is aborted, never completed with the wrong bytes");

        // The administrator's verification of the whole store names it (and anything lost).
        assertProblem(api.post(engineer, "/api/v1/admin/storage-verifications", Map.of()), 403);
        JsonNode report = api.post(
                        new Credentials(TestInstallation.ADMIN_USERNAME, TestInstallation.ADMIN_PASSWORD),
                        "/api/v1/admin/storage-verifications",
                        Map.of())
                .expect(200)
                .json();
        assertThat(report.get("mismatched").findValuesAsText("sha256"))
                .contains(stored.get("sha256").asText());
        assertThat(report.get("checkedBlobs").asLong()).isPositive();
    }

    @Test
    void aRawUploadOverTheLimitIsRefusedWhileStreamingAndLeavesNothing() throws IOException {
        String assessmentId = fixtures.openAssessment(officer, fixtures.release(officer))
                .get("id")
                .asText();
        String requirement = requirementIn(assessmentId, "3");
        long blobs = blobCount();
        byte[] over = new byte[(int) TestInstallation.UPLOAD_LIMIT_BYTES + 1];
        new Random(11).nextBytes(over);
        assertProblem(putFile(requirement, "firmware.bin", over), 413);
        assertThat(blobCount()).isEqualTo(blobs);
        try (Stream<Path> staging =
                Files.list(TestInstallation.H2.DATA.resolve("blobs").resolve("incoming"))) {
            assertThat(staging.filter(p -> p.toString().endsWith(".part"))).isEmpty();
        }
        byte[] exact = Arrays.copyOf(over, over.length - 1);
        assertThat(putFile(requirement, "firmware.bin", exact)
                        .expect(201)
                        .json()
                        .get("size")
                        .asLong())
                .isEqualTo(TestInstallation.UPLOAD_LIMIT_BYTES);
    }

    // --- helpers

    private Map<String, String> requirementIds(String assessmentId, String version) {
        Map<String, String> ids = new HashMap<>();
        api.get(officer, "/api/v1/assessments/" + assessmentId)
                .expect(200)
                .json()
                .get("requirements")
                .forEach(r -> {
                    if (r.get("frameworkVersion").asText().equals(version)) {
                        ids.put(r.get("requirementId").asText(), r.get("id").asText());
                    }
                });
        return ids;
    }

    private String requirementIn(String assessmentId, String principle) {
        for (JsonNode r :
                api.get(officer, "/api/v1/assessments/" + assessmentId).json().get("requirements")) {
            if (r.get("principle").asText().equals(principle)
                    && r.get("applicable").asBoolean()) {
                return r.get("id").asText();
            }
        }
        throw new AssertionError("no applicable requirement in principle " + principle);
    }

    private Map<String, JsonNode> sheet(String assessmentId, String principle) {
        JsonNode task = fixtures.task(engineer, assessmentId, principle);
        Map<String, JsonNode> byRequirement = new HashMap<>();
        sheetOfTask(task)
                .forEach(s ->
                        byRequirement.put(s.at("/requirement/requirementId").asText(), s));
        return byRequirement;
    }

    private List<JsonNode> sheetOfTask(JsonNode task) {
        Credentials reader = task.get("kind").asText().equals("COLLECT_EVIDENCE") ? engineer : officer;
        List<JsonNode> rows = new ArrayList<>();
        api.get(reader, "/api/v1/tasks/" + task.get("id").asText() + "/requirements")
                .expect(200)
                .json()
                .forEach(rows::add);
        return rows;
    }

    private JsonNode submission(String assessmentId, String principle) {
        for (JsonNode s : api.get(officer, "/api/v1/assessments/" + assessmentId + "/signoffs")
                .expect(200)
                .json()) {
            if (s.get("decision").asText().equals("SUBMITTED")
                    && principle.equals(s.get("principle").asText())) {
                return s;
            }
        }
        throw new AssertionError("no submission of principle " + principle);
    }

    private void declare(String requirement, String kind, Map<String, Object> document) {
        api.post(engineer, "/api/v1/requirement-assessments/" + requirement + "/declarations/" + kind, document)
                .expect(201);
    }

    /** An interfaces declaration of network services: port → justification (blank: none given). */
    private static Map<String, Object> interfaces(Map<Integer, String> ports) {
        List<Map<String, Object>> list = new ArrayList<>();
        ports.forEach((port, justification) -> {
            Map<String, Object> entry = new HashMap<>();
            entry.put("type", "network");
            entry.put("name", "Port " + port);
            entry.put("port", port);
            entry.put("protocol", "tcp");
            entry.put("service", port == 18443 ? "https" : port == 18080 ? "http" : "telnet");
            entry.put("purpose", "Port " + port);
            entry.put("enabledByDefault", true);
            if (!justification.isBlank()) {
                entry.put("justification", justification);
            }
            list.add(entry);
        });
        return Map.of("interfaces", list);
    }

    private static String supportPeriod(String endDate, String publicationDate) {
        return "{\"endDate\":\"" + endDate + "\",\"publishedAt\":\"https://example.test/support\","
                + "\"publicationDate\":\"" + publicationDate + "\","
                + "\"statement\":\"Security updates until 30 June 2030.\","
                + "\"publication\":{\"withoutPriorRequest\":true,\"inEnglish\":true,\"freeOfCharge\":true,"
                + "\"noPersonalInformationRequired\":true,\"accessibleWithoutAccount\":true,"
                + "\"understandableWithoutTechnicalKnowledge\":true}}";
    }

    private Response putFile(String requirement, String name, byte[] content) {
        return api.send(
                engineer,
                HttpMethod.PUT,
                "/api/v1/requirement-assessments/" + requirement + "/evidence/" + name,
                content,
                MediaType.APPLICATION_OCTET_STREAM);
    }

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = new ClassPathResource("demo/samples/" + name).getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static Path blobPath(String sha) {
        return TestInstallation.H2
                .DATA
                .resolve("blobs")
                .resolve("sha256")
                .resolve(sha.substring(0, 2))
                .resolve(sha.substring(2, 4))
                .resolve(sha);
    }

    private static long blobCount() throws IOException {
        Path root = TestInstallation.H2.DATA.resolve("blobs").resolve("sha256");
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
