package org.queuejob.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.queuejob.domain.model.job.QueueJob;

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

    private static Predicate[] predicates(CriteriaBuilder cb, Root<QueueJob> job, JobFilter filter) {
        List<Predicate> where = new ArrayList<>();
        if (!filter.states().isEmpty()) {
            where.add(job.get("state").in(filter.states()));
        }
        if (filter.channel() != null) {
            where.add(cb.equal(job.get("channel"), filter.channel()));
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
                    cb.like(cb.lower(job.get("excMessage")), like, '\\')));
        }
        return where.toArray(Predicate[]::new);
    }
}
