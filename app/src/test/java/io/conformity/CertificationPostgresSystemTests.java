package io.conformity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.conformity.support.PostgresTestDatabase;

/**
 * The whole flow again on a real PostgreSQL server (embedded distribution, or {@code CONFORMITY_TEST_PG_URL}):
 * Flyway's schema, Hibernate's validation and Camunda's own tables all meet the production database. The
 * context is closed with the class, while the server still runs: closed by the JVM's shutdown hooks, it would race
 * the server's own hook and wait out the pool's connection timeout.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CertificationPostgresSystemTests extends CertificationSystemTestBase {

    static final Path DATA = tempDir();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.registerDataSource(registry);
        registry.add("conformity.data-dir", DATA::toString);
        registry.add("conformity.identity.initial-admin.password", () -> ADMIN_PASSWORD);
    }

    @Override
    Path declarationOutput() {
        return Path.of("target", "e2e", "declaration-postgresql.pdf");
    }

    @Override
    Path blobDirectory() {
        return DATA.resolve("blobs");
    }

    private static Path tempDir() {
        try {
            Files.createDirectories(Path.of("target"));
            return Files.createTempDirectory(Path.of("target").toAbsolutePath(), "pg-system-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
