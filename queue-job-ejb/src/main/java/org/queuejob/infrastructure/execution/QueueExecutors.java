package org.queuejob.infrastructure.execution;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The dispatcher's scheduler and the workers' pool.
 *
 * <p>Preferred: the executors the queue defines itself ({@link QueueJobLifecycle}'s
 * {@code @ManagedScheduledExecutorDefinition} / {@code @ManagedExecutorDefinition}), bound when the library is
 * deployed as an EJB module of an EAR. When the library sits in a WAR's {@code WEB-INF/lib}, Payara does not bind
 * definitions found there; the pools are then built on the server's default {@link ManagedThreadFactory}, whose
 * threads carry the application's context (naming, class loader, CDI, transactions) just the same. The server's
 * default executors are not an option: Payara's have a core size of 0, so all their tasks share one thread.
 */
record QueueExecutors(ScheduledExecutorService scheduler, ExecutorService workers, boolean owned) {

    static final String THREAD_FACTORY = "java:comp/DefaultManagedThreadFactory";

    private static final Logger LOG = Logger.getLogger(QueueExecutors.class.getName());

    static QueueExecutors create(int workerThreads) {
        try {
            ScheduledExecutorService scheduler = InitialContext.doLookup(Dispatcher.SCHEDULER);
            ExecutorService workers = InitialContext.doLookup(Dispatcher.WORKERS);
            LOG.info("Queue job executors: the application's managed executors");
            return new QueueExecutors(scheduler, workers, false);
        } catch (NamingException notBound) {
            ManagedThreadFactory threads = threadFactory();
            ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, threads);
            scheduler.setRemoveOnCancelPolicy(true);
            ThreadPoolExecutor workers = new ThreadPoolExecutor(
                    workerThreads, workerThreads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
            workers.allowCoreThreadTimeOut(true);
            LOG.info(() -> "Queue job executors: " + workerThreads + " worker threads from " + THREAD_FACTORY);
            return new QueueExecutors(scheduler, workers, true);
        }
    }

    /** Pools the queue built itself are its to stop; the container's are the container's. */
    void shutdown() {
        if (owned) {
            scheduler.shutdownNow();
            workers.shutdown();
        }
    }

    private static ManagedThreadFactory threadFactory() {
        try {
            return InitialContext.doLookup(THREAD_FACTORY);
        } catch (NamingException e) {
            throw new IllegalStateException("No " + THREAD_FACTORY + ": the queue needs Jakarta Concurrency", e);
        }
    }
}
