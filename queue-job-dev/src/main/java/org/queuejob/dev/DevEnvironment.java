package org.queuejob.dev;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Everything the queue needs around it on a developer's machine: PostgreSQL (embedded unless {@code
 * QUEUE_JOB_DB_URL} is set), a running Payara domain or WildFly server ({@link AppServer}) with the queue's data source, and back-office users with
 * passwords generated per run (or taken from {@code QUEUE_JOB_MANAGER_PASSWORD} / {@code QUEUE_JOB_VIEWER_PASSWORD}).
 */
public final class DevEnvironment implements AutoCloseable {

    public static final String MANAGER = "manager";
    public static final String VIEWER = "viewer";

    private static final Logger LOG = Logger.getLogger(DevEnvironment.class.getName());

    private final EmbeddedDatabase embedded;
    private final DatabaseSettings database;
    private final AppServer domain;
    private final String managerPassword;
    private final String viewerPassword;

    private DevEnvironment(
            EmbeddedDatabase embedded,
            DatabaseSettings database,
            AppServer domain,
            String managerPassword,
            String viewerPassword) {
        this.embedded = embedded;
        this.database = database;
        this.domain = domain;
        this.managerPassword = managerPassword;
        this.viewerPassword = viewerPassword;
    }

    public static DevEnvironment start() {
        return builder().start();
    }

    /** For an environment set up otherwise than the demo's: server parameters, a database of its own. */
    public static Builder builder() {
        return new Builder();
    }

    /** What differs from {@link DevEnvironment#start()}; unset, everything is as there. */
    public static final class Builder {

        private final Map<String, String> serverConfig = new LinkedHashMap<>();
        private String database;

        private Builder() {}

        /** A server parameter of the embedded PostgreSQL (ignored when {@code QUEUE_JOB_DB_URL} names another). */
        public Builder serverConfig(String name, String value) {
            serverConfig.put(name, value);
            return this;
        }

        /**
         * The queue's data source points at this database, created afresh (dropped first if it exists) on the
         * server, so that several systems can share one server each with a database of its own.
         */
        public Builder database(String name) {
            this.database = name;
            return this;
        }

        public DevEnvironment start() {
            Optional<String> url = env("QUEUE_JOB_DB_URL");
            EmbeddedDatabase embedded = url.isPresent() ? null : EmbeddedDatabase.start(serverConfig);
            DatabaseSettings server = url.map(u -> DatabaseSettings.fromJdbcUrl(
                            u,
                            env("QUEUE_JOB_DB_USER").orElse("postgres"),
                            env("QUEUE_JOB_DB_PASSWORD").orElse("")))
                    // A lambda, not embedded::settings: that method reference would dereference a null embedded
                    // at once when QUEUE_JOB_DB_URL names a server.
                    .orElseGet(() -> embedded.settings());
            AppServer domain = AppServer.fromSystemProperties();
            try {
                DatabaseSettings database = this.database == null ? server : recreate(server, this.database);
                long started = System.nanoTime();
                domain.start();
                domain.prepare();
                domain.createDataSource(database, 64);
                String managerPassword = env("QUEUE_JOB_MANAGER_PASSWORD").orElseGet(DevEnvironment::generatePassword);
                String viewerPassword = env("QUEUE_JOB_VIEWER_PASSWORD").orElseGet(DevEnvironment::generatePassword);
                domain.createUser(MANAGER, managerPassword, "queue-job-manager");
                domain.createUser(VIEWER, viewerPassword, "queue-job-viewer");
                LOG.info(() -> String.format(
                        "%s %s ready with data source %s -> %s in %d ms",
                        domain.product(),
                        domain.name(),
                        AppServer.DATA_SOURCE,
                        database.jdbcUrl(),
                        (System.nanoTime() - started) / 1_000_000));
                return new DevEnvironment(embedded, database, domain, managerPassword, viewerPassword);
            } catch (RuntimeException e) {
                domain.stop();
                if (embedded != null) {
                    embedded.close();
                }
                throw e;
            }
        }

        private static DatabaseSettings recreate(DatabaseSettings server, String name) {
            if (!name.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("Not a plain database name: " + name);
            }
            try (Connection connection =
                            DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                statement.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create the database " + name, e);
            }
            return server.withDatabase(name);
        }
    }

    public AppServer domain() {
        return domain;
    }

    public DatabaseSettings database() {
        return database;
    }

    public String managerPassword() {
        return managerPassword;
    }

    public String viewerPassword() {
        return viewerPassword;
    }

    @Override
    public void close() {
        domain.stop();
        if (embedded != null) {
            embedded.close();
        }
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }

    private static String generatePassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
