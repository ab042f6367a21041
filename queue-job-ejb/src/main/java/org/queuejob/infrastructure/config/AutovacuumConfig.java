package org.queuejob.infrastructure.config;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.queuejob.domain.model.autovacuum.AutovacuumPace;
import org.queuejob.domain.model.autovacuum.LoadYield;

/**
 * The autovacuum's settings, parsed strictly: a typo fails the deployment with a message naming the setting and the
 * value, rather than silently meaning something else (the queue's boolean settings would read {@code ture} as
 * false).
 *
 * @param time when the daily run starts, in the server's time zone
 * @param yielding how far the run gives way while this server's workers are busy (a busy duty above the maximum
 *     one means it does not: the maximum holds whatever the load)
 */
public record AutovacuumConfig(boolean enabled, LocalTime time, AutovacuumPace pace, LoadYield yielding) {

    public static final String ENABLED = "queue-job.autovacuum.enabled";
    public static final String TIME = "queue-job.autovacuum.time";
    public static final String CHUNK_SIZE = "queue-job.autovacuum.chunk-size";
    public static final String MAX_DUTY = "queue-job.autovacuum.max-duty";
    public static final String BUSY_DUTY = "queue-job.autovacuum.busy-duty";

    public static final String DEFAULT_ENABLED = "true";
    public static final String DEFAULT_TIME = "03:00";
    public static final String DEFAULT_CHUNK_SIZE = "1000";
    public static final String DEFAULT_MAX_DUTY = "0.1";
    public static final String DEFAULT_BUSY_DUTY = "0.02";

    static final String NOT_A_BOOLEAN = "%s: \"%s\" is neither true nor false.";
    static final String NOT_A_TIME =
            "%s: \"%s\" is not a time of day; write it as HH:mm in the server's time zone," + " e.g. 03:00.";
    static final String NOT_A_CHUNK_SIZE =
            "%s: \"%s\" is not a number of jobs per transaction; write a whole number from 1 to %d, e.g. 1000.";
    static final String NOT_A_DUTY = "%s: \"%s\" is not a share of the time; write a number greater than 0 and at"
            + " most 1, e.g. 0.1 (work a tenth of the time, pause the rest).";

    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("H:mm", Locale.ROOT);

    /**
     * @throws IllegalArgumentException naming the first bad setting and its value
     */
    public static AutovacuumConfig parse(
            String enabled, String time, String chunkSize, String maxDuty, String busyDuty) {
        return new AutovacuumConfig(
                parseEnabled(enabled),
                parseTime(time),
                new AutovacuumPace(parseChunkSize(chunkSize), parseDuty(MAX_DUTY, maxDuty)),
                new LoadYield(parseDuty(BUSY_DUTY, busyDuty)));
    }

    /** The defaults: daily at 03:00, 1,000 jobs per chunk, a tenth of the time, a fiftieth while busy. */
    public static AutovacuumConfig defaults() {
        return parse(DEFAULT_ENABLED, DEFAULT_TIME, DEFAULT_CHUNK_SIZE, DEFAULT_MAX_DUTY, DEFAULT_BUSY_DUTY);
    }

    private static boolean parseEnabled(String value) {
        String text = value == null ? "" : value.strip();
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException(String.format(NOT_A_BOOLEAN, ENABLED, value));
    }

    private static LocalTime parseTime(String value) {
        try {
            return LocalTime.parse(value == null ? "" : value.strip(), HOURS_MINUTES);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(String.format(NOT_A_TIME, TIME, value), e);
        }
    }

    private static int parseChunkSize(String value) {
        try {
            int size = Integer.parseInt(value == null ? "" : value.strip());
            if (size >= 1 && size <= AutovacuumPace.MAX_CHUNK_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // the same message as out of range
        }
        throw new IllegalArgumentException(
                String.format(NOT_A_CHUNK_SIZE, CHUNK_SIZE, value, AutovacuumPace.MAX_CHUNK_SIZE));
    }

    /**
     * A share of the wall time (greater than 0, at most 1) given as {@code setting}'s value, as every paced run's
     * settings are written.
     *
     * @throws IllegalArgumentException naming {@code setting} and its value
     */
    public static double parseDuty(String setting, String value) {
        try {
            double duty = Double.parseDouble(value == null ? "" : value.strip());
            if (duty > 0 && duty <= 1) {
                return duty;
            }
        } catch (NumberFormatException e) {
            // the same message as out of range
        }
        throw new IllegalArgumentException(String.format(NOT_A_DUTY, setting, value));
    }
}
