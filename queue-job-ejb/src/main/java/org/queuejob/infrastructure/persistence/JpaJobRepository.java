package org.queuejob.infrastructure.persistence;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.queuejob.domain.model.job.JobRepository;
import org.queuejob.domain.model.job.JobTransition;
import org.queuejob.domain.model.job.QueueJob;

/**
 * Jobs in PostgreSQL: new jobs are inserted in plain SQL ({@link QueueStore}, the enqueue is on every application's
 * hot path), loaded jobs go through the queue's persistence unit.
 *
 * <p>A stateless session bean rather than a CDI bean because of where its persistence context is resolved: an EJB
 * resolves {@code unitName = "queue-job"} in its own module, whereas a CDI bean of this jar, first created by a
 * call from a WAR in the same EAR, would look the unit up in the WAR and not find it.
 */
@Stateless
public class JpaJobRepository implements JobRepository {

    static final String PARENTS_NOT_DONE = """
            SELECT count(*) FROM queue_job_dependency d JOIN queue_job p ON p.id = d.parent_id
             WHERE d.child_id = ?1 AND p.state <> 'done'""";

    static final String CANCEL_DESCENDANTS =
            """
            WITH RECURSIVE descendants(id) AS (
                SELECT child_id FROM queue_job_dependency WHERE parent_id = ?1
                UNION
                SELECT d.child_id FROM queue_job_dependency d JOIN descendants s ON d.parent_id = s.id)
            UPDATE queue_job SET state = '%s', date_cancelled = ?2, result = ?3, version = version + 1
             WHERE id IN (SELECT id FROM descendants) AND %s""".formatted(JobTransition.CANCEL.to().dbValue(), JobTransition.CANCEL.sqlCondition());

    @PersistenceContext(unitName = "queue-job")
    EntityManager em;

    @Inject
    QueueStore store;

    @Inject
    DeferredJobInserts inserts;

    /** Inserted with the transaction's other new jobs just before it commits (one statement for all of them). */
    @Override
    public void store(QueueJob job) {
        inserts.add(job);
    }

    @Override
    public void flush() {
        inserts.flush();
        em.flush();
    }

    @Override
    public UUID storeUnlessWaiting(QueueJob job) {
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
        inserts.flush();
        // Keys first, each locked until the transaction ends: a conflict is known before anything is written.
        Map<Integer, UUID> holders = new LinkedHashMap<>();
        for (int i = 0; i < jobs.size(); i++) {
            String key = jobs.get(i).identityKey();
            if (key != null) {
                int index = i;
                store.lockAndFindWaiting(key).ifPresent(holder -> holders.put(index, holder));
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

    /** Call {@link #flush()} first: the statement reads the parents' states from the database. */
    @Override
    public int releaseChildrenOf(long parentId) {
        inserts.flush();
        // The container gives this transaction's connection again, the one the persistence unit flushed to.
        return store.releaseChildrenOf(parentId);
    }

    @Override
    public boolean parentsAllDone(long id) {
        inserts.flush();
        return ((Number) em.createNativeQuery(PARENTS_NOT_DONE)
                                .setParameter(1, id)
                                .getSingleResult())
                        .longValue()
                == 0;
    }

    @Override
    public int cancelDescendantsOf(long id, String result, Instant now) {
        inserts.flush();
        return em.createNativeQuery(CANCEL_DESCENDANTS)
                .setParameter(1, id)
                .setParameter(2, now.atOffset(ZoneOffset.UTC))
                .setParameter(3, result)
                .executeUpdate();
    }

    @Override
    public Optional<QueueJob> find(UUID uuid) {
        inserts.flush();
        return em.createQuery("SELECT j FROM QueueJob j WHERE j.uuid = :uuid", QueueJob.class)
                .setParameter("uuid", uuid)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<QueueJob> lockById(long id) {
        inserts.flush();
        return Optional.ofNullable(em.find(QueueJob.class, id, LockModeType.PESSIMISTIC_WRITE));
    }
}
