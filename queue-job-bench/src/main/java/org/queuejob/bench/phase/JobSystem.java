package org.queuejob.bench.phase;

/**
 * The three things the phases need from a job system, whatever it is (the queue in its server, db-scheduler, the raw
 * JDBC loop): store jobs, start running them, stop running them. Its no-op job calls {@link RunLog#started()}.
 */
public interface JobSystem {

    /** Stores {@code count} no-op jobs numbered from {@code first}, in one transaction, committed on return. */
    void store(int first, int count) throws Exception;

    /** Jobs stored before or after start running (from now on, or within the system's own reaction time). */
    void startWorkers() throws Exception;

    /** No new job starts (running ones may finish). */
    void stopWorkers() throws Exception;

    /** Returns once no job of the system is waiting or running; for systems that can tell, else at once. */
    default void awaitIdle() throws Exception {}
}
