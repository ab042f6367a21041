package org.queuejob.infrastructure.persistence;

import java.time.Duration;

/**
 * Who brings the queue's tables up to date in this deployment, and who waits for it: the first to need them migrates
 * them (the queue's start, or a job stored before it: see {@link SchemaMigration}), everyone else waits until that ends.
 * Passing an open gate is one volatile read, as every enqueue does.
 */
final class MigrationGate {

    static final String NOT_MIGRATED = "The job was not stored: the queue's tables are still being created or"
            + " migrated (waited %d s). Store jobs once the application has started.";

    private enum State {
        NOT_BEGUN,
        MIGRATING,
        OPEN
    }

    private volatile State state = State.NOT_BEGUN;

    /** Whether the tables are up to date: one volatile read. */
    boolean isOpen() {
        return state == State.OPEN;
    }

    /** True, once, for the caller that is to migrate now; false when someone is at it or has done it. */
    synchronized boolean begin() {
        if (state != State.NOT_BEGUN) {
            return false;
        }
        state = State.MIGRATING;
        return true;
    }

    /** The migration ended: the tables are up to date for good. */
    synchronized void open() {
        state = State.OPEN;
        notifyAll();
    }

    /** The migration failed: the next who needs the tables tries again. */
    synchronized void failed() {
        state = State.NOT_BEGUN;
        notifyAll();
    }

    /**
     * Waits while someone migrates, at most {@code timeout}; then whether the gate is open (false: nobody migrates,
     * the one who did failed).
     *
     * @throws IllegalStateException when the migration did not end in time (or the wait was interrupted)
     */
    synchronized boolean await(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (state == State.MIGRATING) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException(String.format(NOT_MIGRATED, timeout.toSeconds()));
                }
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(String.format(NOT_MIGRATED, 0), e);
        }
        return state == State.OPEN;
    }
}
