package org.queuejob.infrastructure.execution;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Where the dispatcher and the workers run.
 *
 * <p>Preferred: the executors the queue defines itself (the application's QueueJobLifecycle's
 * {@code @ManagedScheduledExecutorDefinition} and {@code @ManagedExecutorDefinition}), which the container binds
 * when the library is deployed as an EJB module of an EAR; their tasks run with the application's full context.
 * Payara does not bind definitions found in a WAR's {@code WEB-INF/lib}; there the pools are built on the WAR's
 * default {@link ManagedThreadFactory}. The server's default executors are no option: Payara's have a core size
 * of 0, so all their tasks share one thread.
 *
 * <p>Either way the number of jobs running at once is bounded by the dispatcher (at most capacity worker loops),
 * not by the executor's size.
 */
record QueueExecutors(ScheduledExecutorService scheduler, Executor workers, boolean owned) {

    static final String THREAD_FACTORY = "java:comp/DefaultManagedThreadFactory";

    private static final Logger LOG = Logger.getLogger(QueueExecutors.class.getName());

    static QueueExecutors create(int workerThreads) {
        try {
            ScheduledExecutorService scheduler = InitialContext.doLookup(QueueRuntime.SCHEDULER);
            Executor workers = InitialContext.doLookup(QueueRuntime.WORKERS);
            LOG.info(() -> "Queue job executors: the application's " + QueueRuntime.SCHEDULER + " and "
                    + QueueRuntime.WORKERS);
            return new QueueExecutors(scheduler, workers, false);
        } catch (NamingException notBound) {
            ManagedThreadFactory threads = threadFactory();
            ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2, threads);
            scheduler.setRemoveOnCancelPolicy(true);
            ThreadPoolExecutor workers = new ThreadPoolExecutor(
                    workerThreads, workerThreads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
            workers.allowCoreThreadTimeOut(true);
            LOG.info(
                    () -> "Queue job executors: own pools of 2 + " + workerThreads + " threads from " + THREAD_FACTORY);
            return new QueueExecutors(scheduler, workers, true);
        }
    }

    /** Pools the queue built itself are its to stop; the container's are the container's. */
    void shutdown() {
        if (owned) {
            scheduler.shutdownNow();
            ((ThreadPoolExecutor) workers).shutdown();
        }
    }

    static ManagedThreadFactory threadFactory() {
        try {
            return InitialContext.doLookup(THREAD_FACTORY);
        } catch (NamingException e) {
            throw new IllegalStateException("No " + THREAD_FACTORY + ": the queue needs Jakarta Concurrency", e);
        }
    }
}
