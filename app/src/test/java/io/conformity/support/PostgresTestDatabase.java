package io.conformity.support;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL server for integration tests, shared by every test in the JVM.
 *
 * <p>With {@code CONFORMITY_TEST_PG_URL} set (plus optional {@code CONFORMITY_TEST_PG_USER} and
 * {@code CONFORMITY_TEST_PG_PASSWORD}) that server is used; its user needs the CREATEDB privilege. Otherwise an
 * embedded PostgreSQL is started on first use (see {@link EmbeddedPostgresServer}) and stopped when the JVM exits.
 *
 * <p>Tests should not share the server's default database: {@link #createFreshDatabase(String)} and
 * {@link #registerDataSource(DynamicPropertyRegistry)} hand out a new empty database per call, so migrations and
 * rows of one test class never leak into another.
 */
public final class PostgresTestDatabase {

    public static final String URL_ENV = "CONFORMITY_TEST_PG_URL";
    public static final String USER_ENV = "CONFORMITY_TEST_PG_USER";
    public static final String PASSWORD_ENV = "CONFORMITY_TEST_PG_PASSWORD";

    private static final String DRIVER_CLASS_NAME = "org.postgresql.Driver";
    private static final String JDBC_PREFIX = "jdbc:postgresql:";
    // PostgreSQL truncates identifiers beyond 63 bytes; the suffix must survive that, so the caller's part is capped.
    private static final int MAX_NAME_PART = 40;
    private static final AtomicInteger DATABASE_SEQUENCE = new AtomicInteger();
    // Several test JVMs (other checkouts, CI) may share one external server, so a per-JVM counter alone could clash.
    private static final String JVM_TAG = Long.toString(new SecureRandom().nextLong() >>> 28, 36);

    private static Server server;
    private static RuntimeException startFailure;

    private PostgresTestDatabase() {}

    /** JDBC URL of the server's default database, meant for administration rather than for test data. */
    public static String jdbcUrl() {
        return server().jdbcUrl();
    }

    /** May be {@code null} for an external server whose URL carries the credentials itself. */
    public static String username() {
        return server().username();
    }

    /** May be {@code null} for an external server whose URL carries the credentials itself. */
    public static String password() {
        return server().password();
    }

    /**
     * Creates a new, empty database and returns its JDBC URL. {@code name} only makes the database recognisable in
     * server logs; a unique suffix is always added, so calling this twice with the same name gives two databases.
     */
    public static String createFreshDatabase(String name) {
        Server current = server();
        String database = uniqueDatabaseName(name);
        try (Connection connection = connect(current.jdbcUrl(), current.username(), current.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + quoteIdentifier(database));
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not create test database " + database + " on " + redact(current.jdbcUrl())
                            + (current.external() ? " (does " + USER_ENV + " have the CREATEDB privilege?)" : ""),
                    e);
        }
        current.createdDatabases().add(database);
        return withDatabase(current.jdbcUrl(), database);
    }

    /**
     * Points a Spring Boot test at a fresh database of its own; call it from a {@code @DynamicPropertySource} method.
     * Spring keys its context cache on those methods, so every test class declaring one gets its own context and
     * database, while subclasses inheriting the method share both. The database is only created, and the server only
     * started, when the context is actually built.
     */
    public static void registerDataSource(DynamicPropertyRegistry registry) {
        registerDataSource(registry, "spring_test");
    }

    public static void registerDataSource(DynamicPropertyRegistry registry, String databaseName) {
        // Spring calls a supplier on every property lookup; without memoising, each lookup would create a database.
        Supplier<String> url = memoize(() -> createFreshDatabase(databaseName));
        registry.add("spring.datasource.url", url::get);
        registry.add("spring.datasource.driver-class-name", () -> DRIVER_CLASS_NAME);
        // For an external server without configured credentials, registering nothing keeps the URL's own user and
        // password in charge; decided from the environment so that registering does not start a server.
        if (externalUrl() == null || System.getenv(USER_ENV) != null) {
            registry.add("spring.datasource.username", PostgresTestDatabase::username);
        }
        if (externalUrl() == null || System.getenv(PASSWORD_ENV) != null) {
            registry.add("spring.datasource.password", PostgresTestDatabase::password);
        }
    }

    /**
     * Like {@link #registerDataSource(DynamicPropertyRegistry)}, but the application connects as a role of its own that
     * owns the new database and is no superuser, as in production: privileges revoked from it hold (a superuser
     * bypasses every privilege). On an external server, whose user may not create roles, the configured user is kept.
     */
    public static void registerDataSourceAsOwnerRole(DynamicPropertyRegistry registry, String databaseName) {
        if (externalUrl() != null) {
            registerDataSource(registry, databaseName);
            return;
        }
        String role = uniqueDatabaseName("conformity_app");
        String password = Long.toString(new SecureRandom().nextLong() >>> 1, 36);
        Supplier<String> url = memoize(() -> {
            String created = createFreshDatabase(databaseName);
            try (Connection connection = connect(jdbcUrl(), username(), password());
                    Statement statement = connection.createStatement()) {
                statement.execute(
                        "CREATE ROLE " + quoteIdentifier(role) + " LOGIN NOSUPERUSER PASSWORD '" + password + "'");
                statement.execute("ALTER DATABASE " + quoteIdentifier(created.substring(created.lastIndexOf('/') + 1))
                        + " OWNER TO " + quoteIdentifier(role));
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create the application role " + role, e);
            }
            return created;
        });
        registry.add("spring.datasource.url", url::get);
        registry.add("spring.datasource.driver-class-name", () -> DRIVER_CLASS_NAME);
        registry.add("spring.datasource.username", () -> role);
        registry.add("spring.datasource.password", () -> password);
    }

    /** A connection to the database at {@code url} as the server's administrator (a superuser when embedded). */
    public static Connection connectAsAdministrator(String url) throws SQLException {
        return connect(url, username(), password());
    }

    private static synchronized Server server() {
        if (server != null) {
            return server;
        }
        // A broken server setup fails every test class the same way; retrying would cost a full start each time.
        if (startFailure != null) {
            throw startFailure;
        }
        try {
            String url = externalUrl();
            server = url != null ? externalServer(url) : embeddedServer();
            Runtime.getRuntime().addShutdownHook(new Thread(server.shutdown(), "postgres-test-database-shutdown"));
            return server;
        } catch (RuntimeException e) {
            startFailure = e;
            throw e;
        }
    }

    private static String externalUrl() {
        String url = System.getenv(URL_ENV);
        return url == null || url.isBlank() ? null : url.trim();
    }

    private static Server externalServer(String url) {
        if (!url.startsWith(JDBC_PREFIX)) {
            throw new IllegalStateException(URL_ENV + " must be a " + JDBC_PREFIX + " URL, got: " + redact(url));
        }
        String username = System.getenv(USER_ENV);
        String password = System.getenv(PASSWORD_ENV);
        // Fails here, once, with the configured URL in the message, rather than later inside some Spring context.
        try (Connection ignored = connect(url, username, password)) {
            Set<String> created = ConcurrentHashMap.newKeySet();
            return new Server(
                    url, username, password, true, created, () -> dropDatabases(url, username, password, created));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to " + URL_ENV + "=" + redact(url), e);
        }
    }

    private static Server embeddedServer() {
        EmbeddedPostgresServer embedded = EmbeddedPostgresServer.start();
        return new Server(
                embedded.jdbcUrl(),
                embedded.username(),
                embedded.password(),
                false,
                ConcurrentHashMap.newKeySet(),
                embedded::stop);
    }

    // Only an external server outlives the JVM; the embedded one is thrown away with its data directory.
    private static void dropDatabases(String url, String username, String password, Set<String> databases) {
        if (databases.isEmpty()) {
            return;
        }
        try (Connection connection = connect(url, username, password);
                Statement statement = connection.createStatement()) {
            boolean force = connection.getMetaData().getDatabaseMajorVersion() >= 13;
            for (String database : databases) {
                // Spring contexts close in their own shutdown hooks, concurrently with this one, so their pools may
                // still hold connections; FORCE ends those sessions instead of failing the drop.
                statement.execute(
                        "DROP DATABASE IF EXISTS " + quoteIdentifier(database) + (force ? " WITH (FORCE)" : ""));
            }
        } catch (SQLException e) {
            System.err.println("PostgresTestDatabase: could not drop test databases " + databases + " on " + redact(url)
                    + ": " + e);
        }
    }

    static Connection connect(String url, String username, String password) throws SQLException {
        Properties properties = new Properties();
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(url, properties);
    }

    static String uniqueDatabaseName(String name) {
        String base = name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
        if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
            base = "db_" + base;
        }
        if (base.length() > MAX_NAME_PART) {
            base = base.substring(0, MAX_NAME_PART);
        }
        return base + "_" + JVM_TAG + "_" + DATABASE_SEQUENCE.incrementAndGet();
    }

    /**
     * Swaps the database of a PostgreSQL JDBC URL, keeping hosts and parameters. Both URL forms are accepted:
     * {@code jdbc:postgresql://host[:port][,host2...][/db][?params]} and {@code jdbc:postgresql:db[?params]}.
     */
    static String withDatabase(String jdbcUrl, String database) {
        if (!jdbcUrl.startsWith(JDBC_PREFIX)) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        String rest = jdbcUrl.substring(JDBC_PREFIX.length());
        int queryStart = rest.indexOf('?');
        String query = queryStart < 0 ? "" : rest.substring(queryStart);
        String location = queryStart < 0 ? rest : rest.substring(0, queryStart);
        if (!location.startsWith("//")) {
            return JDBC_PREFIX + database + query;
        }
        int pathStart = location.indexOf('/', 2);
        String authority = pathStart < 0 ? location : location.substring(0, pathStart);
        return JDBC_PREFIX + authority + "/" + database + query;
    }

    // The URL may carry a password parameter, and these messages end up in CI logs.
    static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)([?&]password=)[^&]*", "$1***");
    }

    static String quoteIdentifier(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    private record Server(
            String jdbcUrl,
            String username,
            String password,
            boolean external,
            Set<String> createdDatabases,
            Runnable shutdown) {}
}
