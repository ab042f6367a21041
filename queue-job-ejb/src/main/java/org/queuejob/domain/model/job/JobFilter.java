package org.queuejob.domain.model.job;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/**
 * What the back office asks for: jobs in some states (empty = all), optionally of one channel and one job function,
 * created in a time range (either end open), whose description, job function, exception name or exception message
 * contains a text (case-insensitive), and held by one server (its worker name: the Servers card's jobs held).
 */
public record JobFilter(
        Set<JobState> states,
        String channel,
        String jobFunction,
        Instant createdFrom,
        Instant createdTo,
        String text,
        String worker)
        implements Serializable {

    /** The end of the year 9999: the back office's day filter asks for jobs created before the day after its last. */
    static final Instant LATEST_BOUND = Instant.parse("+10000-01-01T00:00:00Z");

    static final String BOUNDS =
            "The creation dates to filter on are from the year 1 to the end of the year 9999 (UTC), not %s.";

    /**
     * @throws IllegalArgumentException for a creation date outside the years 1 to 9999, which PostgreSQL may not
     *     even take as a timestamp: no job was created then, and the query would fail rather than find none
     */
    public JobFilter {
        requireBound(createdFrom);
        requireBound(createdTo);
        states = states == null ? Set.of() : Set.copyOf(states);
        channel = blankToNull(channel);
        jobFunction = blankToNull(jobFunction);
        text = blankToNull(text);
        worker = blankToNull(worker);
    }

    /** Any server's jobs. */
    public JobFilter(
            Set<JobState> states,
            String channel,
            String jobFunction,
            Instant createdFrom,
            Instant createdTo,
            String text) {
        this(states, channel, jobFunction, createdFrom, createdTo, text, null);
    }

    /** States, channel and text only. */
    public JobFilter(Set<JobState> states, String channel, String text) {
        this(states, channel, null, null, null, text, null);
    }

    public static JobFilter all() {
        return new JobFilter(Set.of(), null, null);
    }

    /** The same filter on other states. */
    public JobFilter withStates(Set<JobState> states) {
        return new JobFilter(states, channel, jobFunction, createdFrom, createdTo, text, worker);
    }

    /** The same filter, narrowed to one value of a grouping (the back office's click on a group). */
    public JobFilter narrowedTo(JobGrouping grouping, String value) {
        return switch (grouping) {
            case CHANNEL -> new JobFilter(states, value, jobFunction, createdFrom, createdTo, text, worker);
            case JOB_FUNCTION -> new JobFilter(states, channel, value, createdFrom, createdTo, text, worker);
            case STATE ->
                new JobFilter(
                        Set.of(JobState.fromDbValue(value)),
                        channel,
                        jobFunction,
                        createdFrom,
                        createdTo,
                        text,
                        worker);
            case EXCEPTION -> new JobFilter(states, channel, jobFunction, createdFrom, createdTo, value, worker);
        };
    }

    private static void requireBound(Instant bound) {
        if (bound != null && (bound.isBefore(JobEta.EARLIEST) || bound.isAfter(LATEST_BOUND))) {
            throw new IllegalArgumentException(String.format(BOUNDS, bound));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
