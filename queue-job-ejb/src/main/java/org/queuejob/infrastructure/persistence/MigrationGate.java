package org.queuejob.infrastructure.persistence;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Closed while the queue's tables are being migrated; open once they are up to date, for good. Passing an open gate
 * is one volatile read, as every enqueue does.
 *
 * <p>Before the migration has begun, the gate does not hold anyone back: a {@code @Startup} bean that stores a job
 * from its {@code @PostConstruct} may run on the thread that starts the queue afterwards, and waiting there would only
 * delay that start. Such a job finds the tables as the last deployment left them, as before this gate.
 */
final class MigrationGate {

    static final String NOT_MIGRATED = "The job was not stored: the queue's tables are still being created or"
            + " migrated by its start (waited %d s). Store jobs once the application has started.";

    private final CountDownLatch migration = new CountDownLatch(1);
    private volatile boolean migrating;
    private volatile boolean open;

    /** The migration begins: from now on, callers wait for its end. */
    void close() {
        migrating = true;
    }

    void open() {
        open = true;
        migration.countDown();
    }

    /**
     * Returns when the gate is open or the migration has not begun; while it runs, waits for its end, at most {@code
     * timeout}.
     *
     * @throws IllegalStateException when it did not open in time (or the wait was interrupted)
     */
    void await(Duration timeout) {
        if (open || !migrating) {
            return;
        }
        try {
            if (!migration.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(String.format(NOT_MIGRATED, timeout.toSeconds()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(String.format(NOT_MIGRATED, 0), e);
        }
    }
}
