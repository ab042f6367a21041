package org.queuejob.infrastructure.execution;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How long a job's run may last before its work is rolled back and the job fails, in seconds: {@code
 * queue-job.job-timeout-seconds} ({@value #DEFAULT_SECONDS} by default), or {@code
 * queue-job.job-timeout-seconds.<job function>} for one job function, the same on every server.
 *
 * <p>The queue checks the timeout itself when a run returns, before the done mark ({@link #requireWithin}), and also
 * gives it to the transaction manager, except on Payara (and GlassFish), whose transaction manager keeps every
 * transaction given a timeout in memory until that timeout has passed, committed or not: it schedules a task per
 * transaction and only cancels it at the end, and the purge of cancelled tasks that its
 * {@code purge-cancelled-transactions-after} property names is never started (Payara issue 5938; read in the
 * bytecode of 6.2025.9). With the default hour, every job run in the last hour stayed on the heap, and adding each
 * task to that ever larger queue was on the profile of every job. What Payara's timeout does is mark the transaction
 * rollback-only, so the work of a job that ran too long is rolled back when it ends: the queue's own check does the
 * same, and a timeout set server-wide ({@code transaction-service timeout-in-seconds}, none by default) still applies.
 * WildFly's transaction manager removes a finished transaction's timeout and rolls a timed-out one back at once,
 * so there the timeout is given to it as well (its own default, 300 s, would otherwise cut longer jobs short).
 *
 * <p>Read once at start; a job's timeout is then a map look-up in memory.
 */
@ApplicationScoped
public class JobTimeouts {

    public static final String DEFAULT = "queue-job.job-timeout-seconds";

    public static final int DEFAULT_SECONDS = 3600;

    private static final String PER_FUNCTION = DEFAULT + ".";

    private int defaultSeconds = DEFAULT_SECONDS;
    private Map<String, Integer> perFunction = Map.of();
    private boolean onTransaction = givenToTransactionManager(System::getProperty);

    @PostConstruct
    void read() {
        read(ConfigProvider.getConfig());
    }

    /** Reads the timeouts; a malformed one fails with a message naming it ({@link JobTimeoutsCheck} at deploy). */
    void read(Config config) {
        Map<String, String> functions = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PER_FUNCTION) && name.length() > PER_FUNCTION.length()) {
                config.getOptionalValue(name, String.class)
                        .ifPresent(value -> functions.put(name.substring(PER_FUNCTION.length()), value));
            }
        }
        configure(config.getOptionalValue(DEFAULT, String.class).orElse(null), functions);
    }

    /** The default ({@code null}: {@value #DEFAULT_SECONDS}) and the values per job function, as configured. */
    void configure(String defaultValue, Map<String, String> functions) {
        defaultSeconds = defaultValue == null ? DEFAULT_SECONDS : seconds(DEFAULT, defaultValue);
        Map<String, Integer> parsed = new HashMap<>();
        functions.forEach((function, value) -> parsed.put(function, seconds(PER_FUNCTION + function, value)));
        perFunction = Map.copyOf(parsed);
    }

    /** The timeout of the transaction that runs a job of this function. */
    public int secondsFor(String jobFunction) {
        Integer seconds = perFunction.get(jobFunction);
        return seconds == null ? defaultSeconds : seconds;
    }

    /** Whether a job's transaction is given its timeout (see the class comment for the servers where it is not). */
    public boolean onTransaction() {
        return onTransaction;
    }

    /**
     * Fails a run of {@code jobFunction} that lasted longer than its timeout: called when the job's method has
     * returned and before its done mark, so that the job's work is rolled back and the job fails with a message that
     * says why, on every server alike.
     */
    public void requireWithin(String jobFunction, Duration ran) {
        if (isPast(jobFunction, ran)) {
            throw new JobTimedOutException(ran, secondsFor(jobFunction), settingFor(jobFunction));
        }
    }

    /** Whether a run of {@code jobFunction} that has lasted {@code ran} is past its timeout (at it is not). */
    public boolean isPast(String jobFunction, Duration ran) {
        return ran.compareTo(Duration.ofSeconds(secondsFor(jobFunction))) > 0;
    }

    /** The setting that gives a job function its timeout, as a message names it. */
    public String settingFor(String jobFunction) {
        return perFunction.containsKey(jobFunction) ? PER_FUNCTION + jobFunction : DEFAULT;
    }

    /** Not on Payara or GlassFish, known by the system property their servers set (see the class comment). */
    static boolean givenToTransactionManager(UnaryOperator<String> systemProperty) {
        return systemProperty.apply("com.sun.aas.installRoot") == null;
    }

    static int seconds(String name, String value) {
        try {
            int seconds = Integer.parseInt(value.strip());
            if (seconds > 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // the message below says what is expected
        }
        throw new IllegalArgumentException(
                name + " must be a whole number of seconds greater than 0, got '" + value + "'");
    }
}
