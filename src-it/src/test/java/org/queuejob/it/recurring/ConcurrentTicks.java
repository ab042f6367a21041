package org.queuejob.it.recurring;

import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Future;
import org.queuejob.application.RecurringJobService;

/**
 * Claims one record's tick from several container threads at the same moment, each in a transaction of its own, as
 * several servers would. An executor of its own: the server's default one runs its tasks on one thread.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@ManagedExecutorDefinition(name = ConcurrentTicks.EXECUTOR, maxAsync = ConcurrentTicks.THREADS)
public class ConcurrentTicks {

    static final String EXECUTOR = "java:app/concurrent/recurring-it";
    public static final int THREADS = 8;

    @Resource(lookup = EXECUTOR)
    ManagedExecutorService executor;

    @Inject
    RecurringJobService recurring;

    /** How many of the {@link #THREADS} concurrent claims of the record's tick at {@code now} stored a job. */
    public int fireAtOnce(long id, Instant now) throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            results.add(executor.submit(() -> {
                start.await();
                return recurring.fire(id, now);
            }));
        }
        int stored = 0;
        for (Future<Boolean> result : results) {
            if (result.get()) {
                stored++;
            }
        }
        return stored;
    }
}
