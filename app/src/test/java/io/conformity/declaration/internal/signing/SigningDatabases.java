package io.conformity.declaration.internal.signing;

import java.util.UUID;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.conformity.support.PostgresTestDatabase;

/** Real databases with the application's migrations applied, for tests of the signing library without Spring. */
final class SigningDatabases {

    private SigningDatabases() {}

    /** A fresh in-memory H2 database. */
    static JdbcTemplate h2() {
        return migrated(new DriverManagerDataSource(
                "jdbc:h2:mem:signing-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "conformity", ""));
    }

    /** A fresh database on the shared test PostgreSQL server. */
    static JdbcTemplate postgres() {
        return migrated(new DriverManagerDataSource(
                PostgresTestDatabase.createFreshDatabase("signing"),
                PostgresTestDatabase.username(),
                PostgresTestDatabase.password()));
    }

    private static JdbcTemplate migrated(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return new JdbcTemplate(dataSource);
    }
}
