package org.queuejob.infrastructure.execution;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.queuejob.infrastructure.interception.JobFunctionRegistry;

/**
 * How long a job's run may last before its work is rolled back and the job fails, in seconds: {@code
 * queue-job.job-timeout-seconds.<job function>} for one job function, else its {@code @Job(timeoutSeconds)}, else
 * {@code queue-job.job-timeout-seconds} ({@value #DEFAULT_SECONDS} by default); the same on every server that has the
 * same code and settings.
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
 * <p>Nothing stops a job at its timeout unless {@code queue-job.job-timeout-interrupt} (or {@code
 * queue-job.job-timeout-interrupt.<job function>}) is {@code true}: then its server interrupts the job's thread within
 * a second of the timeout, while the job's own method runs (never during its done mark or the queue's own work; see
 * {@link RunningJobs.Run#interrupt}). A job waiting in a sleep, a lock, a latch, a blocking queue or an NIO channel
 * then returns at once, with its work rolled back; one busy computing, or blocked where interrupts are not heard (a
 * plain socket read, PostgreSQL's driver), runs on as before. Off by default: an interrupt closes an NIO channel the
 * job was using, and code that catches {@code InterruptedException} and carries on would run in a transaction that
 * is to be rolled back anyway, so it is each application's call.
 *
 * <p>Read once at start; a job's timeout is then a map look-up in memory.
 */
@ApplicationScoped
public class JobTimeouts {

    public static final String DEFAULT = "queue-job.job-timeout-seconds";

    public static final int DEFAULT_SECONDS = 3600;

    private static final String PER_FUNCTION = DEFAULT + ".";

    /** Whether a job still running at its timeout is interrupted; per job function with a suffix, as the timeout. */
    public static final String INTERRUPT = "queue-job.job-timeout-interrupt";

    private int defaultSeconds = DEFAULT_SECONDS;
    /** The timeouts per job function from the settings, and from the code's {@code @Job}: the settings win. */
    private Map<String, Integer> configured = Map.of();

    private Map<String, Integer> inCode = Map.of();
    /** Both together, read on every run. */
    private Map<String, Integer> perFunction = Map.of();

    private FunctionSwitch interrupt = FunctionSwitch.of(INTERRUPT, false, null, Map.of());
    private boolean onTransaction = givenToTransactionManager(System::getProperty);

    @Inject
    JobFunctionRegistry functions;

    @PostConstruct
    void read() {
        read(ConfigProvider.getConfig(), PerFunctionSettings.names(functions));
        inCode(functions.timeoutsInCode());
    }

    /**
     * Reads the timeouts, per function for the job functions {@code functionNames}; a malformed one fails with a
     * message naming it ({@link JobTimeoutsCheck} at deploy, which also refuses names of no job function).
     */
    void read(Config config, Collection<String> functionNames) {
        configure(
                config.getOptionalValue(DEFAULT, String.class).orElse(null),
                PerFunctionSettings.values(config, DEFAULT, functionNames));
        interrupt = FunctionSwitch.read(config, INTERRUPT, false, functionNames);
    }

    /** The default ({@code null}: {@value #DEFAULT_SECONDS}) and the values per job function, as configured. */
    void configure(String defaultValue, Map<String, String> functions) {
        defaultSeconds = defaultValue == null ? DEFAULT_SECONDS : seconds(DEFAULT, defaultValue);
        Map<String, Integer> parsed = new HashMap<>();
        functions.forEach((function, value) -> parsed.put(function, seconds(PER_FUNCTION + function, value)));
        configured = Map.copyOf(parsed);
        merge();
    }

    /** The timeouts the code's {@code @Job(timeoutSeconds)} gives, by job function; a setting of one wins over it. */
    void inCode(Map<String, Integer> timeouts) {
        inCode = Map.copyOf(timeouts);
        merge();
    }

    private void merge() {
        Map<String, Integer> merged = new HashMap<>(inCode);
        merged.putAll(configured);
        perFunction = Map.copyOf(merged);
    }

    /** Whether to interrupt at their timeout ({@code null}: no) and the values per job function, as configured. */
    void configureInterrupts(String defaultValue, Map<String, String> functions) {
        interrupt = FunctionSwitch.of(INTERRUPT, false, defaultValue, functions);
    }

    /** Whether a run of this function still running at its timeout is interrupted. */
    public boolean interrupts(String jobFunction) {
        return interrupt.isOn(jobFunction);
    }

    /** The setting that says whether a job function's runs are interrupted at their timeout, as a message names it. */
    public String interruptSettingFor(String jobFunction) {
        return interrupt.settingFor(jobFunction);
    }

    /**
     * The failure of a run interrupted at its timeout, whose method then ended with {@code thrown} (the interrupt's
     * {@code InterruptedException}, or whatever the job made of it): kept as the cause, so the job's stored stack
     * trace shows where the interrupt found it.
     */
    public JobTimedOutException interrupted(String jobFunction, Duration ran, Throwable thrown) {
        return new JobTimedOutException(
                ran, secondsFor(jobFunction), settingFor(jobFunction), interruptSettingFor(jobFunction), thrown);
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

    /** The setting (or the code) that gives a job function its timeout, as a message names it. */
    public String settingFor(String jobFunction) {
        if (configured.containsKey(jobFunction)) {
            return PER_FUNCTION + jobFunction;
        }
        return inCode.containsKey(jobFunction) ? "@Job(timeoutSeconds) of " + jobFunction : DEFAULT;
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
