package org.queuejob.bench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * The in-server half of the benchmark. Each endpoint measures one thing with System.nanoTime and answers plain
 * numbers; the driver ({@code BenchmarkMain}) prints them against its raw-JDBC baseline. Local use only: it has no
 * security, so never deploy it anywhere else.
 */
@Path("bench")
@Produces(MediaType.TEXT_PLAIN)
@ApplicationScoped
public class BenchResource {

    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(5);

    @Inject
    NoopJobs jobs;

    @Inject
    UserTransaction transaction;

    @PersistenceContext(unitName = "bench")
    EntityManager em;

    /** (b) Cost per enqueue: N calls of a @Job method, {@code batch} per transaction. Answers ns per job. */
    @POST
    @Path("enqueue")
    public String enqueue(@QueryParam("n") int n, @QueryParam("batch") int batch) throws Exception {
        long start = System.nanoTime();
        for (int done = 0; done < n; ) {
            transaction.begin();
            for (int i = 0; i < batch && done < n; i++, done++) {
                jobs.noop(done);
            }
            transaction.commit();
        }
        return String.valueOf((System.nanoTime() - start) / n);
    }

    /** (b) baseline: N plain JPA persists of a row of a job's size, {@code batch} per transaction. */
    @POST
    @Path("persist")
    public String persist(@QueryParam("n") int n, @QueryParam("batch") int batch) throws Exception {
        long start = System.nanoTime();
        for (int done = 0; done < n; ) {
            transaction.begin();
            for (int i = 0; i < batch && done < n; i++, done++) {
                em.persist(new BenchRow(
                        UUID.randomUUID().toString(), "[" + done + "]", new Timestamp(System.currentTimeMillis())));
            }
            transaction.commit();
        }
        return String.valueOf((System.nanoTime() - start) / n);
    }

    /** (a) End to end: enqueue N no-op jobs (1,000 per transaction) and wait until all ran. Answers jobs/s. */
    @POST
    @Path("throughput")
    public String throughput(@QueryParam("n") int n) throws Exception {
        jobs.resetRuns();
        long start = System.nanoTime();
        for (int done = 0; done < n; ) {
            transaction.begin();
            for (int i = 0; i < 1000 && done < n; i++, done++) {
                jobs.noop(done);
            }
            transaction.commit();
        }
        return awaitRuns(n, start);
    }

    /**
     * (e) Drain rate: how fast no-op jobs already waiting in the table run, over the next {@code n} runs. Answers
     * jobs/s. The driver fills the table first (a small backlog, then a million jobs).
     */
    @POST
    @Path("drain")
    public String drain(@QueryParam("n") int n) {
        jobs.resetRuns();
        long start = System.nanoTime();
        return awaitRuns(n, start);
    }

    /** Waits until no job is waiting, dispatched or running (at most the drain timeout); answers how many ms. */
    @POST
    @Path("idle")
    public String idle() {
        long start = System.nanoTime();
        long deadline = start + DRAIN_TIMEOUT.toNanos();
        while (((Number) em.createNativeQuery(
                                        "SELECT count(*) FROM queue_job WHERE state IN ('pending', 'enqueued', 'started')")
                                .getSingleResult())
                        .longValue()
                > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The queue did not drain in " + DRAIN_TIMEOUT);
            }
            LockSupport.parkNanos(10_000_000);
        }
        return String.valueOf((System.nanoTime() - start) / 1_000_000);
    }

    /** Waits until {@code n} no-op jobs ran since {@code start}; answers their rate in jobs/s. */
    private String awaitRuns(int n, long start) {
        long deadline = start + DRAIN_TIMEOUT.toNanos();
        while (jobs.runs() < n) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + jobs.runs() + " of " + n + " jobs ran in " + DRAIN_TIMEOUT);
            }
            LockSupport.parkNanos(100_000);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format(Locale.ROOT, "%.1f", n / seconds);
    }

    /**
     * (c) Commit-to-start latency on an idle queue: one job per transaction, the next only after the previous
     * started. Answers "p50 p99" in microseconds.
     */
    @POST
    @Path("latency")
    public String latency(@QueryParam("n") int n) throws Exception {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long probe = System.nanoTime();
            transaction.begin();
            jobs.probe(probe);
            transaction.commit();
            long committed = System.nanoTime();
            long deadline = committed + Duration.ofSeconds(10).toNanos();
            Long started;
            while ((started = jobs.startedAt(probe)) == null) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Probe " + i + " did not start in 10 s");
                }
                LockSupport.parkNanos(20_000);
            }
            micros.add(Math.max(0, (started - committed) / 1000));
        }
        Collections.sort(micros);
        return micros.get(n / 2) + " " + micros.get(Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1));
    }
}
