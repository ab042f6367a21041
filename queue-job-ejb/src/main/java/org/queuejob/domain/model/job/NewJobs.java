package org.queuejob.domain.model.job;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where new jobs go, in the caller's transaction: the enqueue of every {@code @Job} call of an application. Apart
 * from {@link JobRepository}, whose jobs are loaded and changed through a persistence context, because a new job
 * needs none: its implementation is a plain bean, not a container call per job.
 */
public interface NewJobs {

    /**
     * Stores a new job in the caller's transaction. The row may be written only when the transaction commits, with
     * the transaction's other new jobs in one statement (the id is given then); the queue's own reads and writes of
     * jobs in that transaction see it before. Without a transaction it is written at once.
     */
    void store(QueueJob job);

    /**
     * Stores a job that has an identity key unless a job with the same key is waiting (waiting for dependencies, or
     * pending); returns the uuid of the job that now holds the key: this one, or the one already there. Race-free:
     * a concurrent enqueue of the same key waits for the first transaction to end, then finds its job.
     */
    UUID storeUnlessWaiting(QueueJob job);

    /**
     * Stores the jobs of a graph and its edges ({@code parents[i]} → {@code children[i]}, indexes into {@code
     * jobs}) with a bounded number of statements, whatever the graph's size.
     *
     * <p>A graph is stored whole or not at all: when a job of it has an identity key a waiting job already holds,
     * nothing of the graph is stored, and the result maps the index of each such job to the holder's uuid (empty
     * when the graph was stored). Race-free as {@link #storeUnlessWaiting}.
     */
    Map<Integer, UUID> storeGraph(List<QueueJob> jobs, int[] parents, int[] children);
}
