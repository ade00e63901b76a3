package io.conformity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

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
        // As in production, the application's role is no superuser: what is revoked from it holds.
        PostgresTestDatabase.registerDataSourceAsOwnerRole(registry, "spring_test");
        registry.add("conformity.data-dir", DATA::toString);
        registry.add("conformity.identity.initial-admin.password", () -> TestInstallation.ADMIN_PASSWORD);
    }

    @Autowired
    DataSource dataSource;

    @Value("${spring.datasource.url}")
    String url;

    @Test
    void theApplicationsRoleCannotChangeDeleteOrTruncateAuditEntries() {
        fixtures.release(officer, "Append Only Ltd", "AO-1");
        JdbcTemplate application = new JdbcTemplate(dataSource);
        long last = application.queryForObject("select max(sequence) from audit_entry", Long.class);
        // The embedded server's test connects as a role of its own; an external server's user may be a superuser, whom
        // no privilege binds: then the trigger is what refuses.
        boolean superuser =
                application.queryForObject("select rolsuper from pg_roles where rolname = current_user", Boolean.class);
        String refusal = superuser ? "append-only" : "permission denied for table audit_entry";

        for (String statement : List.of(
                "update audit_entry set actor = 'someone-else' where sequence = " + last,
                "delete from audit_entry where sequence = " + last,
                "truncate audit_entry")) {
            assertThatThrownBy(() -> application.execute(statement))
                    .as(statement)
                    .isInstanceOf(DataAccessException.class)
                    .rootCause()
                    .hasMessageContaining(refusal);
        }
        assertThat(application.queryForObject("select max(sequence) from audit_entry", Long.class))
                .isEqualTo(last);
    }

    @Test
    void evenASuperuserMeetsTheTriggerAndARowChangedAroundItIsNamedByVerification() throws SQLException {
        fixtures.release(officer, "Superuser Ltd", "SU-1");
        long tampered;
        String actor;
        try (Connection superuser = PostgresTestDatabase.connectAsAdministrator(url);
                Statement statement = superuser.createStatement()) {
            try (ResultSet last =
                    statement.executeQuery("select sequence, actor from audit_entry order by sequence desc limit 1")) {
                last.next();
                tampered = last.getLong(1);
                actor = last.getString(2);
            }
            String change = "update audit_entry set actor = 'someone-else' where sequence = " + tampered;
            assertThatThrownBy(() -> statement.executeUpdate(change))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
            // A superuser can switch triggers off for the session: then only verification stands in the way.
            statement.execute("set session_replication_role = replica");
            assertThat(statement.executeUpdate(change)).isEqualTo(1);
            try {
                JsonNode report =
                        api.get(admin, "/api/v1/audit/verify").expect(200).json();
                assertThat(report.get("valid").asBoolean()).isFalse();
                assertThat(report.get("firstBroken").get("sequence").asLong()).isEqualTo(tampered);
            } finally {
                statement.executeUpdate("update audit_entry set actor = '" + actor + "' where sequence = " + tampered);
            }
        }
        assertThat(api.get(admin, "/api/v1/audit/verify")
                        .expect(200)
                        .json()
                        .get("valid")
                        .asBoolean())
                .isTrue();
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
