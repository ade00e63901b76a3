package io.conformity;

import static io.conformity.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.ApiClient.Response;
import io.conformity.support.Concurrently;
import io.conformity.support.TestInstallation;

/**
 * A fresh installation has no password anywhere: it either prints a one-time setup link or takes the
 * operator's secret from a file. Each case starts the real application on an empty data folder.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstStartSystemTests {

    private static final Pattern LINK = Pattern.compile("/setup\\.html\\?token=([A-Za-z0-9_-]{43})");

    @Test
    void withoutASecretTheFirstStartPrintsAOneTimeSetupLinkThatMakesExactlyOneAdministrator(CapturedOutput output) {
        try (ConfigurableApplicationContext app = start(Map.of())) {
            Matcher link = LINK.matcher(output.getOut());
            assertThat(link.find()).as("setup link printed").isTrue();
            String token = link.group(1);
            ApiClient api = new ApiClient(port(app));

            assertThat(assertProblem(
                                    api.post(
                                            null,
                                            "/api/v1/setup",
                                            Map.of(
                                                    "token",
                                                    "not-the-token",
                                                    "username",
                                                    "first-admin",
                                                    "displayName",
                                                    "First Admin",
                                                    "password",
                                                    "a-long-enough-password")),
                                    403)
                            .get("type")
                            .asText())
                    .isEqualTo("urn:conformity:problem:invalid-setup-token");
            assertProblem(
                    api.post(
                            null,
                            "/api/v1/setup",
                            Map.of(
                                    "token",
                                    token,
                                    "username",
                                    "first-admin",
                                    "displayName",
                                    "First Admin",
                                    "password",
                                    "short")),
                    400);

            // Ten people open the link at the same moment: exactly one becomes the administrator.
            List<Response> responses = Concurrently.run(
                    10,
                    i -> api.post(
                            null,
                            "/api/v1/setup",
                            Map.of(
                                    "token",
                                    token,
                                    "username",
                                    "first-admin-" + i,
                                    "displayName",
                                    "First Admin " + i,
                                    "password",
                                    "a-long-enough-password")));
            assertThat(responses)
                    .as(responses.stream().map(Response::text).toList().toString())
                    .extracting(Response::status)
                    .containsExactlyInAnyOrder(201, 409, 409, 409, 409, 409, 409, 409, 409, 409);
            responses.stream()
                    .filter(r -> r.status() == 409)
                    .forEach(r -> assertThat(assertProblem(r, 409).get("type").asText())
                            .isEqualTo("urn:conformity:problem:already-set-up"));
            String winner = responses.stream()
                    .filter(r -> r.status() == 201)
                    .findFirst()
                    .orElseThrow()
                    .json()
                    .get("username")
                    .asText();
            assertThat(app.getBean(JdbcTemplate.class).queryForList("select username from app_user", String.class))
                    .containsExactly(winner);
            Credentials admin = new Credentials(winner, "a-long-enough-password");
            assertThat(api.get(admin, "/api/v1/users/me")
                            .expect(200)
                            .json()
                            .get("roles")
                            .get(0)
                            .asText())
                    .isEqualTo("ADMIN");

            // The link works once.
            assertProblem(
                    api.post(
                            null,
                            "/api/v1/setup",
                            Map.of(
                                    "token",
                                    token,
                                    "username",
                                    "second-admin",
                                    "displayName",
                                    "Second",
                                    "password",
                                    "a-long-enough-password")),
                    409);
            assertThat(api.get(null, "/setup.html").status()).isEqualTo(200);
        }
    }

    @Test
    void anOperatorSuppliedSecretFileCreatesTheAdministrator(CapturedOutput output) throws Exception {
        Path secret = Files.createTempFile(TestInstallation.newDataDirectory("secret-"), "admin", ".secret");
        String password = "file-secret-" + UUID.randomUUID();
        Files.writeString(secret, password + "\n");
        try (ConfigurableApplicationContext app = start(Map.of(
                "conformity.identity.initial-admin.username",
                "operator",
                "conformity.identity.initial-admin.password-file",
                secret.toString()))) {
            assertThat(output.getOut()).doesNotContain("setup.html?token=").doesNotContain(password);
            ApiClient api = new ApiClient(port(app));
            api.get(new Credentials("operator", password), "/api/v1/users/me").expect(200);
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("server.port", "0");
        all.put(
                "conformity.data-dir",
                TestInstallation.newDataDirectory("first-start-").toString());
        // As command-line arguments: they outrank application.yml, as an operator's settings would.
        return new SpringApplicationBuilder(ConformityApplication.class)
                .run(all.entrySet().stream()
                        .map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
