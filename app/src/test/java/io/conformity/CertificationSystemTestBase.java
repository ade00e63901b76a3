package io.conformity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import com.fasterxml.jackson.databind.JsonNode;

import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.ApiClient.Response;
import io.conformity.support.Concurrently;
import io.conformity.support.Fixtures;
import io.conformity.support.Problems;
import io.conformity.support.TestInstallation;

/**
 * Drives one certification end to end over HTTP with three people (engineer, compliance officer, signatory) on
 * the real engine, database, file store and PDF. Subclasses choose the database.
 */
abstract class CertificationSystemTestBase {

    static final long UPLOAD_LIMIT = TestInstallation.UPLOAD_LIMIT_BYTES;

    @LocalServerPort
    int port;

    ApiClient api;
    Credentials admin = new Credentials(TestInstallation.ADMIN_USERNAME, TestInstallation.ADMIN_PASSWORD);
    Credentials engineer;
    Credentials officer;
    Credentials signatory;

    /** Where the issued PDF is left for inspection, relative to the app module. */
    abstract Path declarationOutput();

    /** The blob store folder of this context. */
    abstract Path blobDirectory();

    Fixtures fixtures;

    @BeforeEach
    void users() {
        api = new ApiClient(port);
        fixtures = new Fixtures(api);
        engineer = fixtures.user("eng", "Erin Engineer", "Test engineer", "ENGINEER");
        fixtures.team(engineer);
        officer = fixtures.user("off", "Olive Officer", "Compliance officer", "COMPLIANCE_OFFICER");
        fixtures.team(officer);
        signatory = fixtures.user("sig", "Sam Signatory", "Managing Director", "SIGNATORY");
        fixtures.team(signatory);
    }

    @Test
    void certifiesAReleaseFromProductToDeclaration() throws Exception {
        // 1. Manufacturer, product, release.
        // Each create answers 201 with a Location on this server where the new resource can be read.
        String manufacturerId = created(api.post(
                        officer,
                        "/api/v1/manufacturers",
                        Map.of(
                                "name", "Example Smart Home Ltd",
                                "address", "1 Sensor Street\nLondon EC1A 1AA\nUnited Kingdom",
                                "authorisedRepresentatives",
                                        List.of(Map.of(
                                                "name",
                                                "EU Rep GmbH",
                                                "address",
                                                "Hauptstrasse 5, 10115 Berlin, Germany")))))
                .get("id")
                .asText();
        String productId = created(api.post(
                        officer,
                        "/api/v1/products",
                        Map.of(
                                "manufacturerId",
                                manufacturerId,
                                "modelDesignation",
                                "SC-100",
                                "productType",
                                "SmartCam SC-100 indoor security camera",
                                "supportPeriodEnd",
                                "2031-12-31",
                                "supportPeriodUrl",
                                "https://example-smarthome.test/support")))
                .get("id")
                .asText();
        fixtures.teamJoins(productId);
        String releaseId = created(api.post(
                        officer,
                        "/api/v1/products/" + productId + "/releases",
                        Map.of("firmwareVersion", "1.4.2", "batch", "B2026-11")))
                .get("id")
                .asText();
        // The lists find them with this database's case-insensitive search, filters and sort.
        assertThat(listedIds("/api/v1/manufacturers?q=SMART home ltd&sort=name,desc"))
                .contains(manufacturerId);
        assertThat(listedIds("/api/v1/products?manufacturerId=" + manufacturerId + "&q=Security Camera"))
                .containsExactly(productId);
        assertThat(listedIds("/api/v1/products/" + productId + "/releases?sort=firmwareVersion,desc"))
                .containsExactly(releaseId);

        // 2. Open under the UK regime: 13 principles, 17 requirements, one process instance. Applicability of
        // the EN 303 645 provisions comes from the product profile, which must exist first.
        assertProblem(
                api.post(officer, "/api/v1/assessments", Map.of("releaseId", releaseId, "regimes", List.of("PSTI"))),
                409);
        api.put(officer, "/api/v1/products/" + productId + "/profiles/V2.1.1", Fixtures.v211Profile())
                .expect(200);
        JsonNode assessment = created(
                api.post(officer, "/api/v1/assessments", Map.of("releaseId", releaseId, "regimes", List.of("PSTI"))));
        String assessmentId = assessment.get("id").asText();
        assertThat(listedIds("/api/v1/assessments?productId=" + productId + "&status=IN_PROGRESS&sort=openedAt"))
                .containsExactly(assessmentId);
        Map<String, String> requirementIds = new LinkedHashMap<>();
        assessment
                .get("requirements")
                .forEach(r -> requirementIds.put(
                        r.get("requirementId").asText() + "@"
                                + r.get("frameworkVersion").asText(),
                        r.get("id").asText()));
        assertThat(requirementIds)
                .hasSize(17)
                .containsKeys("5.1-1@V2.1.1", "5.1-2@V2.1.1", "5.2-1@V2.1.1", "5.3-13@V2.1.1", "1@2018", "13@2018");

        // 3. The scope step comes first: the officer confirms the applicability the profile gave; until then no
        // collection task exists and the requirements take no evidence.
        List<JsonNode> scope = tasks(officer, assessmentId);
        assertThat(scope).singleElement().satisfies(t -> {
            assertThat(t.get("kind").asText()).isEqualTo("CONFIRM_SCOPE");
            assertThat(t.get("dueAt").asText()).isNotBlank();
        });
        assertThat(tasks(engineer, assessmentId)).isEmpty();
        assertThat(Problems.assertProblem(
                                api.upload(
                                        engineer,
                                        "/api/v1/requirement-assessments/" + requirementIds.get("5.2-1@V2.1.1")
                                                + "/evidence",
                                        "early.txt",
                                        "early".getBytes()),
                                409)
                        .get("type")
                        .asText())
                .endsWith(":evidence-closed");
        api.post(officer, "/api/v1/tasks/" + scope.get(0).get("id").asText() + "/scope", Map.of())
                .expect(204);

        // Inboxes by role.
        List<JsonNode> collect = tasks(engineer, assessmentId);
        assertThat(collect)
                .hasSize(13)
                .allSatisfy(t -> assertThat(t.get("kind").asText()).isEqualTo("COLLECT_EVIDENCE"));
        assertThat(tasks(officer, assessmentId)).isEmpty();
        assertThat(tasks(signatory, assessmentId)).isEmpty();

        // 4. Evidence: real tool outputs, streamed, hashed, stored once.
        Map<String, String> uploaded = new LinkedHashMap<>();
        uploaded.put(upload(requirementIds.get("5.2-1@V2.1.1"), "security.txt"), "security.txt");
        uploaded.put(upload(requirementIds.get("6@2018"), "nmap-smartcam.xml"), "nmap-smartcam.xml");
        uploaded.put(upload(requirementIds.get("5@2018"), "testssl-tls12-selfsigned.json"), "testssl");
        uploaded.put(upload(requirementIds.get("5.3-13@V2.1.1"), "sbom-smartcam-rootfs.cdx.json"), "sbom");
        uploaded.put(upload(requirementIds.get("4@2018"), "trivy-secrets-smartcam.json"), "trivy");
        long blobsBefore = blobCount();
        String again = upload(requirementIds.get("2@2018"), "security.txt");
        assertThat(uploaded).containsKey(again);
        assertThat(blobCount()).as("the same bytes are stored once").isEqualTo(blobsBefore);
        assertThat(api.get(engineer, "/api/v1/requirement-assessments/" + requirementIds.get("2@2018") + "/evidence")
                        .expect(200)
                        .json())
                .hasSize(1);

        // Errors: wrong role, unknown id, too large.
        assertProblem(
                api.post(engineer, "/api/v1/assessments", Map.of("releaseId", releaseId, "regimes", List.of("PSTI"))),
                403);
        assertProblem(
                api.upload(
                        officer,
                        "/api/v1/requirement-assessments/" + requirementIds.get("1@2018") + "/evidence",
                        "x.txt",
                        "x".getBytes()),
                403);
        assertProblem(api.get(officer, "/api/v1/assessments/" + UUID.randomUUID()), 404);
        assertProblem(api.post(engineer, "/api/v1/tasks/no-such-task/submit", Map.of()), 404);
        assertProblem(
                api.upload(
                        engineer,
                        "/api/v1/requirement-assessments/" + UUID.randomUUID() + "/evidence",
                        "x.txt",
                        "x".getBytes()),
                404);
        assertProblem(
                api.post(officer, "/api/v1/assessments", Map.of("releaseId", releaseId, "regimes", List.of("NOPE"))),
                400);
        long evidenceBefore = evidenceCount(requirementIds.get("1@2018"));
        long blobsBeforeLarge = blobCount();
        byte[] tooLarge = new byte[(int) UPLOAD_LIMIT + 1];
        new Random(7).nextBytes(tooLarge);
        assertProblem(
                api.upload(
                        engineer,
                        "/api/v1/requirement-assessments/" + requirementIds.get("1@2018") + "/evidence",
                        "big.bin",
                        tooLarge),
                413);
        assertThat(evidenceCount(requirementIds.get("1@2018"))).isEqualTo(evidenceBefore);
        assertThat(blobCount()).as("nothing stored for a refused upload").isEqualTo(blobsBeforeLarge);
        assertThat(incomingCount()).as("no partial file left").isZero();

        String reviewTaskBeforeSubmit = collect.get(0).get("id").asText();
        assertProblem(
                api.post(
                        officer,
                        "/api/v1/tasks/" + reviewTaskBeforeSubmit + "/review",
                        Map.of("verdicts", List.of(), "decision", "ACCEPT")),
                403);

        // The tool outputs were read: the private key in the firmware is a critical finding against 5.4-3.
        JsonNode critical = api.get(officer, "/api/v1/assessments/" + assessmentId + "/findings?severity=CRITICAL")
                .expect(200)
                .json();
        assertThat(critical.get("content").findValuesAsText("code")).contains("secret.exposed");

        // 5. A principle cannot be submitted on nothing: the engineer states why no evidence exists where none
        // does, then submits every principle; officer sends principle 1 back, accepts the rest.
        JsonNode passwords = collect.stream()
                .filter(t -> t.get("principle").asText().equals("1"))
                .findFirst()
                .orElseThrow();
        JsonNode uncovered = Problems.assertProblem(
                api.post(engineer, "/api/v1/tasks/" + passwords.get("id").asText() + "/submit", Map.of()), 409);
        assertThat(uncovered.get("type").asText()).endsWith(":evidence-missing");
        assertThat(uncovered.get("detail").asText()).contains("5.1-1");
        for (JsonNode task : collect) {
            fixtures.stateNoEvidence(
                    engineer, assessmentId, task.get("principle").asText());
        }
        for (JsonNode task : tasks(engineer, assessmentId)) {
            api.post(
                            engineer,
                            "/api/v1/tasks/" + task.get("id").asText() + "/submit",
                            Map.of("comment", "evidence attached"))
                    .expect(204);
        }
        List<JsonNode> reviews = tasks(officer, assessmentId);
        assertThat(reviews).hasSize(13);
        assertProblem(
                api.post(
                        officer,
                        "/api/v1/tasks/" + reviews.get(0).get("id").asText() + "/review",
                        Map.of("verdicts", List.of(), "decision", "SEND_BACK")),
                400);
        for (JsonNode review : reviews) {
            String principle = review.get("principle").asText();
            boolean sendBack = principle.equals("1");
            api.post(
                            officer,
                            "/api/v1/tasks/" + review.get("id").asText() + "/review",
                            Map.of(
                                    "verdicts", verdicts(assessmentId, principle, sendBack ? "FAIL" : "PASS"),
                                    "decision", sendBack ? "SEND_BACK" : "ACCEPT",
                                    "comment", sendBack ? "Add the password-generation design." : "Looks complete."))
                    .expect(204);
        }
        List<JsonNode> reopened = tasks(engineer, assessmentId);
        assertThat(reopened)
                .singleElement()
                .satisfies(t -> assertThat(t.get("principle").asText()).isEqualTo("1"));
        uploaded.put(upload(requirementIds.get("5.1-1@V2.1.1"), "testssl-legacy-weak.json"), "testssl legacy");
        api.post(engineer, "/api/v1/tasks/" + reopened.get(0).get("id").asText() + "/submit", Map.of())
                .expect(204);
        JsonNode review1 = tasks(officer, assessmentId).get(0);
        api.post(
                        officer,
                        "/api/v1/tasks/" + review1.get("id").asText() + "/review",
                        Map.of("verdicts", verdicts(assessmentId, "1", "PASS"), "decision", "ACCEPT"))
                .expect(204);

        // 6. Signatory approves; the process issues the declaration.
        List<JsonNode> approvals = tasks(signatory, assessmentId);
        assertThat(approvals)
                .singleElement()
                .satisfies(t -> assertThat(t.get("kind").asText()).isEqualTo("APPROVE_DECLARATION"));
        assertProblem(
                api.post(
                        engineer,
                        "/api/v1/tasks/" + approvals.get(0).get("id").asText() + "/approve",
                        Map.of("decision", "APPROVE", "placeOfIssue", "London")),
                403);
        api.post(
                        signatory,
                        "/api/v1/tasks/" + approvals.get(0).get("id").asText() + "/approve",
                        Map.of("decision", "APPROVE", "placeOfIssue", "London"))
                .expect(204);
        // The approval only schedules the issuance; the engine's job issues the declaration shortly after.
        fixtures.awaitStatus(assessmentId, "ISSUED", Duration.ofMinutes(2));
        assertThat(api.get(officer, "/api/v1/assessments/" + assessmentId)
                        .expect(200)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("ISSUED");

        JsonNode declaration = api.get(officer, "/api/v1/assessments/" + assessmentId + "/declaration")
                .expect(200)
                .json();
        Response pdf = api.get(
                        officer, "/api/v1/declarations/" + declaration.get("id").asText() + "/pdf")
                .expect(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(sha256(pdf.body())).isEqualTo(declaration.get("sha256").asText());
        Path out = declarationOutput();
        Files.createDirectories(out.getParent());
        Files.write(out, pdf.body());

        // Poppler's pdfsig, an implementation independent of ours, checks the signature of the file as issued.
        Path pdfsig = Path.of("/usr/bin/pdfsig");
        if (Files.isExecutable(pdfsig)) {
            Process process = new ProcessBuilder(pdfsig.toString(), out.toString())
                    .redirectErrorStream(true)
                    .start();
            String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            assertThat(report)
                    .contains("Signature Type: ETSI.CAdES.detached")
                    .contains("Signature Validation: Signature is Valid.")
                    .contains("Total document signed");
        } else {
            System.err.println("\n*** pdfsig (poppler-utils) is not installed: the issued declaration's signature was"
                    + " NOT checked by an independent implementation. .ci/run installs it. ***\n");
        }
        // Lines wrap where the layout puts them: compare with whitespace collapsed, digests still whole.
        String text = pdfText(out).replaceAll("\\s+", " ");
        assertThat(text)
                .contains(
                        "SmartCam SC-100 indoor security camera",
                        "B2026-11", // (a) type and batch
                        "Example Smart Home Ltd",
                        "1 Sensor Street",
                        "London EC1A 1AA", // (b) manufacturer
                        "EU Rep GmbH",
                        "Hauptstrasse 5, 10115 Berlin, Germany", // (b) representative
                        "prepared by or on behalf of the manufacturer", // (c)
                        "Schedule 2",
                        "5.1-1",
                        "5.2-1",
                        "5.3-13", // (d)
                        "31 December 2031", // (e) support period
                        "Sam Signatory",
                        "Managing Director", // (f)
                        "London", // (g) place
                        "ETSI EN 303 645 V2.1.1 (2020-06)"); // para 1(2)
        assertThat(text)
                .contains(LocalDate.parse(declaration.get("issuedAt").asText().substring(0, 10))
                        .format(DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK))); // (g) date
        for (String hash : uploaded.keySet()) {
            assertThat(text).as("annex lists evidence " + uploaded.get(hash)).contains(hash);
        }
        assertThat(text).contains("PASS");
        // The engineer's statements where no evidence exists are part of the annex, with who made them.
        assertThat(text).contains("No evidence (" + engineer.username() + ")");
        assertThat(tasks(signatory, assessmentId)).isEmpty();
    }

    @Test
    void twentyParallelReviewsOfOneTaskCompleteItOnceTheOthersGet409AndTheAuditChainStaysValid() {
        String assessmentId = fixtures.openAssessment(officer, fixtures.release(officer, "Race Ltd", "RC-1"))
                .get("id")
                .asText();
        fixtures.submit(engineer, fixtures.task(engineer, assessmentId, "1")).expect(204);
        String review = fixtures.task(officer, assessmentId, "1").get("id").asText();
        Map<String, Object> body = Map.of("verdicts", verdicts(assessmentId, "1", "PASS"), "decision", "ACCEPT");

        List<Response> responses =
                Concurrently.run(20, i -> api.post(officer, "/api/v1/tasks/" + review + "/review", body));

        assertThat(responses).filteredOn(r -> r.status() == 204).hasSize(1);
        List<Response> refused =
                responses.stream().filter(r -> r.status() != 204).toList();
        assertThat(refused).hasSize(19);
        refused.forEach(r ->
                assertThat(Problems.assertProblem(r, 409).get("type").asText()).endsWith(":task-completed"));
        List<String> accepted = new ArrayList<>();
        api.get(officer, "/api/v1/audit?subject=" + assessmentId + "&size=100")
                .expect(200)
                .json()
                .get("content")
                .forEach(e -> {
                    if (e.get("action").asText().equals("assessment.principle-accepted")) {
                        accepted.add(e.get("change").get("principle").asText());
                    }
                });
        assertThat(accepted).as("the review is recorded once").containsExactly("1");
        JsonNode report = api.get(admin, "/api/v1/audit/verify").expect(200).json();
        assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
    }

    /** Asserts 201 and that the Location header, absolute on this server, reads the created resource back. */
    private JsonNode created(Response response) {
        JsonNode body = response.expect(201).json();
        String location = response.headers().getFirst("Location");
        assertThat(location)
                .startsWith("http://localhost:" + port + "/api/v1/")
                .endsWith(body.get("id").asText());
        assertThat(api.get(officer, location).expect(200).json().get("id")).isEqualTo(body.get("id"));
        return body;
    }

    /** The ids of the items of a list page, in order. */
    private List<String> listedIds(String path) {
        List<String> ids = new ArrayList<>();
        api.get(officer, path)
                .expect(200)
                .json()
                .get("content")
                .forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private List<Map<String, Object>> verdicts(String assessmentId, String principle, String verdict) {
        return fixtures.verdicts(officer, assessmentId, principle, verdict);
    }

    private String upload(String requirementAssessmentId, String sample) throws IOException {
        byte[] bytes;
        try (InputStream in = new ClassPathResource("demo/samples/" + sample).getInputStream()) {
            bytes = in.readAllBytes();
        }
        JsonNode stored = api.upload(
                        engineer,
                        "/api/v1/requirement-assessments/" + requirementAssessmentId + "/evidence",
                        sample,
                        bytes)
                .expect(201)
                .json();
        assertThat(stored.get("sha256").asText()).isEqualTo(sha256(bytes));
        assertThat(stored.get("size").asLong()).isEqualTo(bytes.length);
        assertThat(stored.get("fileName").asText()).isEqualTo(sample);
        return stored.get("sha256").asText();
    }

    private long evidenceCount(String requirementAssessmentId) {
        return api.get(engineer, "/api/v1/requirement-assessments/" + requirementAssessmentId + "/evidence")
                .expect(200)
                .json()
                .size();
    }

    private List<JsonNode> tasks(Credentials user, String assessmentId) {
        return fixtures.tasks(user, assessmentId);
    }

    private static void assertProblem(Response response, int status) {
        Problems.assertProblem(response, status);
    }

    private long blobCount() throws IOException {
        Path root = blobDirectory().resolve("sha256");
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private long incomingCount() throws IOException {
        try (Stream<Path> files = Files.list(blobDirectory().resolve("incoming"))) {
            return files.count();
        }
    }

    static String pdfText(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
