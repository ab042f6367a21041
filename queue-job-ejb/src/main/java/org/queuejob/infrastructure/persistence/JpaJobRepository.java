package org.queuejob.infrastructure.persistence;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.queuejob.domain.model.job.ClaimedJob;
import org.queuejob.domain.model.job.JobRepository;
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.domain.scheduling.CandidateJob;

/**
 * Jobs in PostgreSQL through the queue's own persistence unit; dispatch statements are native SQL.
 *
 * <p>A stateless session bean rather than a CDI bean because of where its persistence context is resolved: an EJB
 * resolves {@code unitName = "queue-job"} in its own module, whereas a CDI bean of this jar, first created by a
 * call from a WAR in the same EAR, would look the unit up in the WAR and not find it.
 */
@Stateless
public class JpaJobRepository implements JobRepository {

    /**
     * A configured channel's next jobs. {@code LIKE} patterns come escaped (see {@link #below}), so an underscore in
     * a channel name is not a wildcard.
     */
    static final String PENDING_HEADS = """
            SELECT id, channel, priority, date_created, eta FROM queue_job
             WHERE state = 'pending'
               AND (channel = ?1 OR channel LIKE ?2)
               AND NOT (channel = ANY (CAST(?3 AS text[])) OR channel LIKE ANY (CAST(?4 AS text[])))
               AND job_function = ANY (CAST(?5 AS text[]))
               AND (?6 OR eta IS NULL OR eta <= ?7)
             ORDER BY priority, date_created, id
             LIMIT ?8""";

    /**
     * The leader dispatches the jobs it chose: pending → enqueued, for any server's workers to take. Fenced: the
     * statement share-locks the leader row and only applies with the epoch its leader was elected with, so once
     * another server has taken over (and bumped the epoch) a deposed leader's dispatch changes nothing. The
     * primary-key scan of {@code id = ANY} takes rows in id order, so it never deadlocks with other writers.
     */
    static final String DISPATCH = """
            UPDATE queue_job SET state = 'enqueued', date_enqueued = ?1, worker = NULL, version = version + 1
             WHERE id = ANY (CAST(?2 AS bigint[])) AND state = 'pending'
               AND EXISTS (SELECT 1 FROM queue_job_leader WHERE id = 1 AND epoch = ?3 FOR SHARE)
            RETURNING id""";

    /**
     * A server's workers take dispatched jobs: enqueued → started, with the server's name. {@code SKIP LOCKED}
     * lets every server take at once without waiting on each other; the state condition is re-checked on the
     * locked row, so no job is taken twice.
     */
    static final String TAKE_DISPATCHED = """
            WITH taken AS (
                SELECT id FROM queue_job
                 WHERE state = 'enqueued' AND worker IS NULL AND job_function = ANY (CAST(?3 AS text[]))
                 ORDER BY priority, date_enqueued, id
                 LIMIT ?4
                 FOR UPDATE SKIP LOCKED)
            UPDATE queue_job j SET state = 'started', worker = ?1, date_started = ?2, version = j.version + 1
              FROM taken WHERE j.id = taken.id
            RETURNING j.id, j.uuid, j.channel, j.job_function, CAST(j.arguments AS text), j.graph_uuid IS NOT NULL,
                      j.retry, j.user_name, CAST(j.context AS text)""";

    /** What occupies channel slots, on every server: dispatched and running jobs. */
    static final String OCCUPYING = "SELECT id, channel FROM queue_job WHERE state IN ('enqueued', 'started')";

    static final String INSERT_EDGES = """
            INSERT INTO queue_job_dependency (parent_id, child_id)
            SELECT * FROM unnest(CAST(?1 AS bigint[]), CAST(?2 AS bigint[]))""";

    /** Parents done in other committed transactions, or in this one: both are visible to this statement. */
    static final String RELEASE_CHILDREN = """
            UPDATE queue_job c SET state = 'pending', version = version + 1
             WHERE c.state = 'wait_dependencies'
               AND c.id IN (SELECT child_id FROM queue_job_dependency WHERE parent_id = ?1)
               AND NOT EXISTS (SELECT 1 FROM queue_job_dependency d JOIN queue_job p ON p.id = d.parent_id
                                WHERE d.child_id = c.id AND p.state <> 'done')""";

    static final String RELEASE_ALL_READY = """
            UPDATE queue_job c SET state = 'pending', version = version + 1
             WHERE c.state = 'wait_dependencies'
               AND NOT EXISTS (SELECT 1 FROM queue_job_dependency d JOIN queue_job p ON p.id = d.parent_id
                                WHERE d.child_id = c.id AND p.state <> 'done')""";

    static final String PARENTS_NOT_DONE = """
            SELECT count(*) FROM queue_job_dependency d JOIN queue_job p ON p.id = d.parent_id
             WHERE d.child_id = ?1 AND p.state <> 'done'""";

    static final String CANCEL_DESCENDANTS = """
            WITH RECURSIVE descendants(id) AS (
                SELECT child_id FROM queue_job_dependency WHERE parent_id = ?1
                UNION
                SELECT d.child_id FROM queue_job_dependency d JOIN descendants s ON d.parent_id = s.id)
            UPDATE queue_job SET state = 'cancelled', date_cancelled = ?2, result = ?3, version = version + 1
             WHERE id IN (SELECT id FROM descendants)
               AND state IN ('wait_dependencies', 'pending', 'enqueued', 'failed')""";

    static final String FAILED_UNDER =
            "SELECT id, channel FROM queue_job WHERE state = 'failed' AND (channel = ?1 OR channel LIKE ?2)";

    static final String COMPLETE_CLAIMED = """
            UPDATE queue_job SET state = 'done', date_started = ?3, date_done = ?4, exec_time_ms = ?5, result = ?6,
                   retry = retry + 1, exc_name = NULL, exc_info = NULL, version = version + 1
             WHERE id = ?1 AND state = 'started' AND worker = ?2""";

    static final String UNKNOWN_FUNCTIONS = """
            SELECT job_function, count(*) FROM queue_job
             WHERE state IN ('wait_dependencies', 'pending') AND NOT (job_function = ANY (CAST(?1 AS text[])))
             GROUP BY job_function ORDER BY job_function""";

    /**
     * The conflict target repeats the unique index's predicate, which is how PostgreSQL picks a partial index. No
     * error is raised on a duplicate, so the caller's transaction stays usable.
     */
    static final String INSERT_UNLESS_WAITING = """
            INSERT INTO queue_job (id, uuid, graph_uuid, user_name, description, job_function, arguments, state,
                                   priority, eta, retry, max_retries, channel, identity_key, date_created, context)
            VALUES (nextval('queue_job_seq'), CAST(?1 AS uuid), CAST(?14 AS uuid), ?2, ?3, ?4, CAST(?5 AS jsonb), ?6, ?7, ?8, 0,
                    ?9, ?10, ?11, ?12, CAST(?13 AS jsonb))
            ON CONFLICT (identity_key)
                WHERE identity_key IS NOT NULL AND state IN ('wait_dependencies', 'pending', 'enqueued')
                DO NOTHING
            RETURNING id""";

    static final String DELETE_INSERTED = "DELETE FROM queue_job WHERE id = ANY (CAST(?1 AS bigint[]))";

    static final String WAITING_WITH_KEY = """
            SELECT uuid FROM queue_job
             WHERE identity_key = ?1 AND state IN ('wait_dependencies', 'pending', 'enqueued')""";

    static final String NEXT_ETA = "SELECT min(eta) FROM queue_job WHERE state = 'pending' AND eta > ?1";

    static final String RELEASE_ABANDONED = """
            UPDATE queue_job SET state = 'pending', date_enqueued = NULL, date_started = NULL, worker = NULL,
                   version = version + 1
             WHERE state IN ('enqueued', 'started') AND worker = ?1 AND NOT (id = ANY (CAST(?2 AS bigint[])))""";

    @PersistenceContext(unitName = "queue-job")
    EntityManager em;

    @Override
    public void store(QueueJob job) {
        em.persist(job);
    }

    @Override
    public void flush() {
        em.flush();
    }

    @Override
    public Map<Integer, UUID> storeGraph(List<QueueJob> jobs, int[] parents, int[] children) {
        long[] ids = new long[jobs.size()];
        Map<Integer, UUID> holders = new LinkedHashMap<>();
        List<Long> keyed = new ArrayList<>();
        // Keyed jobs first, each through the unique index: a conflict is known before anything else is written.
        for (int i = 0; i < jobs.size(); i++) {
            QueueJob job = jobs.get(i);
            if (job.identityKey() != null) {
                Object stored = insertOrFindHolder(job);
                if (stored instanceof Long id) {
                    ids[i] = id;
                    keyed.add(id);
                } else {
                    holders.put(i, (UUID) stored);
                }
            }
        }
        if (!holders.isEmpty()) {
            // Rows this transaction inserted a moment ago: nobody else has seen them.
            if (!keyed.isEmpty()) {
                em.createNativeQuery(DELETE_INSERTED)
                        .setParameter(1, longArray(keyed))
                        .executeUpdate();
            }
            return holders;
        }
        for (QueueJob job : jobs) {
            if (job.identityKey() == null) {
                em.persist(job);
            }
        }
        em.flush();
        for (int i = 0; i < jobs.size(); i++) {
            if (jobs.get(i).identityKey() == null) {
                ids[i] = jobs.get(i).id();
            }
        }
        if (parents.length > 0) {
            em.createNativeQuery(INSERT_EDGES)
                    .setParameter(1, idArray(parents, ids))
                    .setParameter(2, idArray(children, ids))
                    .executeUpdate();
        }
        return Map.of();
    }

    private static String idArray(int[] indexes, long[] ids) {
        StringBuilder array = new StringBuilder("{");
        for (int index : indexes) {
            array.append(array.length() > 1 ? "," : "").append(ids[index]);
        }
        return array.append('}').toString();
    }

    private static String longArray(Collection<Long> values) {
        return "{" + String.join(",", values.stream().map(String::valueOf).toList()) + "}";
    }

    @Override
    public int releaseChildrenOf(long parentId) {
        return em.createNativeQuery(RELEASE_CHILDREN).setParameter(1, parentId).executeUpdate();
    }

    @Override
    public int releaseAllReady() {
        return em.createNativeQuery(RELEASE_ALL_READY).executeUpdate();
    }

    @Override
    public boolean parentsAllDone(long id) {
        return ((Number) em.createNativeQuery(PARENTS_NOT_DONE)
                                .setParameter(1, id)
                                .getSingleResult())
                        .longValue()
                == 0;
    }

    @Override
    public int cancelDescendantsOf(long id, String result, Instant now) {
        return em.createNativeQuery(CANCEL_DESCENDANTS)
                .setParameter(1, id)
                .setParameter(2, utc(now))
                .setParameter(3, result)
                .executeUpdate();
    }

    @Override
    public UUID storeUnlessWaiting(QueueJob job) {
        Object stored = insertOrFindHolder(job);
        return stored instanceof UUID holder ? holder : job.uuid();
    }

    /** The new row's id (a {@code Long}), or the uuid of the waiting job that holds the key. */
    private Object insertOrFindHolder(QueueJob job) {
        while (true) {
            List<?> inserted = insertUnlessWaiting(job);
            if (!inserted.isEmpty()) {
                return ((Number) inserted.get(0)).longValue();
            }
            List<?> holder = em.createNativeQuery(WAITING_WITH_KEY)
                    .setParameter(1, job.identityKey())
                    .getResultList();
            if (!holder.isEmpty()) {
                return UUID.fromString(holder.get(0).toString());
            }
            // The holder left the waiting states between the two statements: try to store this one again.
        }
    }

    private List<?> insertUnlessWaiting(QueueJob job) {
        return em.createNativeQuery(INSERT_UNLESS_WAITING)
                .setParameter(1, job.uuid().toString())
                .setParameter(2, job.userName())
                .setParameter(3, job.description())
                .setParameter(4, job.jobFunction())
                .setParameter(5, job.arguments())
                .setParameter(6, job.state().dbValue())
                .setParameter(7, job.priority())
                .setParameter(8, job.eta() == null ? null : utc(job.eta()))
                .setParameter(9, job.maxRetries())
                .setParameter(10, job.channel())
                .setParameter(11, job.identityKey())
                .setParameter(12, utc(job.dateCreated()))
                .setParameter(13, job.context())
                .setParameter(14, job.graphUuid().map(UUID::toString).orElse(null))
                .getResultList();
    }

    @Override
    public Optional<QueueJob> find(UUID uuid) {
        return em.createQuery("SELECT j FROM QueueJob j WHERE j.uuid = :uuid", QueueJob.class)
                .setParameter("uuid", uuid)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<QueueJob> lockById(long id) {
        return Optional.ofNullable(em.find(QueueJob.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<CandidateJob> pendingHeads(
            String channel,
            Collection<String> children,
            int limit,
            boolean includeFutureEta,
            Collection<String> functions,
            Instant now) {
        List<Object[]> rows = em.createNativeQuery(PENDING_HEADS)
                .setParameter(1, channel)
                .setParameter(2, below(channel))
                .setParameter(3, textArray(children))
                .setParameter(
                        4,
                        textArray(children.stream().map(JpaJobRepository::below).toList()))
                .setParameter(5, textArray(functions))
                .setParameter(6, includeFutureEta)
                .setParameter(7, utc(now))
                .setParameter(8, limit)
                .getResultList();
        return rows.stream()
                .map(row -> new CandidateJob(
                        ((Number) row[0]).longValue(),
                        (String) row[1],
                        ((Number) row[2]).intValue(),
                        toInstant(row[3]),
                        row[4] == null ? null : toInstant(row[4])))
                .toList();
    }

    @Override
    public List<Long> dispatch(Collection<Long> ids, long epoch, Instant now) {
        List<?> rows = em.createNativeQuery(DISPATCH)
                .setParameter(1, utc(now))
                .setParameter(2, longArray(ids))
                .setParameter(3, epoch)
                .getResultList();
        return rows.stream().map(id -> ((Number) id).longValue()).toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<Long, String> occupying() {
        List<Object[]> rows = em.createNativeQuery(OCCUPYING).getResultList();
        Map<Long, String> occupying = new HashMap<>();
        rows.forEach(row -> occupying.put(((Number) row[0]).longValue(), (String) row[1]));
        return occupying;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<ClaimedJob> takeDispatched(int max, String worker, Collection<String> functions, Instant now) {
        List<Object[]> rows = em.createNativeQuery(TAKE_DISPATCHED)
                .setParameter(1, worker)
                .setParameter(2, utc(now))
                .setParameter(3, textArray(functions))
                .setParameter(4, max)
                .getResultList();
        return rows.stream()
                .map(row -> new ClaimedJob(
                        ((Number) row[0]).longValue(),
                        UUID.fromString(row[1].toString()),
                        (String) row[2],
                        (String) row[3],
                        (String) row[4],
                        Boolean.TRUE.equals(row[5]),
                        ((Number) row[6]).intValue(),
                        (String) row[7],
                        (String) row[8]))
                .toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<Long, String> failedUnder(String channel) {
        List<Object[]> rows = em.createNativeQuery(FAILED_UNDER)
                .setParameter(1, channel)
                .setParameter(2, below(channel))
                .getResultList();
        Map<Long, String> failed = new LinkedHashMap<>();
        rows.forEach(row -> failed.put(((Number) row[0]).longValue(), (String) row[1]));
        return failed;
    }

    /** The LIKE pattern of the channels below {@code channel}, with LIKE's own characters escaped. */
    static String below(String channel) {
        return channel.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + ".%";
    }

    @Override
    public boolean completeClaimed(long id, String worker, Instant startedAt, Instant doneAt, String result) {
        return em.createNativeQuery(COMPLETE_CLAIMED)
                        .setParameter(1, id)
                        .setParameter(2, worker)
                        .setParameter(3, utc(startedAt))
                        .setParameter(4, utc(doneAt))
                        .setParameter(5, Duration.between(startedAt, doneAt).toMillis())
                        .setParameter(6, result)
                        .executeUpdate()
                == 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Long> countWaitingOutside(Collection<String> functions) {
        List<Object[]> rows = em.createNativeQuery(UNKNOWN_FUNCTIONS)
                .setParameter(1, textArray(functions))
                .getResultList();
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    @Override
    public Optional<Instant> nextEta(Instant now) {
        Object eta = em.createNativeQuery(NEXT_ETA).setParameter(1, utc(now)).getSingleResult();
        return Optional.ofNullable(eta).map(JpaJobRepository::toInstant);
    }

    @Override
    public int releaseAbandoned(String worker, Collection<Long> inFlight) {
        String ids = inFlight.isEmpty()
                ? "{}"
                : "{" + String.join(",", inFlight.stream().map(String::valueOf).toList()) + "}";
        return em.createNativeQuery(RELEASE_ABANDONED)
                .setParameter(1, worker)
                .setParameter(2, ids)
                .executeUpdate();
    }

    /** A PostgreSQL array literal; job function names are Java names, but quoting keeps any text safe. */
    static String textArray(Collection<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (String value : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"')
                    .append(value.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return literal.append('}').toString();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type from the database: " + value.getClass());
    }
}
