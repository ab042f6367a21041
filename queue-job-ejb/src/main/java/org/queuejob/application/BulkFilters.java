package org.queuejob.application;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.queuejob.domain.model.job.JobFilter;
import org.queuejob.domain.model.job.JobState;

/**
 * A bulk action's filter as stored in its record (JSON, so that any server resumes the action on the same jobs) and
 * as people read it on the Bulk actions screen.
 */
final class BulkFilters {

    private BulkFilters() {}

    static String toJson(JobFilter filter) {
        JsonArrayBuilder states = Json.createArrayBuilder();
        filter.states().stream().map(JobState::dbValue).sorted().forEach(states::add);
        JsonObjectBuilder json = Json.createObjectBuilder().add("states", states);
        add(json, "channel", filter.channel());
        add(json, "jobFunction", filter.jobFunction());
        add(
                json,
                "createdFrom",
                filter.createdFrom() == null ? null : filter.createdFrom().toString());
        add(
                json,
                "createdTo",
                filter.createdTo() == null ? null : filter.createdTo().toString());
        add(json, "text", filter.text());
        add(json, "worker", filter.worker());
        return json.build().toString();
    }

    static JobFilter fromJson(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonObject json = reader.readObject();
            Set<JobState> states = new LinkedHashSet<>();
            JsonArray stored = json.getJsonArray("states");
            if (stored != null) {
                stored.getValuesAs(JsonString.class)
                        .forEach(state -> states.add(JobState.fromDbValue(state.getString())));
            }
            return new JobFilter(
                    states,
                    json.getString("channel", null),
                    json.getString("jobFunction", null),
                    instant(json.getString("createdFrom", null)),
                    instant(json.getString("createdTo", null)),
                    json.getString("text", null),
                    json.getString("worker", null));
        }
    }

    /** {@code state failed or pending · channel root.mail · created from 2026-11-01T00:00:00Z}; "all jobs" if none. */
    static String describe(JobFilter filter) {
        List<String> parts = new ArrayList<>();
        if (!filter.states().isEmpty()) {
            parts.add("state "
                    + filter.states().stream()
                            .sorted(Comparator.naturalOrder())
                            .map(JobState::dbValue)
                            .collect(Collectors.joining(" or ")));
        }
        if (filter.channel() != null) {
            parts.add("channel " + filter.channel());
        }
        if (filter.jobFunction() != null) {
            parts.add("function " + filter.jobFunction());
        }
        if (filter.createdFrom() != null) {
            parts.add("created from " + filter.createdFrom());
        }
        if (filter.createdTo() != null) {
            parts.add("created before " + filter.createdTo());
        }
        if (filter.text() != null) {
            parts.add("text \u201c" + filter.text() + "\u201d");
        }
        if (filter.worker() != null) {
            parts.add("server " + filter.worker());
        }
        return parts.isEmpty() ? "all jobs" : String.join(" \u00b7 ", parts);
    }

    private static void add(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }
}
