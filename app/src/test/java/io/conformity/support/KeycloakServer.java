package io.conformity.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One real Keycloak per test JVM: the distribution Maven unpacked under {@code target/keycloak}, in dev mode with
 * an in-memory database, on free ports, with the repository's realm imported and an admin made from generated
 * values. It starts in the background at the first call, while the Spring context starts; {@link #awaitReady}
 * waits for the realm. A shutdown hook stops it and its child processes by PID.
 *
 * <p>The realm is the shipped {@code docs/keycloak/conformity-realm.json} plus only what a test installation
 * needs: the client's secret (generated here, as Keycloak would), the redirect URIs for the application's port,
 * and a test-only client {@value #TEST_CLIENT} that may use the password grant (the shipped client may not), with
 * the shipped client's protocol mappers so its tokens carry the same claims.
 */
public final class KeycloakServer {

    public static final String REALM = "conformity";
    public static final String CLIENT = "conformity";
    public static final String TEST_CLIENT = "conformity-test-password-grant";
    public static final String OTHER_AUDIENCE_CLIENT = "conformity-test-other-audience";

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    // About 45 s cold on two idle cores; several minutes when other builds share them.
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(5);
    private static final Path SHIPPED_REALM = Path.of("..", "docs", "keycloak", "conformity-realm.json");

    private static KeycloakServer instance;

    private final int port = freePort();
    private final int managementPort = freePort();
    /** The application's port, fixed before it starts so that the realm can trust its redirect URIs. */
    private final int applicationPort = freePort();

    private final String adminUsername = "admin-" + random(6);
    private final String adminPassword = random(24);
    private final String clientSecret = random(32);
    private final String testClientSecret = random(32);
    private final Path log;
    private final Process process;
    private final long startNanos = System.nanoTime();
    private final CompletableFuture<Duration> ready;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private KeycloakServer() throws IOException {
        Path home = home();
        Path importDirectory = home.resolve("data").resolve("import");
        deleteRecursively(importDirectory);
        Files.createDirectories(importDirectory);
        Files.writeString(importDirectory.resolve(REALM + "-realm.json"), testRealm());
        log = home.getParent().resolve("keycloak-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        home.resolve("bin").resolve("kc.sh").toString(),
                        "start-dev",
                        "--db=dev-mem",
                        "--http-port=" + port,
                        "--http-management-port=" + managementPort,
                        "--import-realm")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        Map<String, String> environment = builder.environment();
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", adminUsername);
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        // Otherwise 70 % of the machine's memory, next to the test JVM.
        environment.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
        // A test JVM killed before its shutdown hook ran (a CI timeout, kill -9) leaves its Keycloak behind.
        Path pidFile = home.getParent().resolve("keycloak.pid");
        stopLeftOver(pidFile, home);
        process = builder.start();
        Files.writeString(pidFile, Long.toString(process.pid()));
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "keycloak-stop"));
        LOG.info("Starting Keycloak on http://localhost:{} (pid {}, log {})", port, process.pid(), log);
        ready = CompletableFuture.supplyAsync(this::waitForRealm);
    }

    /** The JVM's Keycloak, starting it at the first call; it may still be starting. */
    public static synchronized KeycloakServer instance() {
        if (instance == null) {
            try {
                instance = new KeycloakServer();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start Keycloak", e);
            }
        }
        return instance;
    }

    /** Blocks until the realm answers; returns how long Keycloak took to start. */
    public Duration awaitReady() {
        try {
            return ready.get(STARTUP_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Keycloak did not start; last lines of " + log + ":\n" + tail(), e);
        }
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public String issuer() {
        return url() + "/realms/" + REALM;
    }

    public int applicationPort() {
        return applicationPort;
    }

    public String clientSecret() {
        return clientSecret;
    }

    public String testClientSecret() {
        return testClientSecret;
    }

    public String adminUsername() {
        return adminUsername;
    }

    public String adminPassword() {
        return adminPassword;
    }

    /**
     * A realm user made through Keycloak's admin API, with a password, an e-mail and a name (the realm's user
     * profile requires them, or Keycloak would ask for them at sign-in), the given realm roles and, when not null,
     * the {@code function} attribute. Returns Keycloak's id of the user.
     */
    public String createUser(
            String username, String firstName, String lastName, String function, String password, String... roles) {
        awaitReady();
        ObjectNode user = JSON.createObjectNode();
        user.put("username", username);
        user.put("enabled", true);
        user.put("email", username.contains("@") ? username : username + "@example.com");
        user.put("emailVerified", true);
        user.put("firstName", firstName);
        user.put("lastName", lastName);
        if (function != null) {
            user.putObject("attributes").putArray("function").add(function);
        }
        ObjectNode credential = user.putArray("credentials").addObject();
        credential.put("type", "password");
        credential.put("value", password);
        credential.put("temporary", false);
        HttpResponse<String> created = admin("POST", "/users", user.toString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException(
                    "Creating " + username + ": " + created.statusCode() + " " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        ArrayNode mappings = JSON.createArrayNode();
        for (String role : roles) {
            mappings.add(read(admin("GET", "/roles/" + role, null)));
        }
        if (!mappings.isEmpty()) {
            expect(admin("POST", "/users/" + id + "/role-mappings/realm", mappings.toString()), 204);
        }
        return id;
    }

    /** Grants a realm role to an existing user. */
    public void grantRole(String userId, String role) {
        ArrayNode mappings = JSON.createArrayNode().add(read(admin("GET", "/roles/" + role, null)));
        expect(admin("POST", "/users/" + userId + "/role-mappings/realm", mappings.toString()), 204);
    }

    /** The user's open SSO sessions in the realm. */
    public ArrayNode sessions(String userId) {
        return (ArrayNode) read(admin("GET", "/users/" + userId + "/sessions", null));
    }

    /** Tokens for a user by the password grant of the test-only client: access, ID and refresh token. */
    public ObjectNode passwordGrant(String username, String password) {
        return passwordGrant(TEST_CLIENT, username, password);
    }

    /** The bootstrap admin's access token from the master realm: valid, but another issuer's. */
    public String masterRealmToken() {
        awaitReady();
        return adminToken();
    }

    /** Tokens by the password grant of one of the test-only clients. */
    public ObjectNode passwordGrant(String clientId, String username, String password) {
        awaitReady();
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                                "grant_type", "password",
                                "client_id", clientId,
                                "client_secret", testClientSecret,
                                "scope", "openid profile",
                                "username", username,
                                "password", password))))
                        .build());
        return (ObjectNode) read(expect(response, 200));
    }

    private HttpResponse<String> admin(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + "/admin/realms/" + REALM + path))
                .header("Authorization", "Bearer " + adminToken());
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return send(request.build());
    }

    private String adminToken() {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create(url() + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "admin-cli",
                                "username",
                                adminUsername,
                                "password",
                                adminPassword))))
                        .build());
        return read(expect(response, 200)).get("access_token").asText();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(
                    response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static JsonNode read(HttpResponse<String> response) {
        try {
            return JSON.readTree(expect(response, 200).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String form(Map<String, String> fields) {
        StringBuilder form = new StringBuilder();
        fields.forEach((name, value) -> form.append(form.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return form.toString();
    }

    private Duration waitForRealm() {
        URI wellKnown = URI.create(issuer() + "/.well-known/openid-configuration");
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue());
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(wellKnown)
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
                    LOG.info("Keycloak answered after {} s", took.toSeconds());
                    return took;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Keycloak did not answer within " + STARTUP_TIMEOUT);
    }

    private void stop() {
        ProcessHandle handle = process.toHandle();
        List<ProcessHandle> all = new ArrayList<>(handle.descendants().toList());
        all.add(handle);
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle each : all) {
            try {
                each.onExit().get(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                each.destroyForcibly();
            }
        }
    }

    private static void stopLeftOver(Path pidFile, Path home) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
                    .filter(left -> left.info()
                            .commandLine()
                            .map(command -> command.contains(home.toString()))
                            .orElse(false))
                    .ifPresent(left -> {
                        LOG.warn("Stopping Keycloak {} left by an earlier test run", left.pid());
                        left.descendants().forEach(ProcessHandle::destroyForcibly);
                        left.destroyForcibly();
                        left.onExit().join();
                    });
        } catch (NumberFormatException e) {
            // Not ours.
        }
        Files.delete(pidFile);
    }

    private String testRealm() throws IOException {
        ObjectNode realm = (ObjectNode) JSON.readTree(SHIPPED_REALM.toFile());
        ArrayNode clients = (ArrayNode) realm.get("clients");
        ObjectNode client = (ObjectNode) clients.get(0);
        if (client.has("secret")) {
            throw new IllegalStateException("The shipped realm must not contain a client secret");
        }
        String app = "http://localhost:" + applicationPort;
        client.put("secret", clientSecret);
        client.put("rootUrl", app);
        client.putArray("redirectUris").add(app + "/login/oauth2/code/keycloak");
        ((ObjectNode) client.get("attributes")).put("post.logout.redirect.uris", app + "/*");

        ObjectNode testClient = JSON.createObjectNode();
        testClient.put("clientId", TEST_CLIENT);
        testClient.put("enabled", true);
        testClient.put("protocol", "openid-connect");
        testClient.put("publicClient", false);
        testClient.put("secret", testClientSecret);
        testClient.put("standardFlowEnabled", false);
        testClient.put("directAccessGrantsEnabled", true);
        testClient.put("fullScopeAllowed", true);
        testClient.set("defaultClientScopes", client.get("defaultClientScopes").deepCopy());
        testClient.set("protocolMappers", client.get("protocolMappers").deepCopy());
        clients.add(testClient);
        // The same without the audience mapper: its tokens are the realm's but not meant for Conformity.
        ObjectNode otherAudience = testClient.deepCopy();
        otherAudience.put("clientId", OTHER_AUDIENCE_CLIENT);
        ArrayNode mappers = otherAudience.putArray("protocolMappers");
        client.get("protocolMappers").forEach(mapper -> {
            if (!"oidc-audience-mapper".equals(mapper.get("protocolMapper").asText())) {
                mappers.add(mapper.deepCopy());
            }
        });
        clients.add(otherAudience);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(realm);
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private static Path home() throws IOException {
        Path unpacked = Path.of("target", "keycloak").toAbsolutePath();
        try (Stream<Path> entries = Files.list(unpacked)) {
            return entries.filter(
                            path -> path.getFileName().toString().startsWith("keycloak-") && Files.isDirectory(path))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No Keycloak under " + unpacked
                            + ": the build unpacks it (maven-dependency-plugin, process-test-resources)"));
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(path);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String random(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
