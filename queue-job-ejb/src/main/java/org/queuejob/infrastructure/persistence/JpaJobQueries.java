package org.queuejob.infrastructure.persistence;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.queuejob.domain.model.job.JobDependency;
import org.queuejob.domain.model.job.JobFilter;
import org.queuejob.domain.model.job.JobGroup;
import org.queuejob.domain.model.job.JobGrouping;
import org.queuejob.domain.model.job.JobQueries;
import org.queuejob.domain.model.job.JobSort;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.domain.model.job.RunTakenAway;

/**
 * The job list through the queue's persistence unit, as Criteria queries (a session bean for the reason given on
 * {@link JpaJobRepository}). Reads support the caller's transaction rather than require one: the back office reads
 * without.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class JpaJobQueries implements JobQueries {

    /** Uuids per lookup of {@link #ids}: well under the 65,535 parameters a PostgreSQL statement takes. */
    static final int UUIDS_PER_QUERY = 10_000;

    private static final String RUNS_TAKEN_AWAY = """
            SELECT worker, channel, date_taken FROM queue_job_run_taken_away WHERE job_id = ?1 ORDER BY date_taken""";

    private static final String GRAPH_DEPENDENCIES = """
            SELECT p.uuid, c.uuid
              FROM queue_job_dependency d
              JOIN queue_job p ON p.id = d.parent_id
              JOIN queue_job c ON c.id = d.child_id
             WHERE p.graph_uuid = CAST(?1 AS uuid)""";

    @PersistenceContext(unitName = "queue-job")
    EntityManager em;

    @Override
    public List<QueueJob> page(JobFilter filter, int first, int limit, JobSort sort, boolean ascending) {
        Optional<List<JobFilter>> parts = EndedSplit.of(filter, sort);
        if (parts.isPresent() && first == 0) {
            // The first page, the one mostly looked at: 25 jobs of each part, one query each.
            return EndedSplit.read(parts.get(), part -> pageOf(part, 0, limit, sort, ascending), ascending, 0, limit);
        }
        if (parts.isPresent() && (long) first + limit <= EndedSplit.MERGED_UP_TO) {
            return inOrder(EndedSplit.pageIds(
                    parts.get(), part -> placesOf(part, first + limit, ascending), ascending, first, limit));
        }
        return pageOf(filter, first, limit, sort, ascending);
    }

    /** The first {@code limit} places of the list in creation order: two columns, from the filter's index. */
    private List<EndedSplit.Place> placesOf(JobFilter filter, int limit, boolean ascending) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<QueueJob> job = query.from(QueueJob.class);
        Path<Instant> created = job.get(JobSort.DATE_CREATED.attribute());
        Path<Long> id = job.get("id");
        query.multiselect(created, id)
                .where(JobPredicates.of(cb, job, filter).toArray(Predicate[]::new))
                .orderBy(ascending ? cb.asc(created) : cb.desc(created), ascending ? cb.asc(id) : cb.desc(id));
        return em.createQuery(query).setMaxResults(limit).getResultList().stream()
                .map(row -> new EndedSplit.Place(row.get(0, Instant.class), row.get(1, Long.class)))
                .toList();
    }

    /**
     * The jobs of {@code ids}, in that order; one deleted meanwhile (the autovacuum, a purge) is left out, so the page
     * is one shorter until the next refresh.
     */
    private List<QueueJob> inOrder(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of(); // "IN ()" is no SQL
        }
        Map<Long, QueueJob> byId = em.createQuery("SELECT j FROM QueueJob j WHERE j.id IN :ids", QueueJob.class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.toMap(QueueJob::id, Function.identity()));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private List<QueueJob> pageOf(JobFilter filter, int first, int limit, JobSort sort, boolean ascending) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<QueueJob> query = cb.createQuery(QueueJob.class);
        Root<QueueJob> job = query.from(QueueJob.class);
        query.where(JobPredicates.of(cb, job, filter).toArray(Predicate[]::new));
        query.orderBy(
                ascending ? cb.asc(job.get(sort.attribute())) : cb.desc(job.get(sort.attribute())),
                ascending ? cb.asc(job.get("id")) : cb.desc(job.get("id")));
        return em.createQuery(query).setFirstResult(first).setMaxResults(limit).getResultList();
    }

    @Override
    public List<QueueJob> pageAfter(JobFilter filter, JobSort sort, boolean ascending, Position after, int limit) {
        Optional<List<JobFilter>> parts = EndedSplit.of(filter, sort);
        if (parts.isPresent() && limit <= EndedSplit.MERGED_UP_TO) {
            return EndedSplit.read(
                    parts.get(), part -> pageAfterOf(part, sort, ascending, after, limit), ascending, 0, limit);
        }
        return pageAfterOf(filter, sort, ascending, after, limit);
    }

    @SuppressWarnings("rawtypes")
    private List<QueueJob> pageAfterOf(JobFilter filter, JobSort sort, boolean ascending, Position after, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<QueueJob> query = cb.createQuery(QueueJob.class);
        Root<QueueJob> job = query.from(QueueJob.class);
        List<Predicate> where = JobPredicates.of(cb, job, filter);
        Path<Comparable> x = job.get(sort.attribute());
        Path<Long> id = job.get("id");
        if (after != null) {
            where.add(JobPredicates.after(cb, x, id, ascending, after));
        }
        query.where(where.toArray(Predicate[]::new))
                .orderBy(ascending ? cb.asc(x) : cb.desc(x), ascending ? cb.asc(id) : cb.desc(id));
        return em.createQuery(query).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(JobFilter filter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<QueueJob> job = query.from(QueueJob.class);
        query.select(cb.count(job)).where(JobPredicates.of(cb, job, filter).toArray(Predicate[]::new));
        return em.createQuery(query).getSingleResult();
    }

    /**
     * The matching ids, at most {@code limit} + 1 of them, unordered: PostgreSQL walks the filter's index and stops
     * there. Their number is the count.
     */
    @Override
    public long countAtMost(JobFilter filter, long limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<QueueJob> job = query.from(QueueJob.class);
        query.select(job.<Long>get("id"))
                .where(JobPredicates.of(cb, job, filter).toArray(Predicate[]::new));
        return em.createQuery(query)
                .setMaxResults((int) Math.min(limit + 1, Integer.MAX_VALUE))
                .getResultList()
                .size();
    }

    @Override
    public long countUpTo(JobFilter filter, long maxId) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<QueueJob> job = query.from(QueueJob.class);
        List<Predicate> where = JobPredicates.of(cb, job, filter);
        where.add(cb.le(job.<Long>get("id"), maxId));
        query.select(cb.count(job)).where(where.toArray(Predicate[]::new));
        return em.createQuery(query).getSingleResult();
    }

    @Override
    public List<JobGroup> groups(JobFilter filter, JobGrouping grouping, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<QueueJob> job = query.from(QueueJob.class);
        Expression<Object> key = job.get(grouping.attribute());
        Expression<Long> count = cb.count(job);
        query.multiselect(key, count, cb.avg(job.get("execTimeMillis")))
                .where(JobPredicates.of(cb, job, filter).toArray(Predicate[]::new))
                .groupBy(key)
                .orderBy(cb.desc(count));
        return em.createQuery(query).setMaxResults(limit).getResultList().stream()
                .map(row -> new JobGroup(groupValue(row.get(0)), row.get(1, Long.class), row.get(2, Double.class)))
                .toList();
    }

    /** A state groups by its stored name, as the back office narrows the filter by it. */
    private static String groupValue(Object value) {
        if (value instanceof JobState state) {
            return state.dbValue();
        }
        return value == null ? null : value.toString();
    }

    /** Unlike {@link JpaJobRepository#find}, writes none of the caller's new jobs first: a read does not write. */
    @Override
    public Optional<QueueJob> find(UUID uuid) {
        return em.createQuery("SELECT j FROM QueueJob j WHERE j.uuid = :uuid", QueueJob.class)
                .setParameter("uuid", uuid)
                .getResultStream()
                .findFirst();
    }

    @Override
    public long maxId() {
        Long max =
                em.createQuery("SELECT MAX(j.id) FROM QueueJob j", Long.class).getSingleResult();
        return max == null ? 0 : max;
    }

    @Override
    public List<Long> idsAfter(JobFilter filter, long afterId, long maxId, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<QueueJob> job = query.from(QueueJob.class);
        List<Predicate> where = JobPredicates.of(cb, job, filter);
        where.add(cb.gt(job.<Long>get("id"), afterId));
        where.add(cb.le(job.<Long>get("id"), maxId));
        query.select(job.get("id")).where(where.toArray(Predicate[]::new)).orderBy(cb.asc(job.get("id")));
        return em.createQuery(query).setMaxResults(limit).getResultList();
    }

    /**
     * Looked up {@value #UUIDS_PER_QUERY} at a time: EclipseLink binds one parameter per element of an {@code IN}
     * list, and PostgreSQL's protocol takes at most 65,535 parameters in a statement (more was a 500).
     */
    @Override
    public Map<UUID, Long> ids(Collection<UUID> uuids) {
        List<UUID> all = List.copyOf(new LinkedHashSet<>(uuids));
        Map<UUID, Long> ids = new HashMap<>();
        for (int from = 0; from < all.size(); from += UUIDS_PER_QUERY) {
            List<UUID> batch = all.subList(from, Math.min(all.size(), from + UUIDS_PER_QUERY));
            em.createQuery("SELECT j.uuid, j.id FROM QueueJob j WHERE j.uuid IN :uuids", Object[].class)
                    .setParameter("uuids", batch)
                    .getResultList()
                    .forEach(row -> ids.put((UUID) row[0], (Long) row[1]));
        }
        return ids;
    }

    @Override
    public List<QueueJob> graphJobs(UUID graphUuid) {
        return em.createQuery("SELECT j FROM QueueJob j WHERE j.graphUuid = :graph ORDER BY j.id", QueueJob.class)
                .setParameter("graph", graphUuid)
                .getResultList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<RunTakenAway> runsTakenAway(long id) {
        List<Object[]> rows =
                em.createNativeQuery(RUNS_TAKEN_AWAY).setParameter(1, id).getResultList();
        return rows.stream()
                .map(row -> new RunTakenAway((String) row[0], (String) row[1], NativeResults.instant(row[2])))
                .toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<JobDependency> graphDependencies(UUID graphUuid) {
        List<Object[]> rows = em.createNativeQuery(GRAPH_DEPENDENCIES)
                .setParameter(1, graphUuid.toString())
                .getResultList();
        return rows.stream()
                .map(row -> new JobDependency(UUID.fromString(row[0].toString()), UUID.fromString(row[1].toString())))
                .toList();
    }
}
