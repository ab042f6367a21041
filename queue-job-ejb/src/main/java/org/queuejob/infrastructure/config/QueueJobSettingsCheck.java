package org.queuejob.infrastructure.config;

import static org.queuejob.infrastructure.config.QueueJobSettings.*;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.queuejob.domain.model.autovacuum.AutovacuumPace;

/**
 * Refuses a deployment whose queue settings are malformed or out of range, as deployment problems (see {@link
 * ChannelConfigCheck} for why not an exception at start-up), one sentence per bad setting naming it, its value and
 * what it may be. Without it, MicroProfile Config's Boolean converter reads anything but true, 1, yes, y or on as
 * false ({@code dispatch-enabled=ture}: a server that silently runs no jobs), and numbers that parse are taken as they
 * are ({@code claim-batch-size=0}: nothing is ever dispatched; a heartbeat as long as dead-after: live servers taken
 * for dead and their running jobs rescued mid-run).
 *
 * <p>The channels, the autovacuum's, the job timeouts' and the recurring jobs' settings have checks of their own.
 */
public class QueueJobSettingsCheck implements Extension {

    /** The settings of other layers, named here because this package may not depend on theirs. */
    static final String BULK_CHUNK_SIZE = "queue-job.bulk.chunk-size";

    static final String BULK_MAX_DUTY = "queue-job.bulk.max-duty";
    static final String BULK_BUSY_DUTY = "queue-job.bulk.busy-duty";
    static final String STUCK_AFTER_SECONDS = "queue-job.health.stuck-after-seconds";
    static final String MAIL_MAX_PER_WINDOW = "queue-job.mail.max-per-window";
    static final String MAIL_WINDOW_SECONDS = "queue-job.mail.window-seconds";

    /** The most jobs a server may hold beyond those running: far above any use, and no int overflows adding it. */
    public static final int MAX_PREFETCH = 100_000;

    /** The JSON of a job without arguments, {@code []}, takes 2 bytes: a smaller limit refuses every job. */
    static final int MIN_ARGUMENTS_BYTES = 2;

    static final String NOT_A_BOOLEAN = "%s: \"%s\" is neither true nor false.";
    static final String NOT_IN_RANGE = "%s: \"%s\" is not a whole number of %s%s.";
    static final String BEATS_TOO_RARE = "%s (%d s) must be longer than %s (%d s) plus %s (%d ms): a server beats at"
            + " its first poll after each heartbeat interval, so it would be taken for dead while alive and its"
            + " running jobs sent back to pending.";

    void check(@Observes AfterDeploymentValidation event) {
        Config config = ConfigProvider.getConfig();
        problems(name -> config.getOptionalValue(name, String.class))
                .forEach(problem -> event.addDeploymentProblem(new DeploymentException(problem)));
    }

    /**
     * What is wrong with the settings {@code setting} gives (empty where not set), one sentence per problem; none
     * for the defaults.
     */
    static List<String> problems(Function<String, Optional<String>> setting) {
        Settings settings = new Settings(setting);
        OptionalLong poll = settings.whole(POLL_INTERVAL_MS, DEFAULT_POLL_INTERVAL_MS, 1, Long.MAX_VALUE, "ms");
        settings.whole(CLAIM_BATCH_SIZE, DEFAULT_CLAIM_BATCH_SIZE, 1, Integer.MAX_VALUE, "jobs");
        settings.whole(WORKERS, null, 1, MAX_WORKERS, "workers");
        settings.whole(PREFETCH, null, 0, MAX_PREFETCH, "jobs");
        OptionalLong heartbeat =
                settings.whole(HEARTBEAT_SECONDS, DEFAULT_HEARTBEAT_SECONDS, 1, Integer.MAX_VALUE, "seconds");
        OptionalLong deadAfter =
                settings.whole(DEAD_AFTER_SECONDS, DEFAULT_DEAD_AFTER_SECONDS, 1, Integer.MAX_VALUE, "seconds");
        settings.whole(SLOT_LEASE_MS, DEFAULT_SLOT_LEASE_MS, Long.MIN_VALUE, Long.MAX_VALUE, "ms");
        settings.whole(
                MAX_ARGUMENTS_BYTES, DEFAULT_MAX_ARGUMENTS_BYTES, MIN_ARGUMENTS_BYTES, Integer.MAX_VALUE, "bytes");
        settings.whole(SHUTDOWN_TIMEOUT_SECONDS, DEFAULT_SHUTDOWN_TIMEOUT_SECONDS, 0, Long.MAX_VALUE, "seconds");
        settings.bool(DISPATCH_ENABLED, DEFAULT_DISPATCH_ENABLED);
        settings.whole(BULK_CHUNK_SIZE, null, 1, AutovacuumPace.MAX_CHUNK_SIZE, "jobs");
        settings.duty(BULK_MAX_DUTY);
        settings.duty(BULK_BUSY_DUTY);
        settings.whole(STUCK_AFTER_SECONDS, null, 1, Long.MAX_VALUE, "seconds");
        settings.whole(MAIL_MAX_PER_WINDOW, null, 0, Integer.MAX_VALUE, "mails");
        settings.whole(MAIL_WINDOW_SECONDS, null, 1, Integer.MAX_VALUE, "seconds");
        if (poll.isPresent() && heartbeat.isPresent() && deadAfter.isPresent()) {
            // Beats happen at polls (HousekeepingPoll), so two beats can be a heartbeat and a poll interval apart.
            if (heartbeat.getAsLong() * 1000 + poll.getAsLong() >= deadAfter.getAsLong() * 1000) {
                settings.problems.add(String.format(
                        BEATS_TOO_RARE,
                        DEAD_AFTER_SECONDS,
                        deadAfter.getAsLong(),
                        HEARTBEAT_SECONDS,
                        heartbeat.getAsLong(),
                        POLL_INTERVAL_MS,
                        poll.getAsLong()));
            }
        }
        return List.copyOf(settings.problems);
    }

    /**
     * {@code value} of {@code setting} as a boolean: {@code true} or {@code false} in any case, with spaces around.
     *
     * @throws IllegalArgumentException naming the setting and the value, for anything else
     */
    public static boolean bool(String setting, String value) {
        String text = value == null ? "" : value.strip();
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException(String.format(NOT_A_BOOLEAN, setting, value));
    }

    /** The settings' values and the problems found in them so far. */
    private record Settings(Function<String, Optional<String>> setting, List<String> problems) {

        Settings(Function<String, Optional<String>> setting) {
            this(setting, new ArrayList<>());
        }

        /** The setting's value as written, else {@code defaultValue} (null: none, nothing to check). */
        private Optional<String> value(String name, String defaultValue) {
            return setting.apply(name).or(() -> Optional.ofNullable(defaultValue));
        }

        /** The whole number the setting gives, when it gives one from {@code min} to {@code max}; else a problem. */
        OptionalLong whole(String name, String defaultValue, long min, long max, String unit) {
            Optional<String> value = value(name, defaultValue);
            if (value.isEmpty()) {
                return OptionalLong.empty();
            }
            try {
                long number = Long.parseLong(value.get().strip());
                if (number >= min && number <= max) {
                    return OptionalLong.of(number);
                }
            } catch (NumberFormatException e) {
                // the message below says what is expected
            }
            problems.add(String.format(NOT_IN_RANGE, name, value.get(), unit, range(min, max)));
            return OptionalLong.empty();
        }

        void bool(String name, String defaultValue) {
            try {
                QueueJobSettingsCheck.bool(name, value(name, defaultValue).orElseThrow());
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }

        void duty(String name) {
            value(name, null).ifPresent(value -> {
                try {
                    AutovacuumConfig.parseDuty(name, value);
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            });
        }

        private static String range(long min, long max) {
            if (min == Long.MIN_VALUE) {
                return "";
            }
            if (max == Long.MAX_VALUE || max == Integer.MAX_VALUE) {
                return ", " + min + " or more";
            }
            return " from " + min + " to " + max;
        }
    }
}
