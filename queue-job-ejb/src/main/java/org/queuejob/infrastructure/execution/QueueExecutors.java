package org.queuejob.infrastructure.execution;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The dispatcher's scheduler and the workers' pool.
 *
 * <p>Workers are a pool of exactly as many threads as jobs may run at once: the pool, not a counter, bounds
 * concurrency, and claimed jobs beyond it wait in its queue (the dispatcher's prefetch). Its threads come from the
 * container's {@link ManagedThreadFactory}, so they carry the application's context (naming, class loader, CDI,
 * transactions) like any managed thread.
 *
 * <p>The scheduler is the queue's own {@code @ManagedScheduledExecutorDefinition} when the container bound it (the
 * library deployed as an EJB module of an EAR). Payara does not bind definitions found in a WAR's {@code
 * WEB-INF/lib}; the scheduler is then built on the managed thread factory too. The server's default executors are
 * no option: Payara's have a core size of 0, so all their tasks share one thread.
 */
record QueueExecutors(ScheduledExecutorService scheduler, ThreadPoolExecutor workers, boolean ownScheduler) {

    static final String THREAD_FACTORY = "java:comp/DefaultManagedThreadFactory";

    private static final Logger LOG = Logger.getLogger(QueueExecutors.class.getName());

    static QueueExecutors create(int workerThreads) {
        ManagedThreadFactory threads = lookup(THREAD_FACTORY);
        ThreadPoolExecutor workers = new ThreadPoolExecutor(
                workerThreads, workerThreads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), named(threads));
        workers.allowCoreThreadTimeOut(true);
        try {
            ScheduledExecutorService scheduler = InitialContext.doLookup(Dispatcher.SCHEDULER);
            LOG.info(() -> "Queue job executors: " + Dispatcher.SCHEDULER + ", " + workerThreads + " worker threads");
            return new QueueExecutors(scheduler, workers, false);
        } catch (NamingException notBound) {
            ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, threads);
            scheduler.setRemoveOnCancelPolicy(true);
            LOG.info(() -> "Queue job executors: own scheduler, " + workerThreads + " worker threads (from "
                    + THREAD_FACTORY + ")");
            return new QueueExecutors(scheduler, workers, true);
        }
    }

    /** Takes back the tasks still waiting for a worker, and stops accepting new ones. */
    List<Runnable> stopAccepting() {
        List<Runnable> waiting = new ArrayList<>();
        workers.getQueue().drainTo(waiting);
        workers.shutdown();
        return waiting;
    }

    /** Waits for running tasks up to {@code timeout}; true when all finished. */
    boolean awaitWorkers(Duration timeout) {
        try {
            return workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void shutdownScheduler() {
        if (ownScheduler) {
            scheduler.shutdownNow();
        }
    }

    private static ThreadFactory named(ManagedThreadFactory threads) {
        return task -> {
            Thread thread = threads.newThread(task);
            thread.setName("queue-job-worker-" + thread.getId());
            return thread;
        };
    }

    private static <T> T lookup(String name) {
        try {
            return InitialContext.doLookup(name);
        } catch (NamingException e) {
            throw new IllegalStateException("No " + name + ": the queue needs Jakarta Concurrency", e);
        }
    }
}
