package org.queuejob.application;

import jakarta.annotation.Resource;
import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.queuejob.domain.model.job.JobState;

/**
 * Requeue, set done, cancel, change priority or channel for many jobs: the selected ones or all that match a
 * filter. Runs in the background ({@code @Asynchronous}), so that 10,000 jobs never meet a request timeout, in
 * chunks of {@value #CHUNK_SIZE} jobs, each chunk in a transaction of its own; every job goes through {@link
 * JobAdminService}, so graphs are released and cancelled exactly as with one job. A chunk that fails (a job changed
 * state meanwhile) is done again job by job, and only the jobs that fail alone are counted as failed.
 *
 * <p>The caller's identity travels with the asynchronous call: "Cancelled by &lt;user&gt;" names the person.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BulkActionService {

    /** Jobs per transaction: small enough to hold few row locks briefly, large enough to commit rarely. */
    static final int CHUNK_SIZE = 200;

    private static final Logger LOG = Logger.getLogger(BulkActionService.class.getName());
    private static final String FINISHED = "%s of %d jobs by %s: %d changed, %d not changed";

    @EJB
    JobQueryService queries;

    @EJB
    BulkChunks chunks;

    @Resource
    SessionContext context;

    /** The selected jobs; those whose state the action does not apply to are left out. */
    @Asynchronous
    public Future<BulkProgress> apply(BulkRequest request, Collection<UUID> selected, BulkProgress progress) {
        return run(request, List.copyOf(selected), progress);
    }

    /** Every job matching the filter, whose state the action applies to, as found when the action starts. */
    @Asynchronous
    public Future<BulkProgress> applyToMatching(BulkRequest request, JobFilter filter, BulkProgress progress) {
        Objects.requireNonNull(filter, "A filter is required.");
        List<UUID> uuids;
        try {
            uuids = queries.uuids(filter, request.action().appliesTo());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not select the jobs of a bulk action", e);
            progress.finish("Could not select the jobs: " + e.getMessage());
            return new AsyncResult<>(progress);
        }
        return run(request, uuids, progress);
    }

    /** How many jobs an action on everything matching {@code filter} would go through now. */
    public long countMatching(BulkAction action, JobFilter filter) {
        Set<JobState> states = filter.states().isEmpty()
                ? action.appliesTo()
                : filter.states().stream().filter(action.appliesTo()::contains).collect(Collectors.toSet());
        if (states.isEmpty()) {
            return 0;
        }
        return queries.count(new JobFilter(
                states,
                filter.channel(),
                filter.jobFunction(),
                filter.createdFrom(),
                filter.createdTo(),
                filter.text()));
    }

    private Future<BulkProgress> run(BulkRequest request, List<UUID> uuids, BulkProgress progress) {
        progress.start(uuids.size());
        try {
            for (int from = 0; from < uuids.size(); from += CHUNK_SIZE) {
                List<UUID> chunk = uuids.subList(from, Math.min(uuids.size(), from + CHUNK_SIZE));
                progress.chunkDone(chunk.size(), applyChunk(request, chunk));
            }
            progress.finish(null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Bulk action stopped", e);
            progress.finish("Stopped: " + e.getMessage());
        }
        LOG.info(() -> String.format(
                FINISHED,
                request.action().label(),
                progress.total(),
                context.getCallerPrincipal().getName(),
                progress.changed(),
                progress.failed()));
        return new AsyncResult<>(progress);
    }

    private int applyChunk(BulkRequest request, List<UUID> chunk) {
        try {
            return chunks.apply(request, chunk);
        } catch (EJBException e) {
            int changed = 0;
            for (UUID uuid : chunk) {
                try {
                    changed += chunks.apply(request, List.of(uuid));
                } catch (EJBException alone) {
                    LOG.fine(() -> "Bulk " + request.action() + " skipped job " + uuid + ": " + alone.getMessage());
                }
            }
            return changed;
        }
    }
}
