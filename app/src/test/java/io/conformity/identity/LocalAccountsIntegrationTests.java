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

import io.conformity.audit.Audited;
import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.ApiClient.Response;
import io.conformity.support.Browser;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.Fixtures;
import io.conformity.support.TestInstallation;

/** People in a browser: the login page, the session, CSRF, logout; password rules, change and reset. */
@ConformityIntegrationTest
class LocalAccountsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditedEvents audited;

    ApiClient api;
    Fixtures fixtures;
    Credentials admin = new Credentials(TestInstallation.ADMIN_USERNAME, TestInstallation.ADMIN_PASSWORD);

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixtures = new Fixtures(api);
    }

    @Test
    void pagesRedirectToTheLoginPageAndTheApiAnswers401WithoutABasicChallenge() {
        Browser browser = new Browser(port);
        Response landing = browser.get("/");
        assertThat(landing.status()).isEqualTo(302);
        assertThat(landing.headers().getFirst("Location")).endsWith("/login");
        Response login = browser.get("/login").expect(200);
        assertThat(login.contentType()).startsWith("text/html");
        assertThat(login.text()).contains("name=\"_csrf\"", "name=\"username\"", "type=\"password\"");
        assertThat(login.headers().getFirst("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(login.text()).doesNotContain("<script", "style=");

        Response anonymous = api.get(null, "/api/v1/users/me");
        assertProblem(anonymous, 401);
        // A Basic challenge would make browsers prompt, and then send the password along with every request.
        assertThat(anonymous.headers().get("WWW-Authenticate")).containsExactly("Bearer realm=\"conformity\"");
        assertThat(anonymous.headers().get("Set-Cookie")).isNull();
    }

    @Test
    void aPersonSignsInGetsAnHttpOnlyLaxSessionAndSignsOutWithTheCsrfToken() {
        Credentials officer = fixtures.user("off", "Olga Officer", "Officer", "COMPLIANCE_OFFICER");
        Browser browser = new Browser(port);

        Response signedIn = browser.signIn(officer.username(), officer.password());
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.headers().getFirst("Location")).endsWith("/");
        String setCookie = String.join("\n", signedIn.headers().get("Set-Cookie"));
        assertThat(setCookie)
                .contains("JSESSIONID=")
                .containsIgnoringCase("HttpOnly")
                .contains("SameSite=Lax");

        Response landing = browser.get("/").expect(200);
        assertThat(landing.text())
                .contains("Olga Officer", officer.username(), "COMPLIANCE_OFFICER", "/swagger-ui.html", "/logout");
        assertThat(browser.api("GET", "/api/v1/users/me", null, false)
                        .expect(200)
                        .json()
                        .get("username")
                        .asText())
                .isEqualTo(officer.username());

        // The session calls the API: a state change needs the CSRF token, which another site cannot read.
        Map<String, String> manufacturer = Map.of("name", "Session Devices Ltd", "address", "1 Cookie Lane");
        Response forged = browser.api("POST", "/api/v1/manufacturers", manufacturer, false);
        assertThat(assertProblem(forged, 403).get("detail").asText()).contains("CSRF");
        browser.api("POST", "/api/v1/manufacturers", manufacturer, true).expect(201);

        // Logging out is a state change too.
        Response noToken = browser.postForm("/logout", Map.of("_csrf", "forged"));
        assertThat(noToken.status()).isEqualTo(403);
        browser.get("/").expect(200);
        Response out = browser.postForm("/logout", Map.of());
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.headers().getFirst("Location")).endsWith("/login?signedOut");
        assertThat(browser.get("/").status()).isEqualTo(302);
        assertProblem(browser.api("GET", "/api/v1/users/me", null, false), 401);
    }

    @Test
    void aWrongPasswordOnTheFormShowsTheSameMessageAsAnUnknownUser() {
        Credentials engineer = fixtures.user("eng", "Ed", "Engineer", "ENGINEER");
        Browser browser = new Browser(port);
        Response wrong = browser.signIn(engineer.username(), "not-the-password-at-all");
        Response unknown = new Browser(port).signIn("nobody-" + UUID.randomUUID(), "not-the-password-at-all");
        assertThat(wrong.status()).isEqualTo(302);
        assertThat(wrong.headers().getFirst("Location"))
                .isEqualTo(unknown.headers().getFirst("Location"));
        assertThat(browser.get("/login?error").text()).contains("Wrong user name or password.");
        Audited failed = audited.about(engineer.username()).stream()
                .filter(e -> e.action().equals("login.failed"))
                .findFirst()
                .orElseThrow();
        assertThat(failed.actor()).isEqualTo(engineer.username());
        assertThat(failed.subjectType()).isEqualTo("user");
        assertThat(browser.get("/").status()).isEqualTo(302);
        // The login form needs the CSRF token of its page, so no other site can sign a victim in.
        Response forged = new Browser(port)
                .postForm("/login", Map.of("username", engineer.username(), "password", engineer.password()));
        assertThat(forged.status()).isEqualTo(403);
    }

    @Test
    void basicAndTokenRequestsAreStatelessAndNeedNoCsrfToken() {
        Credentials officer = fixtures.user("off", "Ola", "Officer", "COMPLIANCE_OFFICER");
        Response basic = api.post(
                        officer, "/api/v1/manufacturers", Map.of("name", "Basic Ltd", "address", "2 Script Road"))
                .expect(201);
        assertThat(basic.headers().get("Set-Cookie")).isNull();
        assertThat(api.get(officer, "/api/v1/users/me").expect(200).headers().get("Set-Cookie"))
                .isNull();
    }

    @Test
    void commonRepetitiveAndNameContainingPasswordsAreRefusedNamingTheField() {
        for (String weak : List.of(
                "passwordpass",
                "aaaaaaaaaaaa",
                "password1234",
                "qwertyuiop123",
                "abcabcabcabc",
                "123456789012",
                "iloveyouiloveyou",
                "conformity-2026!")) {
            JsonNode problem = assertProblem(
                    api.post(
                            admin,
                            "/api/v1/users",
                            Map.of(
                                    "username",
                                    "weak-" + UUID.randomUUID().toString().substring(0, 8),
                                    "displayName",
                                    "W",
                                    "roles",
                                    List.of("ENGINEER"),
                                    "password",
                                    weak)),
                    400);
            assertThat(problem.get("errors").findValuesAsText("pointer"))
                    .as(weak)
                    .containsExactly("/password");
        }
        String username = "maria-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode named = assertProblem(
                api.post(
                        admin,
                        "/api/v1/users",
                        Map.of(
                                "username",
                                username,
                                "displayName",
                                "M",
                                "roles",
                                List.of("ENGINEER"),
                                "password",
                                "x7" + username.toUpperCase() + "!q")),
                400);
        assertThat(named.get("errors").get(0).get("detail").asText()).contains("user name");
        assertThat(jdbc.queryForObject("select count(*) from app_user where username = ?", Integer.class, username))
                .isZero();
        // A long passphrase is fine.
        api.post(
                        admin,
                        "/api/v1/users",
                        Map.of(
                                "username",
                                username,
                                "displayName",
                                "M",
                                "roles",
                                List.of("ENGINEER"),
                                "password",
                                "violet kettle drums at noon"))
                .expect(201);
    }

    @Test
    void aUserChangesTheirOwnPasswordProvingTheCurrentOne() {
        Credentials engineer = fixtures.user("eng", "Ed", "Engineer", "ENGINEER");
        Browser session = new Browser(port);
        session.signIn(engineer.username(), engineer.password());
        session.api("GET", "/api/v1/users/me", null, false).expect(200);
        String next = "new-" + UUID.randomUUID();
        JsonNode wrongCurrent = assertProblem(
                api.put(
                        engineer,
                        "/api/v1/users/me/password",
                        Map.of("currentPassword", "not-my-password-really", "newPassword", next)),
                400);
        assertThat(wrongCurrent.get("errors").findValuesAsText("pointer")).containsExactly("/currentPassword");
        JsonNode weak = assertProblem(
                api.put(
                        engineer,
                        "/api/v1/users/me/password",
                        Map.of("currentPassword", engineer.password(), "newPassword", "passwordpass")),
                400);
        assertThat(weak.get("errors").findValuesAsText("pointer")).containsExactly("/newPassword");

        api.put(
                        engineer,
                        "/api/v1/users/me/password",
                        Map.of("currentPassword", engineer.password(), "newPassword", next))
                .expect(204);
        assertProblem(api.get(engineer, "/api/v1/users/me"), 401);
        api.get(new Credentials(engineer.username(), next), "/api/v1/users/me").expect(200);
        // A session signed in with the old password ends.
        assertProblem(session.api("GET", "/api/v1/users/me", null, false), 401);
    }

    @Test
    void anAdministratorsResetForcesAChangeBeforeAnythingElse() {
        Credentials engineer = fixtures.user("eng", "Ed", "Engineer", "ENGINEER");
        String temporary = "temp-" + UUID.randomUUID();
        assertProblem(
                api.put(
                        engineer,
                        "/api/v1/users/" + engineer.username() + "/password",
                        Map.of("temporaryPassword", temporary)),
                403);
        assertThat(assertProblem(
                                api.put(
                                        admin,
                                        "/api/v1/users/" + engineer.username() + "/password",
                                        Map.of("temporaryPassword", "aaaaaaaaaaaa")),
                                400)
                        .get("errors")
                        .findValuesAsText("pointer"))
                .containsExactly("/temporaryPassword");
        assertProblem(
                api.put(admin, "/api/v1/users/nobody-here/password", Map.of("temporaryPassword", temporary)), 404);
        Credentials token = Credentials.bearer(api.post(
                        engineer,
                        "/api/v1/users/me/tokens",
                        Map.of("name", "before the reset", "scope", "read", "lifetime", "P1D"))
                .expect(201)
                .json()
                .get("secret")
                .asText());
        Browser before = new Browser(port);
        before.signIn(engineer.username(), engineer.password());
        before.get("/").expect(200);
        api.put(admin, "/api/v1/users/" + engineer.username() + "/password", Map.of("temporaryPassword", temporary))
                .expect(204);

        // Whoever held the account loses what they made with it: its tokens and sessions.
        assertProblem(api.get(engineer, "/api/v1/users/me"), 401);
        assertProblem(api.get(token, "/api/v1/users/me"), 401);
        assertProblem(before.api("GET", "/api/v1/users/me", null, false), 401);
        assertThat(before.get("/").status()).isEqualTo(302);
        Credentials reset = new Credentials(engineer.username(), temporary);
        JsonNode refused = assertProblem(api.get(reset, "/api/v1/tasks"), 403);
        assertThat(refused.get("type").asText()).isEqualTo("urn:conformity:problem:password-change-required");
        api.get(reset, "/api/v1/users/me").expect(200);

        // In the browser too: the landing page offers the change, the API refuses everything else.
        Browser browser = new Browser(port);
        browser.signIn(reset.username(), reset.password());
        assertThat(browser.get("/").expect(200).text()).contains("temporary password");
        assertThat(assertProblem(browser.api("GET", "/api/v1/tasks", null, false), 403)
                        .get("type")
                        .asText())
                .endsWith("password-change-required");
        String chosen = "mine-" + UUID.randomUUID();
        Response changed =
                browser.postForm("/account/password", Map.of("currentPassword", temporary, "newPassword", chosen));
        assertThat(changed.status()).isEqualTo(303);
        assertThat(changed.headers().getFirst("Location")).isEqualTo("/login?changed");
        // The change ends the sessions signed in before it, this one too: sign in with the new password.
        assertProblem(browser.api("GET", "/api/v1/tasks", null, false), 401);
        browser.signIn(reset.username(), chosen);
        browser.get("/").expect(200);
        browser.api("GET", "/api/v1/tasks", null, false).expect(200);

        api.get(new Credentials(engineer.username(), chosen), "/api/v1/tasks").expect(200);
        assertThat(audited.about(engineer.username()))
                .extracting(Audited::action)
                .containsSubsequence(
                        "user.created", "token.created", "password.reset", "token.revoked", "password.changed");
        assertThat(jdbc.queryForObject(
                        "select password_change_required from app_user where username = ?",
                        Boolean.class,
                        engineer.username()))
                .isFalse();
    }

    @Test
    void aRemovedRoleIsGoneAtTheSessionsNextRequest() {
        Credentials officer = fixtures.user("off", "Ola", "Officer", "COMPLIANCE_OFFICER");
        Browser browser = new Browser(port);
        browser.signIn(officer.username(), officer.password());
        browser.get("/").expect(200);
        Map<String, String> manufacturer = Map.of("name", "Role Ltd", "address", "3 Role Road");
        browser.api("POST", "/api/v1/manufacturers", manufacturer, true).expect(201);

        api.put(admin, "/api/v1/users/" + officer.username() + "/roles", Map.of("roles", List.of("ENGINEER")))
                .expect(200);
        assertProblem(browser.api("POST", "/api/v1/manufacturers", manufacturer, true), 403);
        Audited changed = audited.about(officer.username()).stream()
                .filter(e -> e.action().equals("user.roles-changed"))
                .findFirst()
                .orElseThrow();
        assertThat(changed.change().get("before").toString()).contains("COMPLIANCE_OFFICER");
        assertThat(changed.change().get("after").toString()).contains("ENGINEER");
        assertThat(browser.api("GET", "/api/v1/users/me", null, false)
                        .json()
                        .get("roles")
                        .get(0)
                        .asText())
                .isEqualTo("ENGINEER");
    }
}
