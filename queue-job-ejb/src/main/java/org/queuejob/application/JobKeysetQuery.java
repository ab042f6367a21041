package org.queuejob.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.queuejob.domain.model.job.QueueJob;

/**
 * Keyset pages of jobs for the REST API: the Jobs screen's filters and sort columns, each page starting after the
 * (sort value, id) of the previous page's last job instead of at an offset. Paging through a list while jobs change
 * state therefore neither repeats nor skips a job whose sort value does not change (creation date, the default, never
 * does); a job whose sort value changes meanwhile (its priority, eta, state) moves to its new place, as in any live
 * list. Nulls sort as PostgreSQL sorts them: last going up, first going down.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class JobKeysetQuery {

    @PersistenceContext(unitName = "queue-job")
    EntityManager em;

    /** Up to {@code limit} jobs matching {@code filter} after {@code after} (null: from the start). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public JobPage page(JobFilter filter, JobSort sort, boolean ascending, JobCursor after, int limit) {
        if (limit < 1 || limit > JobQueryService.MAX_PAGE_SIZE) {
            throw new InvalidRequestException(
                    "A page holds 1 to " + JobQueryService.MAX_PAGE_SIZE + " jobs, not " + limit + ".");
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<QueueJob> query = cb.createQuery(QueueJob.class);
        Root<QueueJob> job = query.from(QueueJob.class);
        List<Predicate> where = new ArrayList<>(Arrays.asList(JobQueryService.predicates(cb, job, filter)));
        Path<Comparable> x = job.get(sort.attribute());
        Path<Long> id = job.get("id");
        if (after != null) {
            Comparable value = (Comparable) after.value();
            long lastId = after.id();
            if (ascending) {
                where.add(
                        value == null
                                ? cb.and(cb.isNull(x), cb.greaterThan(id, lastId))
                                : cb.or(
                                        cb.greaterThan(x, value),
                                        cb.and(cb.equal(x, value), cb.greaterThan(id, lastId)),
                                        cb.isNull(x)));
            } else {
                where.add(
                        value == null
                                ? cb.or(cb.and(cb.isNull(x), cb.lessThan(id, lastId)), cb.isNotNull(x))
                                : cb.or(cb.lessThan(x, value), cb.and(cb.equal(x, value), cb.lessThan(id, lastId))));
            }
        }
        query.where(where.toArray(Predicate[]::new))
                .orderBy(ascending ? cb.asc(x) : cb.desc(x), ascending ? cb.asc(id) : cb.desc(id));
        List<QueueJob> rows = em.createQuery(query).setMaxResults(limit + 1).getResultList();
        if (rows.size() <= limit) {
            return new JobPage(rows, null);
        }
        List<QueueJob> page = List.copyOf(rows.subList(0, limit));
        return new JobPage(page, JobCursor.after(sort, ascending, page.get(limit - 1)));
    }
}
