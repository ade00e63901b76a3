package io.conformity.identity;

import static io.conformity.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.Concurrently;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.Fixtures;
import io.conformity.support.TestInstallation;

@ConformityIntegrationTest
class IdentityIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixtures = new Fixtures(api);
    }

    @Test
    void anonymousAndWrongPasswordGet401Problems() {
        ApiClient.Response anonymous = api.get(null, "/api/v1/tasks");
        assertProblem(anonymous, 401);
        assertThat(anonymous.headers().getFirst("WWW-Authenticate")).startsWith("Bearer");
        Credentials engineer = fixtures.user("eng", "Ed", "Engineer", "ENGINEER");
        fixtures.team(engineer);
        assertProblem(api.get(new Credentials(engineer.username(), "wrong-password-123"), "/api/v1/tasks"), 401);
    }

    @Test
    void passwordsAreStoredHashedOnly() {
        Credentials engineer = fixtures.user("eng", "Ed", "Engineer", "ENGINEER");
        fixtures.team(engineer);
        String hash = jdbc.queryForObject(
                "select password_hash from app_user where username = ?", String.class, engineer.username());
        assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain(engineer.password());
        assertThat(api.get(engineer, "/api/v1/users/me")
                        .expect(200)
                        .json()
                        .get("roles")
                        .get(0)
                        .asText())
                .isEqualTo("ENGINEER");
    }

    @Test
    void onlyAnAdministratorCreatesAccounts() {
        Credentials officer = fixtures.user("off", "Ola", "Officer", "COMPLIANCE_OFFICER");
        fixtures.team(officer);
        assertProblem(
                api.post(
                        officer,
                        "/api/v1/users",
                        Map.of(
                                "username",
                                "sneaky",
                                "displayName",
                                "S",
                                "roles",
                                List.of("ADMIN"),
                                "password",
                                "long-enough-password")),
                403);
    }

    @Test
    void aSignatoryNeedsAFunctionBecauseEveryDeclarationPrintsIt() {
        Credentials admin = new Credentials(TestInstallation.ADMIN_USERNAME, TestInstallation.ADMIN_PASSWORD);
        ApiClient.Response refused = api.post(
                admin,
                "/api/v1/users",
                Map.of(
                        "username",
                        "sig-" + UUID.randomUUID().toString().substring(0, 8),
                        "displayName",
                        "Sam Signatory",
                        "roles",
                        List.of("SIGNATORY"),
                        "password",
                        "long-enough-password-" + UUID.randomUUID()));
        assertThat(assertProblem(refused, 400).get("errors").findValuesAsText("pointer"))
                .contains("/function");
    }

    @Test
    void aWrongRoleIsRefusedBeforeTheBodyIsValidated() {
        Credentials engineer = fixtures.user("eng", "Ed", "Engineer", "ENGINEER");
        fixtures.team(engineer);
        assertProblem(api.post(engineer, "/api/v1/assessments", Map.of()), 403);
        assertProblem(api.post(engineer, "/api/v1/manufacturers", Map.of("name", "")), 403);
        Credentials officer = fixtures.user("off", "Ola", "Officer", "COMPLIANCE_OFFICER");
        fixtures.team(officer);
        JsonNode problem = assertProblem(api.post(officer, "/api/v1/manufacturers", Map.of("name", "")), 400);
        assertThat(problem.get("errors").findValuesAsText("pointer")).containsExactlyInAnyOrder("/name", "/address");
    }

    @Test
    void weakOrMalformedAccountsAreRefusedFieldByField() {
        Credentials admin = new Credentials(TestInstallation.ADMIN_USERNAME, TestInstallation.ADMIN_PASSWORD);
        JsonNode problem = assertProblem(
                api.post(
                        admin,
                        "/api/v1/users",
                        Map.of(
                                "username",
                                "Bad Name",
                                "displayName",
                                "B",
                                "roles",
                                List.of("ENGINEER"),
                                "password",
                                "short")),
                400);
        assertThat(problem.get("errors").findValuesAsText("pointer"))
                .containsExactlyInAnyOrder("/username", "/password");
        assertProblem(
                api.post(
                        admin,
                        "/api/v1/users",
                        Map.of(
                                "username",
                                "x-role",
                                "displayName",
                                "B",
                                "roles",
                                List.of("SUPERUSER"),
                                "password",
                                "long-enough-password")),
                400);
    }

    @Test
    void aCreatedAccountIsWhereItsLocationSays() {
        Credentials admin = new Credentials(TestInstallation.ADMIN_USERNAME, TestInstallation.ADMIN_PASSWORD);
        String username = "jo.doe-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response created = api.post(
                        admin,
                        "/api/v1/users",
                        Map.of(
                                "username",
                                username,
                                "displayName",
                                "Jo Doe",
                                "function",
                                "Engineer",
                                "roles",
                                List.of("ENGINEER"),
                                "password",
                                "long-enough-password"))
                .expect(201);
        String location = created.headers().getFirst("Location");
        assertThat(location).isEqualTo("http://localhost:" + port + "/api/v1/users/" + username);
        assertThat(api.get(admin, location).expect(200).json()).isEqualTo(created.json());
    }

    @Test
    void tenParallelCreationsOfOneUserNameGiveOneAccountAndNineDuplicateProblems() {
        Credentials admin = new Credentials(TestInstallation.ADMIN_USERNAME, TestInstallation.ADMIN_PASSWORD);
        String username = "twin-" + UUID.randomUUID().toString().substring(0, 8);
        List<ApiClient.Response> responses = Concurrently.run(
                10,
                i -> api.post(
                        admin,
                        "/api/v1/users",
                        Map.of(
                                "username",
                                username,
                                "displayName",
                                "Twin " + i,
                                "roles",
                                List.of("ENGINEER"),
                                "password",
                                "long-enough-password-" + i)));

        assertThat(responses)
                .as(responses.stream().map(ApiClient.Response::text).toList().toString())
                .extracting(ApiClient.Response::status)
                .containsExactlyInAnyOrder(201, 409, 409, 409, 409, 409, 409, 409, 409, 409);
        responses.stream()
                .filter(r -> r.status() == 409)
                .forEach(r -> assertThat(assertProblem(r, 409).get("type").asText())
                        .isEqualTo("urn:conformity:problem:duplicate-user"));
        assertThat(jdbc.queryForObject("select count(*) from app_user where username = ?", Integer.class, username))
                .isOne();
    }

    @Test
    void setupIsClosedOnceAnAdministratorExists() {
        JsonNode problem = assertProblem(
                api.post(
                        null,
                        "/api/v1/setup",
                        Map.of(
                                "token",
                                "anything",
                                "username",
                                "mallory",
                                "displayName",
                                "M",
                                "password",
                                "long-enough-password")),
                409);
        assertThat(problem.get("type").asText()).endsWith("already-set-up");
        assertThat(jdbc.queryForObject("select count(*) from app_user where username = 'mallory'", Integer.class))
                .isZero();
    }

    @Test
    void theOpenApiDescriptionIsPublished() {
        JsonNode openApi = api.get(null, "/v3/api-docs").expect(200).json();
        assertThat(openApi.get("paths").has("/api/v1/assessments")).isTrue();
        assertThat(openApi.get("paths").has("/api/v1/tasks/{taskId}/review")).isTrue();
    }

    @Test
    void camundaWebAppsAndRestApiAreNotShipped() {
        Credentials admin = new Credentials(TestInstallation.ADMIN_USERNAME, TestInstallation.ADMIN_PASSWORD);
        for (String path : List.of("/engine-rest/engine", "/camunda/app/cockpit/", "/app/welcome/")) {
            assertThat(api.get(admin, path).status()).as(path).isIn(403, 404);
        }
    }
}
