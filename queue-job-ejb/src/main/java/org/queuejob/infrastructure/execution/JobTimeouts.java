package org.queuejob.infrastructure.execution;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How long a job's transaction may last before the server rolls it back, in seconds: {@code
 * queue-job.job-timeout-seconds} ({@value #DEFAULT_SECONDS} by default), or {@code
 * queue-job.job-timeout-seconds.<job function>} for one job function. Set explicitly on every job's transaction, so
 * that it is the same on every server (WildFly's own default is 300 s, Payara's none).
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
