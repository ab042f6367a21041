package org.queuejob.infrastructure.persistence;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.queuejob.domain.model.job.JobFilter;
import org.queuejob.domain.model.job.JobQueries.Position;
import org.queuejob.domain.model.job.QueueJob;

/** The conditions of the job list's Criteria queries: a filter, and where a keyset page starts. */
final class JobPredicates {

    private JobPredicates() {}

    /** The conditions of {@code filter}, in a list the caller may add to. */
    static List<Predicate> of(CriteriaBuilder cb, Root<QueueJob> job, JobFilter filter) {
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
        if (filter.worker() != null) {
            where.add(cb.equal(job.get("worker"), filter.worker()));
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
        return where;
    }

    /**
     * The jobs after {@code after} in the order of {@code x} then {@code id}, nulls as PostgreSQL sorts them: last
     * going up, first going down.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Predicate after(CriteriaBuilder cb, Path<Comparable> x, Path<Long> id, boolean ascending, Position after) {
        Comparable value = (Comparable) after.value();
        long lastId = after.id();
        if (ascending) {
            return value == null
                    ? cb.and(cb.isNull(x), cb.greaterThan(id, lastId))
                    : cb.or(
                            cb.greaterThan(x, value),
                            cb.and(cb.equal(x, value), cb.greaterThan(id, lastId)),
                            cb.isNull(x));
        }
        return value == null
                ? cb.or(cb.and(cb.isNull(x), cb.lessThan(id, lastId)), cb.isNotNull(x))
                : cb.or(cb.lessThan(x, value), cb.and(cb.equal(x, value), cb.lessThan(id, lastId)));
    }
}
