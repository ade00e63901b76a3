package io.conformity.web;

import static io.conformity.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.ApiClient.Response;
import io.conformity.support.Concurrently;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.Fixtures;
import io.conformity.support.RawHttp;
import io.conformity.support.TestInstallation;

/**
 * The hostile requests of the contract-hardening issue, each answered with a clear 4xx problem and nothing
 * half-stored: bodies bounded before they are read, concurrent completion, malformed multipart, text that is not
 * what it looks like, dates, conflicting input.
 */
@ConformityIntegrationTest
class HostileInputIntegrationTests {

    @LocalServerPort
    int port;

    ApiClient api;
    RawHttp raw;
    Fixtures fixtures;
    Credentials officer;
    String manufacturerId;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        raw = new RawHttp(port);
        fixtures = new Fixtures(api);
        officer = fixtures.user("off", "Oscar Officer", "Officer", "COMPLIANCE_OFFICER");
        fixtures.team(officer);
        manufacturerId = api.post(
                        officer,
                        "/api/v1/manufacturers",
                        Map.of("name", "Hostile Devices Ltd", "address", "1 Test Road"))
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    // --- Bodies are bounded before they are read, and authorization runs first

    @Test
    void aCallerWithoutTheRoleIsRefusedBeforeTheBodyIsRead() {
        Credentials regulator = fixtures.user("reg", "Rita Regulator", "Inspector", "REGULATOR");
        fixtures.team(regulator);
        String assessmentId = fixtures.openAssessment(officer, fixtures.release(officer))
                .get("id")
                .asText();
        // 64 MiB of CSV streamed without a length: refused as soon as the role is known, not after reading it.
        Response response = raw.stream(
                regulator,
                "POST",
                "/api/v1/assessments/" + assessmentId + "/ics",
                "text/csv",
                new RepeatingInputStream("x,".getBytes(StandardCharsets.US_ASCII), 64L << 20));
        assertProblem(response, 403);
    }

    @Test
    void anIcsBodyOverItsLimitIsRefusedWith413WhileStreamingAndNothingIsRecorded() {
        String assessmentId = fixtures.openFullStandardAssessment(officer);
        Response response = raw.stream(
                officer,
                "POST",
                "/api/v1/assessments/" + assessmentId + "/ics",
                "text/csv",
                new RepeatingInputStream("5.1-1,M,Y,detail\r\n".getBytes(StandardCharsets.US_ASCII), 350L << 20));
        assertThat(assertProblem(response, 413).get("type").asText())
                .isEqualTo("urn:conformity:problem:payload-too-large");
        // A declared length over the limit is refused without reading.
        Response declared = raw.send(
                officer, "POST", "/api/v1/assessments/" + assessmentId + "/ics", "text/csv", new byte[3 * 1024 * 1024]);
        assertProblem(declared, 413);
        assertThat(api.get(officer, "/api/v1/assessments/" + assessmentId)
                        .json()
                        .get("requirements")
                        .findValues("icsSupport"))
                .allSatisfy(v -> assertThat(v.isNull()).isTrue());
    }

    @Test
    void aJsonBodyOverTheDefaultLimitIsRefusedWith413() {
        String big = "x".repeat(300 * 1024);
        Response response = api.post(officer, "/api/v1/manufacturers", Map.of("name", "Big", "address", big));
        assertProblem(response, 413);
    }

    // --- Concurrent completion: exactly one wins, the others are told the task is done

    @Test
    void tenParallelSubmitsReviewsAndApprovalsOfOneTaskGiveOneSuccessAndNineConflicts() {
        Credentials engineer = fixtures.user("eng", "Eve Engineer", "Engineer", "ENGINEER");
        fixtures.team(engineer);
        Credentials signatory = fixtures.user("sig", "Sid Signatory", "Director", "SIGNATORY");
        fixtures.team(signatory);
        String assessmentId = fixtures.openAssessment(officer, fixtures.release(officer))
                .get("id")
                .asText();

        JsonNode collect = fixtures.task(engineer, assessmentId, "2");
        fixtures.stateNoEvidence(engineer, assessmentId, "2");
        assertOneWins(
                () -> api.post(engineer, "/api/v1/tasks/" + collect.get("id").asText() + "/submit", Map.of()), 204);

        JsonNode review = fixtures.task(officer, assessmentId, "2");
        List<Map<String, Object>> verdicts = fixtures.verdicts(officer, assessmentId, "2", "PASS");
        assertOneWins(
                () -> api.post(
                        officer,
                        "/api/v1/tasks/" + review.get("id").asText() + "/review",
                        Map.of("verdicts", verdicts, "decision", "ACCEPT")),
                204);

        fixtures.completeAllPrinciples(engineer, officer, assessmentId, "PASS");
        JsonNode approval = fixtures.task(signatory, assessmentId, null);
        long blobs = storedFiles();
        assertOneWins(
                () -> api.post(
                        signatory,
                        "/api/v1/tasks/" + approval.get("id").asText() + "/approve",
                        Map.of("decision", "APPROVE", "placeOfIssue", "Leeds")),
                204);
        // Issuance runs as one background job after the winning approval.
        fixtures.awaitDeclaration(assessmentId);
        assertThat(api.get(officer, "/api/v1/assessments/" + assessmentId + "/declarations")
                        .json())
                .hasSize(1);
        // The nine that lost rendered nothing: one file, the registered declaration, joined the store.
        assertThat(storedFiles()).isEqualTo(blobs + 1);
    }

    @Test
    void tenParallelOpeningsOfOneReleaseOpenOneAssessmentAndNameItToTheOthers() {
        String releaseId = fixtures.release(officer);

        List<Response> responses = Concurrently.run(
                10,
                i -> api.post(
                        officer, "/api/v1/assessments", Map.of("releaseId", releaseId, "regimes", List.of("PSTI"))));

        List<Response> opened =
                responses.stream().filter(r -> r.status() == 201).toList();
        assertThat(opened).hasSize(1);
        String openId = opened.get(0).json().get("id").asText();
        responses.stream().filter(r -> r.status() != 201).forEach(r -> {
            JsonNode problem = assertProblem(r, 409);
            assertThat(problem.get("type").asText()).isEqualTo("urn:conformity:problem:assessment-open");
            assertThat(problem.get("assessmentId").asText()).isEqualTo(openId);
        });
        // Another regime of the same release is another statement: it may be assessed alongside.
        assertThat(api.post(officer, "/api/v1/assessments", Map.of("releaseId", releaseId, "regimes", List.of("CRA")))
                        .status())
                .isEqualTo(201);
    }

    private static long storedFiles() {
        Path root = TestInstallation.H2.DATA.resolve("blobs").resolve("sha256");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertOneWins(Supplier<Response> call, int success) {
        List<Response> responses = Concurrently.run(10, i -> call.get());
        assertThat(responses).filteredOn(r -> r.status() == success).hasSize(1);
        responses.stream()
                .filter(r -> r.status() != success)
                .forEach(r -> assertThat(assertProblem(r, 409).get("type").asText())
                        .isEqualTo("urn:conformity:problem:task-completed"));
    }

    // --- Nulls inside arrays

    @Test
    void nullElementsInArraysAreRefusedAtTheirPointer() {
        List<Object> representatives = new ArrayList<>();
        representatives.add(null);
        Map<String, Object> manufacturer = new HashMap<>(Map.of("name", "N", "address", "A"));
        manufacturer.put("authorisedRepresentatives", representatives);
        assertPointer(api.post(officer, "/api/v1/manufacturers", manufacturer), "/authorisedRepresentatives/0");

        Credentials admin = new Credentials(TestInstallation.ADMIN_USERNAME, TestInstallation.ADMIN_PASSWORD);
        List<Object> roles = new ArrayList<>();
        roles.add(null);
        Map<String, Object> user = new HashMap<>(Map.of(
                "username",
                "nullrole-" + UUID.randomUUID().toString().substring(0, 8),
                "displayName",
                "N",
                "password",
                "a sufficiently long one"));
        user.put("roles", roles);
        assertPointer(api.post(admin, "/api/v1/users", user), "/roles/0");

        Credentials engineer = fixtures.user("eng", "Eve Engineer", "Engineer", "ENGINEER");
        fixtures.team(engineer);
        String assessmentId = fixtures.openAssessment(officer, fixtures.release(officer))
                .get("id")
                .asText();
        JsonNode collect = fixtures.task(engineer, assessmentId, "2");
        fixtures.submit(engineer, collect).expect(204);
        JsonNode review = fixtures.task(officer, assessmentId, "2");
        List<Object> verdicts = new ArrayList<>();
        verdicts.add(null);
        assertPointer(
                api.post(
                        officer,
                        "/api/v1/tasks/" + review.get("id").asText() + "/review",
                        Map.of("verdicts", verdicts, "decision", "ACCEPT")),
                "/verdicts/0");
    }

    @Test
    void aReviewNamingOneRequirementTwiceIsRefusedAndNothingIsRecorded() {
        Credentials engineer = fixtures.user("eng", "Eve Engineer", "Engineer", "ENGINEER");
        fixtures.team(engineer);
        String assessmentId = fixtures.openAssessment(officer, fixtures.release(officer))
                .get("id")
                .asText();
        JsonNode collect = fixtures.task(engineer, assessmentId, "2");
        fixtures.submit(engineer, collect).expect(204);
        JsonNode review = fixtures.task(officer, assessmentId, "2");
        List<Map<String, Object>> verdicts = new ArrayList<>(fixtures.verdicts(officer, assessmentId, "2", "PASS"));
        Map<String, Object> again = new HashMap<>(verdicts.get(0));
        again.put("verdict", "FAIL");
        verdicts.add(again);

        assertPointer(
                api.post(
                        officer,
                        "/api/v1/tasks/" + review.get("id").asText() + "/review",
                        Map.of("verdicts", verdicts, "decision", "ACCEPT")),
                "/verdicts/" + (verdicts.size() - 1) + "/requirementAssessmentId");
        assertThat(api.get(officer, "/api/v1/assessments/" + assessmentId)
                        .json()
                        .get("requirements")
                        .findValues("verdict"))
                .allSatisfy(v -> assertThat(v.isNull()).isTrue());
    }

    // --- Multipart faults

    @Test
    void multipartFaultsAreClear400s() {
        Credentials engineer = fixtures.user("eng", "Eve Engineer", "Engineer", "ENGINEER");
        fixtures.team(engineer);
        String requirement = openRequirement();
        String path = "/api/v1/requirement-assessments/" + requirement + "/evidence";
        String type = "multipart/form-data; boundary=XyZ";
        byte[] content = "evidence".getBytes(StandardCharsets.UTF_8);

        assertMalformed(
                raw.send(
                        engineer,
                        "POST",
                        path,
                        type,
                        RawHttp.multipart("XyZ", "form-data; name=\"file\"; filename=\"a\u0000b.txt\"", content, true)),
                "NUL");
        assertMalformed(
                raw.send(
                        engineer,
                        "POST",
                        path,
                        type,
                        RawHttp.multipart("XyZ", "form-data; name=\"file\"; filename=\"report.txt\"", content, false)),
                "truncated");
        assertMalformed(
                raw.send(
                        engineer,
                        "POST",
                        path,
                        "multipart/form-data",
                        RawHttp.multipart("XyZ", "form-data; name=\"file\"; filename=\"report.txt\"", content, true)),
                "boundary");
        assertMalformed(
                raw.send(
                        engineer,
                        "POST",
                        path,
                        type,
                        RawHttp.multipart(
                                "XyZ",
                                "form-data; name=\"file\"; filename=\"" + "n".repeat(10_000) + ".txt\"",
                                content,
                                true)),
                "headers are too long");
        StringBuilder parts = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            parts.append("--XyZ\r\nContent-Disposition: form-data; name=\"f")
                    .append(i)
                    .append("\"\r\n\r\nv\r\n");
        }
        parts.append("--XyZ--\r\n");
        assertMalformed(
                raw.send(engineer, "POST", path, type, parts.toString().getBytes(StandardCharsets.UTF_8)),
                "more parts");
        assertThat(api.get(engineer, path).json()).isEmpty();
    }

    @Test
    void theUploadLimitIsOnTheFileNotTheEnvelope() {
        Credentials engineer = fixtures.user("eng", "Eve Engineer", "Engineer", "ENGINEER");
        fixtures.team(engineer);
        String path = "/api/v1/requirement-assessments/" + openRequirement() + "/evidence";
        byte[] exact = new byte[(int) TestInstallation.UPLOAD_LIMIT_BYTES];
        Arrays.fill(exact, (byte) 'a');
        assertThat(api.upload(engineer, path, "exact.bin", exact)
                        .expect(201)
                        .json()
                        .get("size")
                        .asLong())
                .isEqualTo(TestInstallation.UPLOAD_LIMIT_BYTES);
        byte[] over = Arrays.copyOf(exact, exact.length + 1);
        assertProblem(api.upload(engineer, path, "over.bin", over), 413);
        assertThat(api.get(engineer, path).json()).hasSize(1);
    }

    @Test
    void aFileNameLosesItsControlAndBidiCharactersSoItShowsWhatItIs() {
        Credentials engineer = fixtures.user("eng", "Eve Engineer", "Engineer", "ENGINEER");
        fixtures.team(engineer);
        String path = "/api/v1/requirement-assessments/" + openRequirement() + "/evidence";
        // Shown as-is, U+202E would make "invoice‮txt.exe" read "invoiceexe.txt".
        JsonNode stored = api.upload(engineer, path, "invoice\u202Etxt\u0007.exe", new byte[] {1})
                .expect(201)
                .json();
        assertThat(stored.get("fileName").asText()).isEqualTo("invoicetxt.exe");
    }

    // --- Passwords

    @Test
    void aPasswordOf128CharactersWorks() {
        Credentials admin = new Credentials(TestInstallation.ADMIN_USERNAME, TestInstallation.ADMIN_PASSWORD);
        String username = "long-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "é".repeat(100) + "0123456789abcdefghijklmnopqr";
        assertThat(password).hasSize(128);
        api.post(
                        admin,
                        "/api/v1/users",
                        Map.of(
                                "username",
                                username,
                                "displayName",
                                "Long Password",
                                "roles",
                                List.of("ENGINEER"),
                                "password",
                                password))
                .expect(201);
        api.get(new Credentials(username, password), "/api/v1/users/me").expect(200);
        assertProblem(
                api.post(
                        admin,
                        "/api/v1/users",
                        Map.of(
                                "username",
                                username + "x",
                                "displayName",
                                "Too Long",
                                "roles",
                                List.of("ENGINEER"),
                                "password",
                                "p".repeat(129))),
                400);
    }

    // --- Text that is not what it looks like

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Acme\u0000Ltd",
                "Acme \u202Etxt.exe",
                "\u200B\u200B",
                "Acme\r\nInjected: yes",
                "Acme\uD800Ltd",
                "\u3164",
                "   ",
                "\u0301\u0301"
            })
    void namesThatAreNotWhatTheyLookLikeAreRefusedNamingTheField(String name) {
        assertPointer(
                api.post(officer, "/api/v1/manufacturers", Map.of("name", name, "address", "1 Test Road")), "/name");
    }

    @Test
    void ordinaryScriptsAreKeptAndTextIsStoredInNfc() {
        for (String name :
                List.of("שלום מכשירים בע״מ", "شركة الأجهزة", "深圳智能设备有限公司", "Gerät Ελληνικά Русский 한국어 日本語")) {
            JsonNode created = api.post(
                            officer, "/api/v1/manufacturers", Map.of("name", name, "address", "Line one\nLine two"))
                    .expect(201)
                    .json();
            assertThat(created.get("name").asText()).isEqualTo(name);
            assertThat(created.get("address").asText()).isEqualTo("Line one\nLine two");
        }
        JsonNode decomposed = api.post(
                        officer,
                        "/api/v1/manufacturers",
                        Map.of("name", "Cafe\u0301 Devices", "address", "1 Test Road"))
                .expect(201)
                .json();
        assertThat(decomposed.get("name").asText()).isEqualTo("Caf\u00e9 Devices");
    }

    @Test
    void lengthLimitsCountCharactersAPersonSees() {
        // A Hebrew letter with its vowel and shin dot is 3 UTF-16 units, yet one character to a person.
        String letter = "\u05E9\u05C1\u05B8";
        String seen200 = letter.repeat(100) + "é".repeat(100);
        assertThat(seen200.length()).isEqualTo(100 * 3 + 100);
        api.post(officer, "/api/v1/manufacturers", Map.of("name", seen200, "address", "1 Test Road"))
                .expect(201);
        JsonNode problem = assertPointer(
                api.post(officer, "/api/v1/manufacturers", Map.of("name", seen200 + "x", "address", "1 Test Road")),
                "/name");
        assertThat(problem.toString()).contains("at most 200 characters (has 201)");
    }

    @Test
    void aCharacterNoDeclarationFontPrintsIsRefusedWhereItIsTypedNamingTheField() {
        // Emoji and Thai are in none of the shipped fonts: printed, they would be blank boxes in a legal document.
        JsonNode name = assertPointer(
                api.post(
                        officer,
                        "/api/v1/manufacturers",
                        Map.of("name", "Gerät 👨‍👩‍👧‍👦", "address", "1 Test Road")),
                "/name");
        assertThat(name.toString()).contains("U+1F468").contains("no font of the declaration can print");
        JsonNode address = assertPointer(
                api.post(officer, "/api/v1/manufacturers", Map.of("name", "Siam Devices", "address", "ถนนสุขุมวิท")),
                "/address");
        assertThat(address.toString()).contains("U+0E16");
        // Each field a declaration prints is checked, the product's too.
        assertPointer(
                api.post(
                        officer,
                        "/api/v1/products",
                        Map.of(
                                "manufacturerId", manufacturerId,
                                "modelDesignation", "D-\u0E01",
                                "productType", "smart plug",
                                "supportPeriodEnd", "2031-12-31")),
                "/modelDesignation");
    }

    // --- Dates

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"2001-01-01\"",
                "\"+99999-12-31\"",
                "20000",
                "\"-0001-01-01\"",
                "\"0000-01-01\"",
                "\"2100-01-01\"",
                "\"2070-01-01\"",
                "\"2030-02-30\"",
                "\"30/06/2030\""
            })
    void aSupportPeriodEndMustBeARealDateInASaneFuture(String value) {
        String body = "{\"manufacturerId\":\"" + manufacturerId + "\",\"modelDesignation\":\"D-1\","
                + "\"productType\":\"smart plug\",\"supportPeriodEnd\":" + value + "}";
        Response response = raw.send(
                officer, "POST", "/api/v1/products", "application/json", body.getBytes(StandardCharsets.UTF_8));
        assertPointer(response, "/supportPeriodEnd");
    }

    @Test
    void theStoredSupportPeriodEndIsExactlyTheOneAccepted() {
        JsonNode product = api.post(
                        officer,
                        "/api/v1/products",
                        Map.of(
                                "manufacturerId",
                                manufacturerId,
                                "modelDesignation",
                                "D-2",
                                "productType",
                                "smart plug",
                                "supportPeriodEnd",
                                "2049-12-31"))
                .expect(201)
                .json();
        assertThat(product.get("supportPeriodEnd").asText()).isEqualTo("2049-12-31");
    }

    // --- Enums and malformed JSON

    @Test
    void aWrongEnumValueListsTheValidOnes() {
        Credentials admin = new Credentials(TestInstallation.ADMIN_USERNAME, TestInstallation.ADMIN_PASSWORD);
        JsonNode problem = assertPointer(
                api.post(
                        admin,
                        "/api/v1/users",
                        Map.of(
                                "username",
                                "enum-user",
                                "displayName",
                                "E",
                                "roles",
                                List.of("OFFICER"),
                                "password",
                                "a sufficiently long one")),
                "/roles/0");
        assertThat(problem.get("errors").get(0).get("detail").asText())
                .contains("COMPLIANCE_OFFICER, ENGINEER, SIGNATORY, REGULATOR, ADMIN");
    }

    @Test
    void malformedJsonNamesTheLine() {
        JsonNode problem = assertProblem(
                raw.send(
                        officer,
                        "POST",
                        "/api/v1/manufacturers",
                        "application/json",
                        "{\"name\": \"A\",\n \"address\": }".getBytes(StandardCharsets.UTF_8)),
                400);
        assertThat(problem.get("errors").get(0).get("detail").asText()).contains("line 2");
    }

    // --- helpers

    private String openRequirement() {
        String assessmentId = fixtures.openAssessment(officer, fixtures.release(officer))
                .get("id")
                .asText();
        JsonNode requirements =
                api.get(officer, "/api/v1/assessments/" + assessmentId).json().get("requirements");
        for (JsonNode r : requirements) {
            if (r.get("applicable").asBoolean()) {
                return r.get("id").asText();
            }
        }
        throw new AssertionError("no applicable requirement");
    }

    private static JsonNode assertPointer(Response response, String pointer) {
        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.get("type").asText()).isEqualTo("urn:conformity:problem:validation");
        assertThat(problem.get("errors").findValuesAsText("pointer"))
                .as(problem.toString())
                .contains(pointer);
        return problem;
    }

    private static void assertMalformed(Response response, String detail) {
        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.get("type").asText()).isEqualTo("urn:conformity:problem:malformed-multipart");
        assertThat(problem.get("detail").asText()).containsIgnoringCase(detail);
    }

    /** {@code total} bytes of a repeated pattern, made as they are read. */
    static final class RepeatingInputStream extends InputStream {

        private final byte[] pattern;
        private long remaining;
        private int position;

        RepeatingInputStream(byte[] pattern, long total) {
            this.pattern = pattern;
            this.remaining = total;
        }

        @Override
        public int read() {
            if (remaining <= 0) {
                return -1;
            }
            remaining--;
            byte b = pattern[position];
            position = (position + 1) % pattern.length;
            return b & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, remaining);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = pattern[position];
                position = (position + 1) % pattern.length;
            }
            remaining -= n;
            return n;
        }
    }
}
