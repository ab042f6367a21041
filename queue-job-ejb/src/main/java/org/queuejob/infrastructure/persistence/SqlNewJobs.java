package org.queuejob.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.queuejob.domain.model.job.NewJobs;
import org.queuejob.domain.model.job.QueueJob;

/**
 * New jobs in PostgreSQL, in plain SQL ({@link QueueStore}) on the caller's transaction's connection. A CDI bean, not
 * a session bean as {@link JpaJobRepository} is: it needs no persistence context, and the container's call of a
 * session bean cost a third of an enqueue (a flight recording of the benchmark's producer, which stores 100 jobs per
 * transaction).
 *
 * <p>A job stored before the queue's tables are up to date in this deployment brings them up to date, or waits while
 * the queue's start does ({@link SchemaMigration#migrateBeforeFirstJob}); after that, the check is one volatile read.
 */
@ApplicationScoped
public class SqlNewJobs implements NewJobs {

    @Inject
    QueueStore store;

    @Inject
    DeferredJobInserts inserts;

    @Inject
    SchemaMigration schema;

    private void awaitTables() {
        if (!schema.isMigrated()) {
            schema.migrateBeforeFirstJob();
        }
    }

    /** Inserted with the transaction's other new jobs just before it commits (one statement for all of them). */
    @Override
    public void store(QueueJob job) {
        awaitTables();
        inserts.add(job);
    }

    @Override
    public UUID storeUnlessWaiting(QueueJob job) {
        awaitTables();
        inserts.flush(); // a job with the same key stored earlier in this transaction holds it
        Optional<UUID> holder = store.lockAndFindWaiting(job.identityKey());
        if (holder.isPresent()) {
            return holder.get();
        }
        store.insert(job);
        return job.uuid();
    }

    @Override
    public Map<Integer, UUID> storeGraph(List<QueueJob> jobs, int[] parents, int[] children) {
        awaitTables();
        inserts.flush();
        // Keys first, locked until the transaction ends: a conflict is known before anything is written.
        List<String> keys = jobs.stream()
                .map(QueueJob::identityKey)
                .filter(Objects::nonNull)
                .toList();
        Map<String, UUID> byKey = keys.isEmpty() ? Map.of() : store.lockAndFindWaiting(keys);
        Map<Integer, UUID> holders = new LinkedHashMap<>();
        for (int i = 0; i < jobs.size(); i++) {
            String key = jobs.get(i).identityKey();
            UUID holder = key == null ? null : byKey.get(key); // Map.of() refuses a null key
            if (holder != null) {
                holders.put(i, holder);
            }
        }
        if (!holders.isEmpty()) {
            return holders;
        }
        store.insertAll(new ArrayList<>(jobs));
        if (parents.length > 0) {
            store.insertEdges(ids(jobs, parents), ids(jobs, children));
        }
        return Map.of();
    }

    private static long[] ids(List<QueueJob> jobs, int[] indexes) {
        long[] ids = new long[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            ids[i] = jobs.get(indexes[i]).id();
        }
        return ids;
    }
}
