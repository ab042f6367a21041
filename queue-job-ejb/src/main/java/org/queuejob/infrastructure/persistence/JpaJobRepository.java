package org.queuejob.infrastructure.persistence;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.queuejob.domain.model.job.HeldRun;
import org.queuejob.domain.model.job.JobRepository;
import org.queuejob.domain.model.job.JobTransition;
import org.queuejob.domain.model.job.QueueJob;

/**
 * Jobs in PostgreSQL, loaded and changed through the queue's persistence unit (new jobs: {@link SqlNewJobs}). Each
 * statement of its own first writes the transaction's new jobs ({@link DeferredJobInserts#flush()}), so that it sees
 * them.
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

    /**
     * Cancels the descendants that have not ended; those a server holds have their runs recorded as taken away (see
     * {@link #RECORD_RUN_TAKEN_AWAY}), with the version they were handed over at: read, and locked, before the update
     * raises it.
     */
    static final String CANCEL_DESCENDANTS = """
            WITH RECURSIVE descendants(id) AS (
                SELECT child_id FROM queue_job_dependency WHERE parent_id = ?1
                UNION
                SELECT d.child_id FROM queue_job_dependency d JOIN descendants s ON d.parent_id = s.id),
            before AS (
                SELECT id, version, worker, state FROM queue_job
                 WHERE id IN (SELECT id FROM descendants) AND %s
                 FOR UPDATE),
            cancelled AS (
                UPDATE queue_job j SET state = '%s', date_cancelled = ?2, result = ?3, version = j.version + 1
                  FROM before WHERE j.id = before.id
                RETURNING j.id, before.version, before.worker, j.channel, before.state),
            taken AS (
                INSERT INTO queue_job_run_taken_away (job_id, version, worker, channel, date_taken)
                SELECT id, version, worker, channel, ?2 FROM cancelled WHERE %s AND worker IS NOT NULL
                ON CONFLICT DO NOTHING)
            SELECT count(*) FROM cancelled""".formatted(
                    JobTransition.CANCEL.sqlCondition(),
                    JobTransition.CANCEL.to().dbValue(),
                    JobTransition.COMPLETE.sqlCondition());

    /**
     * A run goes on after its job was taken from it by hand: the leader counts it as occupying its channel's slot until
     * its server, once it returns, deletes the row ({@code QueueStore.forgetRunTakenAway}). A hand-over is taken once
     * (the change raises the version), so a conflict can only be this very record.
     */
    static final String RECORD_RUN_TAKEN_AWAY = """
            INSERT INTO queue_job_run_taken_away (job_id, version, worker, channel, date_taken)
            VALUES (?1, ?2, ?3, ?4, ?5)
            ON CONFLICT DO NOTHING""";

    @PersistenceContext(unitName = "queue-job")
    EntityManager em;

    @Inject
    QueueStore store;

    @Inject
    DeferredJobInserts inserts;

    @Override
    public void flush() {
        inserts.flush();
        em.flush();
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
        return ((Number) em.createNativeQuery(CANCEL_DESCENDANTS)
                        .setParameter(1, id)
                        .setParameter(2, now.atOffset(ZoneOffset.UTC))
                        .setParameter(3, result)
                        .getSingleResult())
                .intValue();
    }

    @Override
    public void recordRunTakenAway(HeldRun run, Instant takenAt) {
        em.createNativeQuery(RECORD_RUN_TAKEN_AWAY)
                .setParameter(1, run.jobId())
                .setParameter(2, run.version())
                .setParameter(3, run.worker())
                .setParameter(4, run.channel())
                .setParameter(5, takenAt.atOffset(ZoneOffset.UTC))
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
