package io.conformity;

import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.conformity.support.PostgresTestDatabase;
import io.conformity.support.TestInstallation;

/**
 * The whole flow again on a real PostgreSQL server (embedded distribution, or {@code CONFORMITY_TEST_PG_URL}):
 * Flyway's schema, Hibernate's validation and Camunda's own tables all meet the production database. The
 * context is closed with the class, while the server still runs: closed by the JVM's shutdown hooks, it would race
 * the server's own hook and wait out the pool's connection timeout.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "conformity.evidence.max-upload-size=" + TestInstallation.UPLOAD_LIMIT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CertificationPostgresSystemTests extends CertificationSystemTestBase {

    static final Path DATA = TestInstallation.newDataDirectory("pg-installation-");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.registerDataSource(registry);
        registry.add("conformity.data-dir", DATA::toString);
        registry.add("conformity.identity.initial-admin.password", () -> TestInstallation.ADMIN_PASSWORD);
    }

    @Override
    Path declarationOutput() {
        return Path.of("target", "e2e", "declaration-postgresql.pdf");
    }

    @Override
    Path blobDirectory() {
        return DATA.resolve("blobs");
    }
}
