package io.conformity;

import static io.conformity.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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

import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.TestInstallation;

/**
 * A fresh installation has no password anywhere: it either prints a one-time setup link or takes the
 * operator's secret from a file. Each case starts the real application on an empty data folder.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstStartSystemTests {

    private static final Pattern LINK = Pattern.compile("/setup\\.html\\?token=([A-Za-z0-9_-]{43})");

    @Test
    void withoutASecretTheFirstStartPrintsAOneTimeSetupLink(CapturedOutput output) {
        try (ConfigurableApplicationContext app = start(Map.of())) {
            Matcher link = LINK.matcher(output.getOut());
            assertThat(link.find()).as("setup link printed").isTrue();
            String token = link.group(1);
            ApiClient api = new ApiClient(port(app));

            assertProblem(api.post(null, "/api/v1/setup", Map.of("token", "not-the-token", "username", "first-admin",
                    "displayName", "First Admin", "password", "a-long-enough-password")), 403);
            assertProblem(api.post(null, "/api/v1/setup", Map.of("token", token, "username", "first-admin",
                    "displayName", "First Admin", "password", "short")), 400);
            api.post(null, "/api/v1/setup", Map.of("token", token, "username", "first-admin",
                    "displayName", "First Admin", "password", "a-long-enough-password")).expect(201);
            Credentials admin = new Credentials("first-admin", "a-long-enough-password");
            assertThat(api.get(admin, "/api/v1/users/me").expect(200).json().get("roles").get(0).asText())
                    .isEqualTo("ADMIN");

            // The link works once.
            assertProblem(api.post(null, "/api/v1/setup", Map.of("token", token, "username", "second-admin",
                    "displayName", "Second", "password", "a-long-enough-password")), 409);
            assertThat(api.get(null, "/setup.html").status()).isEqualTo(200);
        }
    }

    @Test
    void anOperatorSuppliedSecretFileCreatesTheAdministrator(CapturedOutput output) throws Exception {
        Path secret = Files.createTempFile(TestInstallation.newDataDirectory("secret-"), "admin", ".secret");
        String password = "file-secret-" + UUID.randomUUID();
        Files.writeString(secret, password + "\n");
        try (ConfigurableApplicationContext app = start(Map.of(
                "conformity.identity.initial-admin.username", "operator",
                "conformity.identity.initial-admin.password-file", secret.toString()))) {
            assertThat(output.getOut()).doesNotContain("setup.html?token=").doesNotContain(password);
            ApiClient api = new ApiClient(port(app));
            api.get(new Credentials("operator", password), "/api/v1/users/me").expect(200);
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> properties) {
        Map<String, Object> all = new java.util.HashMap<>(properties);
        all.put("server.port", "0");
        all.put("conformity.data-dir", TestInstallation.newDataDirectory("first-start-").toString());
        // As command-line arguments: they outrank application.yml, as an operator's settings would.
        return new SpringApplicationBuilder(ConformityApplication.class)
                .run(all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
