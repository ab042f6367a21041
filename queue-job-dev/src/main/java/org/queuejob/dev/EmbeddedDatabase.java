package org.queuejob.dev;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.logging.Logger;

/**
 * A real PostgreSQL started from the build (zonky's embedded binaries), for the demo, the tests and the
 * benchmark when no database is configured. Synchronous commit is on, as in production: the queue's numbers must
 * hold with durable commits. zonky leaves {@code fsync} off, which the demo and the tests do not mind; the benchmark
 * turns it on through {@link #start(Map)}.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedDatabase start() {
        return start(Map.of());
    }

    /**
     * With server parameters on top of the defaults above, for whoever needs a server configured otherwise: the
     * benchmark turns {@code fsync} on (zonky leaves it off, which the demo and the tests do not need) and loads
     * {@code pg_stat_statements}.
     */
    public static EmbeddedDatabase start(Map<String, String> serverConfig) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "300");
            serverConfig.forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = builder.start();
            LOG.info(() -> "Embedded PostgreSQL started on port " + postgres.getPort());
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    public DatabaseSettings settings() {
        return new DatabaseSettings("localhost", postgres.getPort(), "postgres", "postgres", "postgres");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
