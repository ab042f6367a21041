package org.queuejob.infrastructure.persistence;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * PostgreSQL array literals for parameters of JPA native queries, which bind no {@code java.sql.Array}: {@code
 * CAST(?1 AS text[])} with the literal as text.
 */
public final class PostgresArrays {

    private PostgresArrays() {}

    /** {@code {"a","b"}}: every element quoted, so any text (a channel name from data) stays one element. */
    public static String literal(Collection<String> values) {
        return values.stream()
                .map(value -> '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                .collect(Collectors.joining(",", "{", "}"));
    }
}
