package org.queuejob.application;

import jakarta.annotation.Resource;
import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
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
import org.queuejob.domain.model.job.IllegalJobStateException;
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

    /** A job the action no longer applies to (done, cancelled with its parent, … since it was selected). */
    static final String NO_LONGER_APPLIES = "no longer in a state this action applies to (it changed meanwhile).";

    static final String UNEXPECTED = "an unexpected error (the details are in the server log).";

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
            progress.finish("Could not select the jobs (the details are in the server log).");
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
                progress.chunkDone(chunk.size(), applyChunk(request, chunk, progress));
            }
            progress.finish(null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Bulk action stopped", e);
            progress.finish("Stopped early by an unexpected error (the details are in the server log).");
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

    private int applyChunk(BulkRequest request, List<UUID> chunk, BulkProgress progress) {
        try {
            int changed = chunks.apply(request, chunk);
            progress.notChanged(NO_LONGER_APPLIES, chunk.size() - changed);
            return changed;
        } catch (RuntimeException e) {
            int changed = 0;
            for (UUID uuid : chunk) {
                try {
                    int one = chunks.apply(request, List.of(uuid));
                    changed += one;
                    progress.notChanged(NO_LONGER_APPLIES, 1 - one);
                } catch (RuntimeException alone) {
                    progress.notChanged(reason(alone), 1);
                    LOG.log(Level.FINE, alone, () -> "Bulk " + request.action() + " skipped job " + uuid);
                }
            }
            return changed;
        }
    }

    /** A refusal's own sentence; anything else is logged and named generically. */
    static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidSettingException || cause instanceof IllegalJobStateException) {
                return cause.getMessage();
            }
        }
        LOG.log(Level.WARNING, "A job of a bulk action failed unexpectedly", failure);
        return UNEXPECTED;
    }
}
