package org.queuejob.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.infrastructure.cluster.ClusterMembership;

/**
 * Read side of the back office: database-paged, filtered, sorted job lists and single jobs. A stateless session
 * bean so that its persistence unit resolves in this module when the back office (another module) calls it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class JobQueryService {

    /** Largest page the back office may ask for. */
    public static final int MAX_PAGE_SIZE = 500;

    @PersistenceContext(unitName = "queue-job")
    EntityManager em;

    @Inject
    ClusterMembership membership;

    public List<QueueJob> page(JobFilter filter, int first, int pageSize, JobSort sort, boolean ascending) {
        if (first < 0 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("Invalid page: first=" + first + ", size=" + pageSize);
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<QueueJob> query = cb.createQuery(QueueJob.class);
        Root<QueueJob> job = query.from(QueueJob.class);
        query.where(predicates(cb, job, filter));
        JobSort by = sort == null ? JobSort.DATE_CREATED : sort;
        boolean asc = sort != null && ascending;
        query.orderBy(
                asc ? cb.asc(job.get(by.attribute())) : cb.desc(job.get(by.attribute())),
                asc ? cb.asc(job.get("id")) : cb.desc(job.get("id")));
        TypedQuery<QueueJob> typed = em.createQuery(query).setFirstResult(first).setMaxResults(pageSize);
        return typed.getResultList();
    }

    public long count(JobFilter filter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<QueueJob> job = query.from(QueueJob.class);
        query.select(cb.count(job)).where(predicates(cb, job, filter));
        return em.createQuery(query).getSingleResult();
    }

    public Optional<QueueJob> find(UUID uuid) {
        return em.createQuery("SELECT j FROM QueueJob j WHERE j.uuid = :uuid", QueueJob.class)
                .setParameter("uuid", uuid)
                .getResultStream()
                .findFirst();
    }

    /**
     * The job functions of the servers running now. A waiting job of any other function stays pending until a server
     * that has it runs (a rolling deploy, a server down); one whose function no deployment ever registered is failed
     * by the leader instead.
     */
    public Set<String> functionsOnRunningServers() {
        return membership.functionsOfRunningServers();
    }

    /** Whether no running server has {@code jobFunction}: its waiting jobs cannot start now. */
    public boolean noRunningServerHas(String jobFunction) {
        return !functionsOnRunningServers().contains(jobFunction);
    }

    /** Counts of the jobs matching {@code filter} per value of {@code grouping}, largest group first. */
    public List<JobGroup> groups(JobFilter filter, JobGrouping grouping) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<QueueJob> job = query.from(QueueJob.class);
        Expression<Object> key = job.get(grouping.attribute());
        Expression<Long> count = cb.count(job);
        query.multiselect(key, count, cb.avg(job.get("execTimeMillis")))
                .where(predicates(cb, job, filter))
                .groupBy(key)
                .orderBy(cb.desc(count));
        return em.createQuery(query).setMaxResults(MAX_GROUPS).getResultList().stream()
                .map(row -> new JobGroup(groupValue(row.get(0)), row.get(1, Long.class), row.get(2, Double.class)))
                .toList();
    }

    /** The largest job id now: a bulk action leaves out the jobs created after it started. */
    public long maxId() {
        Long max =
                em.createQuery("SELECT MAX(j.id) FROM QueueJob j", Long.class).getSingleResult();
        return max == null ? 0 : max;
    }

    /** How many jobs match {@code filter} among those with an id up to {@code maxId}. */
    public long count(JobFilter filter, long maxId) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<QueueJob> job = query.from(QueueJob.class);
        List<Predicate> where = new ArrayList<>(List.of(predicates(cb, job, filter)));
        where.add(cb.le(job.<Long>get("id"), maxId));
        query.select(cb.count(job)).where(where.toArray(Predicate[]::new));
        return em.createQuery(query).getSingleResult();
    }

    /**
     * A keyset page of a bulk action: up to {@code limit} ids of the jobs matching {@code filter} with an id above
     * {@code afterId} and up to {@code maxId}, ascending. No offset: every page is an index range after the last.
     */
    public List<Long> idsAfter(JobFilter filter, long afterId, long maxId, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<QueueJob> job = query.from(QueueJob.class);
        List<Predicate> where = new ArrayList<>(List.of(predicates(cb, job, filter)));
        where.add(cb.gt(job.<Long>get("id"), afterId));
        where.add(cb.le(job.<Long>get("id"), maxId));
        query.select(job.get("id")).where(where.toArray(Predicate[]::new)).orderBy(cb.asc(job.get("id")));
        return em.createQuery(query).setMaxResults(limit).getResultList();
    }

    /** The ids of the jobs with these uuids (those that exist), ascending. */
    public List<Long> ids(Collection<UUID> uuids) {
        if (uuids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT j.id FROM QueueJob j WHERE j.uuid IN :uuids ORDER BY j.id", Long.class)
                .setParameter("uuids", List.copyOf(uuids))
                .getResultList();
    }

    /** Every job of a graph, oldest first. */
    public List<QueueJob> graphJobs(UUID graphUuid) {
        return em.createQuery("SELECT j FROM QueueJob j WHERE j.graphUuid = :graph ORDER BY j.id", QueueJob.class)
                .setParameter("graph", graphUuid)
                .getResultList();
    }

    /** The dependencies among a graph's jobs, as (parent uuid, child uuid) pairs. */
    @SuppressWarnings("unchecked")
    public List<Dependency> graphDependencies(UUID graphUuid) {
        List<Object[]> rows = em.createNativeQuery(GRAPH_DEPENDENCIES)
                .setParameter(1, graphUuid.toString())
                .getResultList();
        return rows.stream()
                .map(row -> new Dependency(UUID.fromString(row[0].toString()), UUID.fromString(row[1].toString())))
                .toList();
    }

    /** A dependency between two jobs: {@code child} waits for {@code parent}. */
    public record Dependency(UUID parent, UUID child) implements java.io.Serializable {}

    private static final String GRAPH_DEPENDENCIES = """
            SELECT p.uuid, c.uuid
              FROM queue_job_dependency d
              JOIN queue_job p ON p.id = d.parent_id
              JOIN queue_job c ON c.id = d.child_id
             WHERE p.graph_uuid = CAST(?1 AS uuid)""";

    /** Most groups one grouping returns; beyond that a filter is more useful than a longer list. */
    public static final int MAX_GROUPS = 200;

    private static String groupValue(Object value) {
        if (value instanceof JobState state) {
            return state.dbValue();
        }
        return value == null ? null : value.toString();
    }

    static Predicate[] predicates(CriteriaBuilder cb, Root<QueueJob> job, JobFilter filter) {
        List<Predicate> where = new ArrayList<>();
        if (!filter.states().isEmpty()) {
            where.add(job.get("state").in(filter.states()));
        }
        if (filter.channel() != null) {
            where.add(cb.equal(job.get("channel"), filter.channel()));
        }
        if (filter.jobFunction() != null) {
            where.add(cb.equal(job.get("jobFunction"), filter.jobFunction()));
        }
        if (filter.createdFrom() != null) {
            where.add(cb.greaterThanOrEqualTo(job.<Instant>get("dateCreated"), filter.createdFrom()));
        }
        if (filter.createdTo() != null) {
            where.add(cb.lessThan(job.<Instant>get("dateCreated"), filter.createdTo()));
        }
        if (filter.text() != null) {
            String like = "%"
                    + filter.text()
                            .toLowerCase()
                            .replace("\\", "\\\\")
                            .replace("%", "\\%")
                            .replace("_", "\\_") + "%";
            where.add(cb.or(
                    cb.like(cb.lower(job.get("description")), like, '\\'),
                    cb.like(cb.lower(job.get("jobFunction")), like, '\\'),
                    cb.like(cb.lower(job.get("excName")), like, '\\'),
                    cb.like(cb.lower(job.get("excMessage")), like, '\\')));
        }
        return where.toArray(Predicate[]::new);
    }
}
