package org.queuejob.infrastructure.execution;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether the queue runs on this server, and the threads its parts work on: the scheduler's (passes, the poll,
 * messages, wake-ups) and the workers' ({@link QueueExecutors}).
 */
@ApplicationScoped
public class QueueThreads {

    private static final Logger LOG = Logger.getLogger(QueueThreads.class.getName());

    private volatile boolean active;
    private QueueExecutors executors;
    private ScheduledExecutorService scheduler;

    /** Looks up or builds the executors, for at most {@code workers} jobs at once. */
    void create(int workers) {
        executors = QueueExecutors.create(workers);
        scheduler = executors.scheduler();
    }

    Executor workers() {
        return executors.workers();
    }

    void activate() {
        active = true;
    }

    /** Stops taking work; false if the queue was not running. */
    boolean deactivate() {
        boolean was = active;
        active = false;
        return was;
    }

    /** Whether the queue runs on this server (started, not stopped). */
    boolean isActive() {
        return active;
    }

    /** Runs {@code task} on the scheduler's threads, soon; dropped when shutting down. */
    void runQuietly(Runnable task) {
        try {
            scheduler.execute(task);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Task not scheduled (shutting down?)", e);
        }
    }

    /** Runs {@code task} on the scheduler's threads in {@code delayMillis}. */
    ScheduledFuture<?> runIn(long delayMillis, Runnable task) {
        return scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} now and then {@code interval} after each run ends. */
    ScheduledFuture<?> runEvery(Duration interval, Runnable task) {
        return scheduler.scheduleWithFixedDelay(task, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void shutdown() {
        executors.shutdown();
    }
}
