package org.queuejob.infrastructure.persistence;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.domain.model.recurring.LastJob;
import org.queuejob.domain.model.recurring.RecurringJob;
import org.queuejob.domain.model.recurring.RecurringJobRepository;

/**
 * Recurring-job records through the queue's persistence unit (a session bean for the reason given on
 * JpaJobRepository). The tick claim is a native conditional update: it is the whole of the cluster's exactly-once.
 */
@Stateless
public class JpaRecurringJobRepository implements RecurringJobRepository {

    /** Read by every server each second: the partial index on next_run of the enabled records answers it. */
    static final String DUE =
            "SELECT id FROM queue_job_recurring WHERE enabled AND next_run <= CAST(?1 AS timestamptz) ORDER BY next_run";

    /**
     * Moves next_run on only from the tick the caller saw. Of concurrent claims, PostgreSQL lets the first update the
     * row and makes the others wait for its commit, then re-reads the row for them: next_run no longer matches, and
     * they update nothing. No version bump: an edit open in the back office is not refused because a tick passed.
     */
    static final String CLAIM = """
            UPDATE queue_job_recurring
               SET next_run = CAST(?3 AS timestamptz),
                   last_tick = COALESCE(CAST(?4 AS timestamptz), last_tick),
                   last_job_uuid = COALESCE(CAST(?5 AS uuid), last_job_uuid),
                   last_run_at = CASE WHEN CAST(?5 AS uuid) IS NULL THEN last_run_at ELSE CAST(?7 AS timestamptz) END,
                   last_run_by = CASE WHEN CAST(?5 AS uuid) IS NULL THEN last_run_by ELSE NULL END,
                   last_error = CAST(?6 AS text)
             WHERE id = ?1 AND enabled AND next_run = CAST(?2 AS timestamptz)""";

    /**
     * The record's last job and its state, the record's row locked. The job's row is not: a job that ends just after
     * this read costs this tick only (the next one runs), and the tick never waits on a job's transaction. A job the
     * autovacuum deleted reads as none: it had ended.
     */
    static final String LAST_JOB = """
            SELECT CAST(r.last_job_uuid AS text), CAST(j.state AS text)
              FROM queue_job_recurring r LEFT JOIN queue_job j ON j.uuid = r.last_job_uuid
             WHERE r.id = ?1
               FOR UPDATE OF r""";

    @PersistenceContext(unitName = "queue-job")
    EntityManager em;

    @Override
    public List<RecurringJob> all() {
        return em.createQuery("SELECT r FROM RecurringJob r ORDER BY r.name", RecurringJob.class)
                .getResultList();
    }

    @Override
    public Optional<RecurringJob> find(long id) {
        return Optional.ofNullable(em.find(RecurringJob.class, id));
    }

    @Override
    public Optional<RecurringJob> findByName(String name) {
        return em.createQuery("SELECT r FROM RecurringJob r WHERE r.name = :name", RecurringJob.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    @Override
    public void add(RecurringJob job) {
        em.persist(job);
        em.flush();
    }

    @Override
    public void remove(RecurringJob job) {
        em.remove(em.contains(job) ? job : em.merge(job));
    }

    @Override
    public Optional<LastJob> lockLastJob(long id) {
        List<?> rows = em.createNativeQuery(LAST_JOB).setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        if (row[0] == null || row[1] == null) {
            return Optional.empty();
        }
        return Optional.of(new LastJob(UUID.fromString(row[0].toString()), JobState.fromDbValue(row[1].toString())));
    }

    @Override
    public List<Long> dueAt(Instant now) {
        return em.createNativeQuery(DUE).setParameter(1, Timestamp.from(now)).getResultList().stream()
                .map(id -> ((Number) id).longValue())
                .toList();
    }

    @Override
    public boolean claimTick(long id, Instant due, Instant nextRun, Instant tick, UUID job, String error, Instant now) {
        return em.createNativeQuery(CLAIM)
                        .setParameter(1, id)
                        .setParameter(2, Timestamp.from(due))
                        .setParameter(3, nextRun == null ? null : Timestamp.from(nextRun))
                        .setParameter(4, tick == null ? null : Timestamp.from(tick))
                        .setParameter(5, job == null ? null : job.toString())
                        .setParameter(6, error)
                        .setParameter(7, Timestamp.from(now))
                        .executeUpdate()
                == 1;
    }
}
