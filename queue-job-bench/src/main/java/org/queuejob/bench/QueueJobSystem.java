package org.queuejob.bench;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.queuejob.application.ChannelService;
import org.queuejob.bench.phase.JobSystem;

/**
 * The queue as the phases see it, used as an application would: {@code @Job} calls in the caller's transaction,
 * and the root channel paused and resumed through {@link ChannelService} (what the back office's buttons call) to
 * stop and start the workers.
 */
@ApplicationScoped
public class QueueJobSystem implements JobSystem {

    static final String ROOT = "root";

    /** A channel that stays paused: enqueues measured alone, with no dispatching competing for the CPU. */
    static final String PAUSED_CHANNEL = "root.paused";

    private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);

    /** Jobs not yet ended outside the paused channel; served by the partial pending index and the in-flight one. */
    private static final String LIVE_JOBS = "SELECT count(*) FROM queue_job"
            + " WHERE state IN ('pending', 'enqueued', 'started') AND channel <> '" + PAUSED_CHANNEL + "'";

    @Inject
    NoopJobs jobs;

    /**
     * The container's own, injected once: CDI's built-in {@code UserTransaction} bean looks it up in JNDI on every
     * call, which a flight recording put at a tenth of the producer's CPU, charged to the queue.
     */
    @Resource
    UserTransaction transaction;

    @Inject
    ChannelService channels;

    @PersistenceContext(unitName = "bench")
    EntityManager em;

    @Override
    public void store(int first, int count) throws Exception {
        transaction.begin();
        try {
            for (int i = 0; i < count; i++) {
                jobs.noop(first + i);
            }
            transaction.commit();
        } catch (Exception e) {
            transaction.rollback();
            throw e;
        }
    }

    @Override
    public void startWorkers() {
        channels.resume(ROOT);
    }

    @Override
    public void stopWorkers() {
        channels.pause(ROOT);
    }

    @Override
    public void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + IDLE_TIMEOUT.toNanos();
        while (((Number) em.createNativeQuery(LIVE_JOBS).getSingleResult()).longValue() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The queue did not become idle in " + IDLE_TIMEOUT);
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}
