package org.queuejob.bench.phase;

import java.time.Duration;
import java.util.Arrays;

/**
 * The phases, written once for every system: the queue runs them inside its server, the peers in their own JVMs, each
 * through its {@link JobSystem}. A phase has a {@link #prepare} (not measured) and a {@link #run} (measured by the
 * caller from outside, CPU and statements, while it times itself from inside).
 */
public final class PhaseRunner {

    /** Jobs per transaction when the burn-down's jobs are stored, before anything runs. */
    public static final int BURN_DOWN_BATCH = 1000;

    /** Jobs per transaction of the continuous phase's producer. */
    public static final int CONTINUOUS_BATCH = 100;

    /**
     * How long a hold waits after stopping the workers: the queue's pause takes effect within its dispatcher's poll
     * (1 s), and jobs handed out before must have finished so that none runs uncounted.
     */
    static final Duration HOLD = Duration.ofSeconds(3);

    static final Duration TIMEOUT = Duration.ofMinutes(15);
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    private final JobSystem system;
    private final RunLog log;

    public PhaseRunner(JobSystem system, RunLog log) {
        this.system = system;
        this.log = log;
    }

    public void prepare(Phase phase, int n) throws Exception {
        switch (phase) {
            case BURN_DOWN -> {
                hold();
                for (int stored = 0; stored < n; stored += BURN_DOWN_BATCH) {
                    system.store(stored, Math.min(BURN_DOWN_BATCH, n - stored));
                }
                requireNoneRan();
            }
            case CONTINUOUS, LATENCY -> {
                system.startWorkers();
                system.awaitIdle();
            }
        }
    }

    public Outcome run(Phase phase, int n) throws Exception {
        return switch (phase) {
            case BURN_DOWN -> release(n);
            case CONTINUOUS -> produce(n);
            case LATENCY -> probe(n);
        };
    }

    /** Stops the workers and waits until nothing runs any more; runs are counted from here. */
    public void hold() throws Exception {
        system.stopWorkers();
        Thread.sleep(HOLD.toMillis());
        log.reset(0);
    }

    /**
     * Starts the workers on jobs stored during a {@link #hold()} and times the next {@code n} runs, from the start
     * to the last job's start.
     */
    public Outcome release(int n) throws Exception {
        requireNoneRan();
        log.reset(n);
        long start = System.nanoTime();
        system.startWorkers();
        log.await(TIMEOUT);
        return new Outcome(n, log.lastStart() - start, log.longestGapNanos(), 0, 0);
    }

    private Outcome produce(int n) throws Exception {
        log.reset(n);
        long start = System.nanoTime();
        for (int stored = 0; stored < n; stored += CONTINUOUS_BATCH) {
            system.store(stored, Math.min(CONTINUOUS_BATCH, n - stored));
        }
        log.await(TIMEOUT);
        return new Outcome(n, log.lastStart() - start, log.longestGapNanos(), 0, 0);
    }

    private Outcome probe(int n) throws Exception {
        long[] micros = new long[n];
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            log.reset(1);
            system.store(i, 1);
            long committed = System.nanoTime();
            log.await(PROBE_TIMEOUT);
            // The job may start before this thread reads the clock after its commit: that is no latency at all.
            micros[i] = Math.max(0, (log.start(0) - committed) / 1000);
        }
        long elapsed = System.nanoTime() - start;
        Arrays.sort(micros);
        return new Outcome(n, elapsed, 0, micros[n / 2], micros[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)]);
    }

    private void requireNoneRan() {
        if (log.runs() > 0) {
            throw new IllegalStateException(
                    log.runs() + " jobs ran while the workers were stopped: the burn-down would not start empty");
        }
    }
}
