package org.queuejob.dev;

import java.net.URI;
import java.util.Objects;

/** Where the queue's PostgreSQL is: given by {@code QUEUE_JOB_DB_URL/USER/PASSWORD}, or the embedded one. */
public record DatabaseSettings(String host, int port, String database, String user, String password) {

    public DatabaseSettings {
        Objects.requireNonNull(host, "A database host is required.");
        Objects.requireNonNull(database, "A database name is required.");
        Objects.requireNonNull(user, "A database user is required.");
        password = password == null ? "" : password;
    }

    /** From {@code jdbc:postgresql://host:port/database}. */
    public static DatabaseSettings fromJdbcUrl(String url, String user, String password) {
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException(
                    "QUEUE_JOB_DB_URL must look like jdbc:postgresql://host:5432/database, got: " + url);
        }
        URI uri = URI.create(url.substring("jdbc:".length()));
        String database = uri.getPath() == null || uri.getPath().length() <= 1
                ? "postgres"
                : uri.getPath().substring(1);
        return new DatabaseSettings(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), database, user, password);
    }

    /** Another database on the same server, with the same credentials. */
    public DatabaseSettings withDatabase(String name) {
        return new DatabaseSettings(host, port, name, user, password);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }
}
