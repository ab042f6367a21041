package org.queuejob.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import org.queuejob.domain.model.job.JobFilter;
import org.queuejob.domain.model.job.JobQueries;
import org.queuejob.domain.model.job.JobSort;
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

    @Inject
    JobQueries jobs;

    /** Up to {@code limit} jobs matching {@code filter} after {@code after} (null: from the start). */
    public JobPage page(JobFilter filter, JobSort sort, boolean ascending, JobCursor after, int limit) {
        if (limit < 1 || limit > JobQueryService.MAX_PAGE_SIZE) {
            throw new InvalidRequestException(
                    "A page holds 1 to " + JobQueryService.MAX_PAGE_SIZE + " jobs, not " + limit + ".");
        }
        JobQueries.Position from = after == null ? null : new JobQueries.Position(after.value(), after.id());
        // One job more than the page: whether there is a next page, without a count.
        List<QueueJob> rows = jobs.pageAfter(filter, sort, ascending, from, limit + 1);
        if (rows.size() <= limit) {
            return new JobPage(rows, null);
        }
        List<QueueJob> page = List.copyOf(rows.subList(0, limit));
        return new JobPage(page, JobCursor.after(sort, ascending, page.get(limit - 1)));
    }
}
