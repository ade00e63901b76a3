package io.conformity.identity;

import static io.conformity.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.conformity.audit.Audited;
import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.ApiClient.Response;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.Fixtures;
import io.conformity.support.MutableClock;
import io.conformity.support.TestInstallation;

/** Personal API tokens: shown once, stored as a digest, scoped, bound to a product, expiring, revocable. */
@ConformityIntegrationTest
class ApiTokenIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    AuditedEvents audited;

    ApiClient api;
    Fixtures fixtures;
    Credentials admin = new Credentials(TestInstallation.ADMIN_USERNAME, TestInstallation.ADMIN_PASSWORD);
    Credentials officer;
    Credentials engineer;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixtures = new Fixtures(api);
        officer = fixtures.user("off", "Ola", "Officer", "COMPLIANCE_OFFICER");
        engineer = fixtures.user("eng", "Ed", "Engineer", "ENGINEER");
        // A member of every product the fixtures create: the token, not membership, is what keeps it to one product.
        fixtures.team(engineer);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aTokenIsShownOnceStoredAsADigestListedWithoutItAndRevocable() {
        JsonNode created = create(engineer, Map.of("name", "laptop", "scope", "read", "lifetime", "P30D"));
        String secret = created.get("secret").asText();
        assertThat(secret).matches("cfy_[A-Za-z0-9_-]{43}");
        String id = created.get("token").get("id").asText();

        Map<String, Object> row = jdbc.queryForMap("select * from api_token where id = ?", UUID.fromString(id));
        assertThat(row.values().stream().map(String::valueOf)).noneMatch(v -> v.contains(secret.substring(4)));
        assertThat(row.get("digest")).isEqualTo(sha256(secret));

        Credentials token = Credentials.bearer(secret);
        assertThat(api.get(token, "/api/v1/users/me")
                        .expect(200)
                        .json()
                        .get("username")
                        .asText())
                .isEqualTo(engineer.username());
        JsonNode listed =
                api.get(engineer, "/api/v1/users/me/tokens").expect(200).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("name").asText()).isEqualTo("laptop");
        assertThat(listed.get(0).get("scope").asText()).isEqualTo("read");
        assertThat(listed.get(0).get("lastUsedAt").isNull()).isFalse();
        assertThat(listed.get(0).get("revoked").asBoolean()).isFalse();
        assertThat(listed.toString()).doesNotContain(secret.substring(4)).doesNotContain("digest");
        // Another user neither sees nor revokes it.
        assertThat(api.get(officer, "/api/v1/users/me/tokens").expect(200).json())
                .isEmpty();
        assertProblem(api.delete(officer, "/api/v1/users/me/tokens/" + id), 404);

        api.delete(engineer, "/api/v1/users/me/tokens/" + id).expect(200);
        Response revoked = api.get(token, "/api/v1/users/me");
        assertProblem(revoked, 401);
        assertThat(api.get(engineer, "/api/v1/users/me/tokens")
                        .json()
                        .get(0)
                        .get("revoked")
                        .asBoolean())
                .isTrue();
        assertThat(audited.about(engineer.username()))
                .extracting(Audited::action)
                .containsSubsequence("user.created", "token.created", "token.revoked");
        Map<String, Object> change = new HashMap<>(audited.about(engineer.username()).stream()
                .filter(e -> e.action().equals("token.created"))
                .findFirst()
                .orElseThrow()
                .change());
        assertThat(change)
                .containsEntry("tokenId", id)
                .containsEntry("scope", "read")
                .doesNotContainValue(secret);
        Response unknown = api.get(Credentials.bearer("cfy_" + "A".repeat(43)), "/api/v1/users/me");
        assertProblem(unknown, 401);
        assertThat(unknown.text().replace(unknown.json().get("instance").asText(), ""))
                .isEqualTo(revoked.text().replace(revoked.json().get("instance").asText(), ""));
        assertThat(unknown.headers().getFirst("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void aTokenExpiresAndItsLifetimeIsBounded() {
        String secret = create(engineer, Map.of("name", "short", "scope", "read", "lifetime", "PT1H"))
                .get("secret")
                .asText();
        api.get(Credentials.bearer(secret), "/api/v1/users/me").expect(200);
        clock.advance(Duration.ofMinutes(61));
        assertProblem(api.get(Credentials.bearer(secret), "/api/v1/users/me"), 401);
        clock.reset();

        for (Map<String, Object> bad : List.of(
                Map.<String, Object>of("name", "forever", "scope", "read"),
                Map.<String, Object>of("name", "long", "scope", "read", "lifetime", "P400D"),
                Map.<String, Object>of(
                        "name",
                        "past",
                        "scope",
                        "read",
                        "expiresAt",
                        Instant.now().minusSeconds(60).toString()),
                Map.<String, Object>of("name", "no product", "scope", "evidence-upload", "lifetime", "P1D"),
                Map.<String, Object>of("name", "bad scope", "scope", "admin-everything", "lifetime", "P1D"))) {
            assertProblem(api.post(engineer, "/api/v1/users/me/tokens", bad), 400);
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from api_token t join app_user u on u.id = t.user_id where u.username = ?",
                        Integer.class,
                        engineer.username()))
                .isOne();
    }

    @Test
    void anEvidenceUploadTokenUploadsForItsProductOnlyAndDoesNothingElse() {
        String releaseId = fixtures.release(officer);
        String productId = api.get(officer, "/api/v1/releases/" + releaseId)
                .expect(200)
                .json()
                .get("productId")
                .asText();
        String requirement = requirementOf(releaseId);
        String otherRequirement = requirementOf(fixtures.release(officer, "Other Devices Ltd", "OT-1"));

        assertProblem(
                api.post(
                        engineer,
                        "/api/v1/users/me/tokens",
                        Map.of(
                                "name",
                                "ci",
                                "scope",
                                "evidence-upload",
                                "productId",
                                UUID.randomUUID().toString(),
                                "lifetime",
                                "P90D")),
                400);
        // An officer has no ENGINEER role to lend an upload token.
        assertProblem(
                api.post(
                        officer,
                        "/api/v1/users/me/tokens",
                        Map.of("name", "ci", "scope", "evidence-upload", "productId", productId, "lifetime", "P90D")),
                400);
        Credentials ci = Credentials.bearer(create(
                        engineer,
                        Map.of("name", "ci", "scope", "evidence-upload", "productId", productId, "lifetime", "P90D"))
                .get("secret")
                .asText());

        byte[] report = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
        Response uploaded = api.send(
                ci,
                HttpMethod.PUT,
                "/api/v1/requirement-assessments/" + requirement + "/evidence/report.json",
                report,
                MediaType.APPLICATION_OCTET_STREAM);
        uploaded.expect(201);
        assertThat(uploaded.json().get("uploadedBy").asText()).isEqualTo(engineer.username());
        api.get(ci, "/api/v1/requirement-assessments/" + requirement + "/evidence")
                .expect(200);

        JsonNode elsewhere = assertProblem(
                api.send(
                        ci,
                        HttpMethod.PUT,
                        "/api/v1/requirement-assessments/" + otherRequirement + "/evidence/report.json",
                        report,
                        MediaType.APPLICATION_OCTET_STREAM),
                404);
        // The owner is a member of that product too: the token, bound to the first, is what keeps it out, with the
        // same answer as for a product its owner does not work on.
        assertThat(elsewhere.get("detail").asText()).contains("No requirement assessment");
        assertThat(jdbc.queryForObject(
                        "select count(*) from evidence where requirement_assessment_id = ?",
                        Integer.class,
                        UUID.fromString(otherRequirement)))
                .isZero();
        // Outside its scope, whatever the user may do with the password.
        assertProblem(api.get(ci, "/api/v1/tasks"), 403);
        assertProblem(api.get(ci, "/api/v1/manufacturers"), 403);
        assertProblem(
                api.post(ci, "/api/v1/users/me/tokens", Map.of("name", "more", "scope", "full", "lifetime", "P1D")),
                403);
        assertThat(api.get(ci, "/api/v1/users/me")
                        .expect(200)
                        .json()
                        .get("tokenProductId")
                        .asText())
                .isEqualTo(productId);
        assertThat(api.get(engineer, "/api/v1/users/me").expect(200).json().has("tokenProductId"))
                .isFalse();

        // Roles are the user's roles now: without ENGINEER the token uploads nothing.
        api.put(admin, "/api/v1/users/" + engineer.username() + "/roles", Map.of("roles", List.of("REGULATOR")))
                .expect(200);
        assertProblem(
                api.send(
                        ci,
                        HttpMethod.PUT,
                        "/api/v1/requirement-assessments/" + requirement + "/evidence/again.json",
                        report,
                        MediaType.APPLICATION_OCTET_STREAM),
                403);
    }

    @Test
    void aReadTokenOnlyReadsAndAFullTokenActsWithTheUsersRoles() {
        Credentials read = Credentials.bearer(create(officer, Map.of("name", "r", "scope", "read", "lifetime", "P1D"))
                .get("secret")
                .asText());
        api.get(read, "/api/v1/manufacturers").expect(200);
        assertProblem(api.post(read, "/api/v1/manufacturers", Map.of("name", "R Ltd", "address", "4 Read Road")), 403);
        assertProblem(api.get(read, "/"), 403);

        Credentials full = Credentials.bearer(create(
                        officer,
                        Map.of(
                                "name",
                                "f",
                                "scope",
                                "full",
                                "expiresAt",
                                Instant.now().plus(Duration.ofDays(30)).toString()))
                .get("secret")
                .asText());
        api.post(full, "/api/v1/manufacturers", Map.of("name", "F Ltd", "address", "5 Full Road"))
                .expect(201);
        // Never more than the user: an officer's token does not create users.
        assertProblem(
                api.post(
                        full,
                        "/api/v1/users",
                        Map.of(
                                "username",
                                "via-token",
                                "displayName",
                                "V",
                                "roles",
                                List.of("ADMIN"),
                                "password",
                                "long enough passphrase here")),
                403);
        // Tokens do not change the password or mint tokens.
        assertProblem(
                api.put(
                        full,
                        "/api/v1/users/me/password",
                        Map.of("currentPassword", officer.password(), "newPassword", "another passphrase here")),
                403);
    }

    @Test
    void lastUseIsWrittenAtMostOnceAMinute() {
        String secret = create(engineer, Map.of("name", "busy", "scope", "read", "lifetime", "P1D"))
                .get("secret")
                .asText();
        api.get(Credentials.bearer(secret), "/api/v1/users/me").expect(200);
        Object first = jdbc.queryForObject(
                "select last_used_at from api_token where digest = ?", Object.class, sha256(secret));
        assertThat(first).isNotNull();
        for (int i = 0; i < 5; i++) {
            api.get(Credentials.bearer(secret), "/api/v1/users/me").expect(200);
        }
        assertThat(jdbc.queryForObject(
                        "select last_used_at from api_token where digest = ?", Object.class, sha256(secret)))
                .isEqualTo(first);
        clock.advance(Duration.ofSeconds(61));
        api.get(Credentials.bearer(secret), "/api/v1/users/me").expect(200);
        assertThat(jdbc.queryForObject(
                        "select last_used_at from api_token where digest = ?", Object.class, sha256(secret)))
                .isNotEqualTo(first);
    }

    private JsonNode create(Credentials user, Map<String, Object> request) {
        Response created = api.post(user, "/api/v1/users/me/tokens", new HashMap<>(request));
        created.expect(201);
        assertThat(created.headers().getFirst("Location"))
                .endsWith("/api/v1/users/me/tokens/"
                        + created.json().get("token").get("id").asText());
        return created.json();
    }

    private String requirementOf(String releaseId) {
        String assessmentId =
                fixtures.openAssessment(officer, releaseId).get("id").asText();
        for (JsonNode r :
                api.get(officer, "/api/v1/assessments/" + assessmentId).json().get("requirements")) {
            if (r.get("applicable").asBoolean() && r.get("principle").asText().equals("6")) {
                return r.get("id").asText();
            }
        }
        throw new AssertionError("no applicable requirement of principle 6");
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
