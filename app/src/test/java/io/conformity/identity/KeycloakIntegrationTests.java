package io.conformity.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.ApiClient.Response;
import io.conformity.support.Concurrently;
import io.conformity.support.KeycloakIntegrationTest;
import io.conformity.support.KeycloakServer;
import io.conformity.support.MutableClock;
import io.conformity.support.Problems;

/**
 * Keycloak as the identity provider, against a real Keycloak with the repository's realm: bearer tokens on the
 * API, the browser's sign-in (authorization code with PKCE) driven over plain HTTP, and signing out of both.
 */
@KeycloakIntegrationTest
class KeycloakIntegrationTests {

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakIntegrationTests.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KeycloakServer KEYCLOAK = KeycloakServer.instance();
    private static final String APP = "http://localhost:" + KEYCLOAK.applicationPort();
    private static boolean logged;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final ApiClient api = new ApiClient(KEYCLOAK.applicationPort());

    @Autowired
    MutableClock clock;

    // Keycloak starts with this class (KEYCLOAK above) while Spring starts the application, and is waited for
    // only once the application is up.
    @BeforeEach
    void keycloakStarted() {
        Duration took = KEYCLOAK.awaitReady();
        if (!logged) {
            logged = true;
            LOG.info("Keycloak took {} s to start", took.toSeconds());
        }
    }

    /** An administrator of the realm: with Keycloak, no local password signs anyone in, administrators included. */
    private Credentials admin() {
        String password = password();
        String admin = username("admin");
        KEYCLOAK.createUser(admin, "Ada", "Admin", null, password, "admin");
        return Credentials.bearer(accessToken(admin, password));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void bearerTokenOfTheRealmActsWithTheUsersRealmRoles() {
        String password = password();
        String officer = username("officer");
        String engineer = username("engineer");
        KEYCLOAK.createUser(officer, "Olivia", "Officer", null, password, "compliance-officer");
        KEYCLOAK.createUser(engineer, "Ed", "Engineer", null, password, "engineer");
        String officerToken = accessToken(officer, password);
        String engineerToken = accessToken(engineer, password);

        HttpResponse<String> me = get("/api/v1/users/me", officerToken);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonNode caller = json(me.body());
        assertThat(caller.get("username").asText()).isEqualTo(officer);
        assertThat(caller.get("displayName").asText()).isEqualTo("Olivia Officer");
        assertThat(caller.get("roles")).extracting(JsonNode::asText).containsExactly("COMPLIANCE_OFFICER");

        HttpResponse<String> created = post(
                "/api/v1/manufacturers",
                officerToken,
                "{\"name\":\"Keycloak Devices Ltd\",\"address\":\"1 Realm Road, Leeds LS1 1AA\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        HttpResponse<String> refused = post(
                "/api/v1/manufacturers", engineerToken, "{\"name\":\"Not Mine Ltd\",\"address\":\"2 Realm Road\"}");
        assertProblem(refused, 403);
        assertThat(json(get("/api/v1/users/me", engineerToken).body()).get("roles"))
                .extracting(JsonNode::asText)
                .containsExactly("ENGINEER");
    }

    @Test
    void signatorysFunctionComesFromTheUserAttributeAndEveryKeycloakUserGetsAPasswordlessLocalRow() {
        String password = password();
        String signatory = username("signatory");
        KEYCLOAK.createUser(
                signatory, "Sigrid", "Signer", "Head of Product Security", password, "signatory", "engineer");

        JsonNode caller =
                json(get("/api/v1/users/me", accessToken(signatory, password)).body());
        assertThat(caller.get("function").asText()).isEqualTo("Head of Product Security");
        assertThat(caller.get("roles")).extracting(JsonNode::asText).containsExactlyInAnyOrder("SIGNATORY", "ENGINEER");

        // Administrators see the user (to grant product membership by name) with the roles of the token...
        JsonNode row =
                api.get(admin(), "/api/v1/users/" + signatory).expect(200).json();
        assertThat(row.get("displayName").asText()).isEqualTo("Sigrid Signer");
        assertThat(row.get("function").asText()).isEqualTo("Head of Product Security");
        assertThat(row.get("roles")).extracting(JsonNode::asText).containsExactlyInAnyOrder("SIGNATORY", "ENGINEER");
        // ...and the verified email claim, where notifications are e-mailed; Keycloak owns it, so it is set there.
        assertThat(row.get("email").asText()).isEqualTo(signatory + "@example.com");
        Problems.assertProblem(
                api.put(
                        Credentials.bearer(accessToken(signatory, password)),
                        "/api/v1/users/me/email",
                        Map.of("email", "other@example.com")),
                403);
        // ...but the row has no password: no password of any kind signs them in locally.
        Problems.assertProblem(api.get(new Credentials(signatory, password), "/api/v1/users/me"), 401);
    }

    @Test
    void theLocalRowFollowsKeycloakAndParallelFirstRequestsMakeOneRow() {
        String password = password();
        String engineer = username("engineer");
        String id = KEYCLOAK.createUser(engineer, "Pia", "Parallel", null, password, "engineer");
        String token = accessToken(engineer, password);

        List<Integer> statuses =
                Concurrently.run(8, i -> get("/api/v1/users/me", token).statusCode());
        assertThat(statuses).containsOnly(200);
        JsonNode users = api.get(admin(), "/api/v1/users?size=100&sort=username")
                .expect(200)
                .json();
        assertThat(users.get("content").findValuesAsText("username")).containsOnlyOnce(engineer);

        // Roles are Keycloak's: granted there, they arrive with the next token, and the row follows.
        KEYCLOAK.grantRole(id, "compliance-officer");
        String promoted = accessToken(engineer, password);
        assertThat(post(
                                "/api/v1/manufacturers",
                                promoted,
                                "{\"name\":\"Promoted Ltd\",\"address\":\"3 Realm Road, Leeds LS1 1AA\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(api.get(admin(), "/api/v1/users/" + engineer)
                        .expect(200)
                        .json()
                        .get("roles"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("ENGINEER", "COMPLIANCE_OFFICER");
    }

    @Test
    void tokensThatAreNotTheRealmsAccessTokensForConformityAreRefusedWithAProblem() {
        String password = password();
        String user = username("officer");
        KEYCLOAK.createUser(user, "Rita", "Refused", null, password, "compliance-officer");
        JsonNode tokens = KEYCLOAK.passwordGrant(user, password);
        String valid = tokens.get("access_token").asText();
        assertThat(get("/api/v1/users/me", valid).statusCode()).isEqualTo(200);

        assertProblem(get("/api/v1/users/me", null), 401);
        assertProblem(get("/api/v1/users/me", "not-a-token.at.all"), 401);
        assertProblem(get("/api/v1/users/me", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"), 401);
        // Another user's name in a genuine token: the signature no longer matches.
        assertProblem(get("/api/v1/users/me", withClaim(valid, "preferred_username", "admin")), 401);
        // The realm's token for another client, without Conformity in its audience.
        String otherAudience = KEYCLOAK.passwordGrant(KeycloakServer.OTHER_AUDIENCE_CLIENT, user, password)
                .get("access_token")
                .asText();
        assertThat(claims(otherAudience).get("aud").toString()).doesNotContain("\"conformity\"");
        assertProblem(get("/api/v1/users/me", otherAudience), 401);
        // An ID token is signed by the realm too, but it is not an access token.
        assertProblem(get("/api/v1/users/me", tokens.get("id_token").asText()), 401);
        // Another realm's (master's) valid token: another issuer.
        assertProblem(get("/api/v1/users/me", KEYCLOAK.masterRealmToken()), 401);
        // Expired: past its five minutes and the minute of leeway, on the application's clock.
        clock.advance(Duration.ofMinutes(7));
        HttpResponse<String> expired = get("/api/v1/users/me", valid);
        assertProblem(expired, 401);
        assertThat(expired.headers().firstValue(HttpHeaders.WWW_AUTHENTICATE))
                .hasValueSatisfying(
                        challenge -> assertThat(challenge).startsWith("Bearer").contains("invalid_token"));
        clock.reset();
        assertThat(get("/api/v1/users/me", valid).statusCode()).isEqualTo(200);
    }

    @Test
    void aRealmUserWhoseNameBreaksTheLocalRulesIsRefused() {
        String password = password();
        String user = "mail+" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        KEYCLOAK.createUser(user, "Mal", "Formed", null, password, "engineer");
        JsonNode problem = assertProblem(get("/api/v1/users/me", accessToken(user, password)), 401);
        assertThat(problem.get("detail").asText()).contains("bearer token was refused");
    }

    @Test
    void browserSignsInWithTheAuthorizationCodeAndPkceAndSignsOutOfBoth() throws Exception {
        String password = password();
        String officer = username("officer");
        String userId = KEYCLOAK.createUser(officer, "Bruno", "Browser", null, password, "compliance-officer");
        Browser browser = new Browser();

        // The application sends the browser to Keycloak with a PKCE S256 challenge.
        HttpResponse<String> start = browser.get(APP + "/oauth2/authorization/keycloak");
        assertThat(start.statusCode()).isEqualTo(302);
        URI authorize = location(start);
        assertThat(authorize.toString()).startsWith(KEYCLOAK.issuer() + "/protocol/openid-connect/auth?");
        Map<String, String> query = query(authorize);
        assertThat(query)
                .containsEntry("response_type", "code")
                .containsEntry("client_id", KeycloakServer.CLIENT)
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", APP + "/login/oauth2/code/keycloak");
        // BASE64URL(SHA-256(verifier)) without padding.
        assertThat(query.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
        assertThat(query.get("scope")).contains("openid");
        Optional<String> sessionBefore = browser.cookie("JSESSIONID");

        // Keycloak's login form; the user signs in there, and Keycloak returns to the application with a code.
        URI callback = signIn(browser, authorize, officer, password);
        assertThat(callback.toString()).startsWith(APP + "/login/oauth2/code/keycloak?");
        assertThat(query(callback)).containsKey("code").containsKey("state");
        HttpResponse<String> signedIn = browser.get(callback.toString());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        assertThat(location(signedIn).toString()).isEqualTo(APP + "/");
        // A new session id once signed in: a session id planted before sign-in is worth nothing after it.
        assertThat(browser.cookie("JSESSIONID")).isPresent().isNotEqualTo(sessionBefore);

        // The session cookie alone now authenticates the browser.
        HttpResponse<String> me = browser.get(APP + "/api/v1/users/me");
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonNode caller = json(me.body());
        assertThat(caller.get("username").asText()).isEqualTo(officer);
        assertThat(caller.get("displayName").asText()).isEqualTo("Bruno Browser");
        assertThat(caller.get("roles")).extracting(JsonNode::asText).containsExactly("COMPLIANCE_OFFICER");
        assertThat(KEYCLOAK.sessions(userId)).hasSize(1);
        // Keycloak's single sign-on: a second sign-in goes straight back to the application.
        HttpResponse<String> again = browser.get(
                location(browser.get(APP + "/oauth2/authorization/keycloak")).toString());
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(location(again).toString()).startsWith(APP + "/login/oauth2/code/keycloak?");

        // Signing out of the application signs out of Keycloak too (OIDC RP-initiated logout).
        // The landing page's sign-out form carries the session's CSRF token; without it the POST is refused.
        HttpResponse<String> landing = browser.get(APP + "/");
        assertThat(landing.statusCode()).as(landing.body()).isEqualTo(200);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(landing.body());
        assertThat(csrf.find()).as(landing.body()).isTrue();
        assertThat(browser.post(APP + "/logout", "").statusCode()).isEqualTo(403);
        HttpResponse<String> logout =
                browser.post(APP + "/logout", "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8));
        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(302);
        URI endSession = location(logout);
        assertThat(endSession.toString()).startsWith(KEYCLOAK.issuer() + "/protocol/openid-connect/logout?");
        assertThat(query(endSession)).containsKey("id_token_hint").containsEntry("post_logout_redirect_uri", APP + "/");
        HttpResponse<String> loggedOut = browser.get(endSession.toString());
        assertThat(loggedOut.statusCode()).as(loggedOut.body()).isEqualTo(302);
        assertThat(location(loggedOut).toString()).startsWith(APP + "/");

        assertProblem(browser.get(APP + "/api/v1/users/me"), 401);
        assertThat(KEYCLOAK.sessions(userId)).isEmpty();
        HttpResponse<String> loginAgain = browser.get(
                location(browser.get(APP + "/oauth2/authorization/keycloak")).toString());
        assertThat(loginAgain.statusCode()).isEqualTo(200);
        assertThat(loginAgain.body()).contains("kc-form-login");
    }

    @Test
    void aBrowserSignInOfAUserConformityCannotNameEndsInAProblemNotALoop() throws Exception {
        String password = password();
        String user = "mail+" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        KEYCLOAK.createUser(user, "Mal", "Formed", null, password, "engineer");
        Browser browser = new Browser();
        URI callback = signIn(browser, location(browser.get(APP + "/oauth2/authorization/keycloak")), user, password);
        JsonNode problem = assertProblem(browser.get(callback.toString()), 401);
        assertThat(problem.get("detail").asText()).contains("preferred_username");
        assertProblem(browser.get(APP + "/api/v1/users/me"), 401);
    }

    @Test
    void aBrowserCannotSkipPkce() throws Exception {
        // The realm's client demands S256: an authorization request without a challenge gets no code.
        Browser browser = new Browser();
        URI authorize = location(browser.get(APP + "/oauth2/authorization/keycloak"));
        String withoutPkce = UriComponentsBuilder.fromUri(authorize)
                .replaceQueryParam("code_challenge")
                .replaceQueryParam("code_challenge_method")
                .build(true)
                .toUriString();
        HttpResponse<String> refused = browser.get(withoutPkce);
        String answer = refused.statusCode() == 302 ? location(refused).toString() : refused.body();
        assertThat(answer).containsAnyOf("error=invalid_request", "Missing parameter: code_challenge_method");
        assertThat(answer).doesNotContain("code=");
    }

    // ---------------------------------------------------------------------------------------------------------

    private static final Pattern FORM_ACTION =
            Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"", Pattern.DOTALL);

    /** Fills Keycloak's login form; returns where Keycloak then sends the browser. */
    private static URI signIn(Browser browser, URI authorize, String username, String password) throws Exception {
        HttpResponse<String> form = browser.get(authorize.toString());
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        Matcher action = FORM_ACTION.matcher(form.body());
        assertThat(action.find()).as(form.body()).isTrue();
        HttpResponse<String> posted = browser.post(
                action.group(1).replace("&amp;", "&"),
                KeycloakServer.form(Map.of("username", username, "password", password, "credentialId", "")));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        return location(posted);
    }

    /** A browser: a cookie jar, redirects followed by the test, forms posted as URL-encoded. */
    private static final class Browser {

        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        // Keycloak marks its cookies Secure even on http://localhost, which browsers treat as a secure origin and
        // Java's cookie manager does not: the jar drops the flag, as a browser on localhost in effect does.
        private final CookieHandler localhost = new CookieHandler() {
            @Override
            public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
                return cookies.get(uri, headers);
            }

            @Override
            public void put(URI uri, Map<String, List<String>> headers) throws IOException {
                Map<String, List<String>> insecure = new HashMap<>();
                headers.forEach((name, values) -> insecure.put(
                        name,
                        name != null && name.equalsIgnoreCase("Set-Cookie")
                                ? values.stream()
                                        .map(value -> value.replaceAll("(?i);\\s*Secure(?=;|$)", ""))
                                        .toList()
                                : values));
                cookies.put(uri, insecure);
            }
        };
        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(localhost)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();

        HttpResponse<String> get(String url) throws IOException, InterruptedException {
            return client.send(
                    HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String url, String form) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
            // Where the application protects forms with a CSRF cookie, send it back as a browser script would.
            cookie("XSRF-TOKEN").ifPresent(token -> request.header("X-XSRF-TOKEN", token));
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        Optional<String> cookie(String name) {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(cookie -> cookie.getName().equals(name))
                    .map(HttpCookie::getValue)
                    .findFirst();
        }
    }

    private HttpResponse<String> get(String path, String bearer) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(APP + path)).GET();
        if (bearer != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
        }
        return send(request.build());
    }

    private HttpResponse<String> post(String path, String bearer, String json) {
        return send(HttpRequest.newBuilder(URI.create(APP + path))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
                .header(HttpHeaders.CONTENT_TYPE, "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status) {
        HttpHeaders headers = new HttpHeaders();
        response.headers().map().forEach(headers::addAll);
        return Problems.assertProblem(
                new Response(response.statusCode(), headers, response.body().getBytes(StandardCharsets.UTF_8)), status);
    }

    private static String accessToken(String username, String password) {
        return KEYCLOAK.passwordGrant(username, password).get("access_token").asText();
    }

    private static JsonNode claims(String jwt) {
        return json(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    /** The token with one claim changed and its signature kept. */
    private static String withClaim(String jwt, String claim, String value) {
        String[] parts = jwt.split("\\.");
        ObjectNode payload = (ObjectNode) claims(jwt);
        payload.put(claim, value);
        return parts[0] + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + body, e);
        }
    }

    private static URI location(HttpResponse<?> response) {
        return response.request()
                .uri()
                .resolve(response.headers()
                        .firstValue("Location")
                        .orElseThrow(() ->
                                new AssertionError("No redirect: " + response.statusCode() + " " + response.body())));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        UriComponentsBuilder.fromUri(uri)
                .build()
                .getQueryParams()
                .forEach((name, values) -> query.put(name, URLDecoder.decode(values.get(0), StandardCharsets.UTF_8)));
        return query;
    }

    private static String username(String role) {
        return role + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String password() {
        return "pw-" + UUID.randomUUID();
    }
}
