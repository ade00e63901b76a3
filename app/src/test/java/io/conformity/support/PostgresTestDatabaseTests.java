package io.conformity.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

class PostgresTestDatabaseTests {

    @Test
    void serverIsARealPostgresql() throws SQLException {
        try (Connection connection = connect(PostgresTestDatabase.jdbcUrl());
                Statement statement = connection.createStatement();
                ResultSet version = statement.executeQuery("select version()")) {
            assertThat(version.next()).isTrue();
            assertThat(version.getString(1)).startsWith("PostgreSQL");
        }
    }

    @Test
    void tableWrittenInADatabaseCanBeReadBack() throws SQLException {
        String url = PostgresTestDatabase.createFreshDatabase("read_back");
        try (Connection connection = connect(url);
                Statement statement = connection.createStatement()) {
            statement.execute("create table evidence (id bigint primary key, title text not null)");
            statement.execute("insert into evidence (id, title) values (1, 'Penetration test report')");
            try (ResultSet rows = statement.executeQuery("select id, title from evidence")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong("id")).isEqualTo(1L);
                assertThat(rows.getString("title")).isEqualTo("Penetration test report");
                assertThat(rows.next()).isFalse();
            }
        }
    }

    @Test
    void freshDatabaseIsEmptyEvenAfterAnotherOneWasFilled() throws SQLException {
        String filled = PostgresTestDatabase.createFreshDatabase("isolation");
        try (Connection connection = connect(filled);
                Statement statement = connection.createStatement()) {
            statement.execute("create table leftover (id int)");
        }

        String fresh = PostgresTestDatabase.createFreshDatabase("isolation");

        assertThat(fresh).isNotEqualTo(filled);
        try (Connection connection = connect(fresh);
                Statement statement = connection.createStatement();
                ResultSet tables = statement.executeQuery("""
                     select count(*) from information_schema.tables
                     where table_schema not in ('pg_catalog', 'information_schema')""")) {
            assertThat(tables.next()).isTrue();
            assertThat(tables.getInt(1)).isZero();
        }
    }

    @Test
    void databaseNamesAreSafeIdentifiersAndUnique() {
        String first = PostgresTestDatabase.uniqueDatabaseName("My Test-Class: 'x'");
        String second = PostgresTestDatabase.uniqueDatabaseName("My Test-Class: 'x'");

        assertThat(first).matches("[a-z][a-z0-9_]*").isNotEqualTo(second);
        assertThat(PostgresTestDatabase.uniqueDatabaseName("1st")).startsWith("db_1st_");
        assertThat(PostgresTestDatabase.uniqueDatabaseName("x".repeat(200))).hasSizeLessThanOrEqualTo(63);
    }

    @Test
    void databaseIsSwappedInBothJdbcUrlForms() {
        assertThat(PostgresTestDatabase.withDatabase("jdbc:postgresql://db:5432/postgres?sslmode=disable", "t1"))
                .isEqualTo("jdbc:postgresql://db:5432/t1?sslmode=disable");
        assertThat(PostgresTestDatabase.withDatabase("jdbc:postgresql://a:1,b:2/app", "t1"))
                .isEqualTo("jdbc:postgresql://a:1,b:2/t1");
        assertThat(PostgresTestDatabase.withDatabase("jdbc:postgresql://localhost?user=u", "t1"))
                .isEqualTo("jdbc:postgresql://localhost/t1?user=u");
        assertThat(PostgresTestDatabase.withDatabase("jdbc:postgresql:app", "t1"))
                .isEqualTo("jdbc:postgresql:t1");
    }

    @Test
    void passwordsInUrlsAreNotRepeatedInMessages() {
        assertThat(PostgresTestDatabase.redact("jdbc:postgresql://db/app?user=ci&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/app?user=ci&password=***&ssl=true");
    }

    private static Connection connect(String url) throws SQLException {
        return PostgresTestDatabase.connect(url, PostgresTestDatabase.username(), PostgresTestDatabase.password());
    }
}
