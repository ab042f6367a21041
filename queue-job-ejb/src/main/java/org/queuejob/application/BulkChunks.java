package org.queuejob.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.queuejob.domain.model.bulk.BulkActionRuns.ChunkCounts;
import org.queuejob.domain.model.job.JobRepository;
import org.queuejob.domain.model.job.QueueJob;

/**
 * One chunk of a bulk action, in the caller's transaction (the batch chunk's, which also moves the action's
 * checkpoint): every job is locked first and its state read under the lock, so the action applies only to jobs whose
 * state allows it and the single-job operation that follows cannot be refused. Every job goes through {@link
 * JobAdminService}, as from the job's own page: cancel cascades, set done releases children, the state table holds.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class BulkChunks {

    @EJB
    JobAdminService admin;

    @Inject
    JobRepository jobs;

    /** Applies {@code request} to the jobs {@code ids} (ascending), on behalf of {@code user}. */
    public ChunkCounts apply(BulkRequest request, List<Long> ids, String user) {
        int changed = 0;
        int skippedState = 0;
        int skippedGone = 0;
        for (long id : ids) {
            Optional<QueueJob> locked = jobs.lockById(id);
            if (locked.isEmpty()) {
                skippedGone++;
                continue;
            }
            QueueJob job = locked.get();
            if (!request.action().appliesTo().contains(job.state())) {
                // Done or cancelled meanwhile, or cancelled with its parent earlier in this very action.
                skippedState++;
                continue;
            }
            switch (request.action()) {
                case REQUEUE -> admin.requeue(job);
                case SET_DONE -> admin.markDone(job, user);
                case CANCEL -> admin.cancel(job, user);
                case CHANGE_PRIORITY -> admin.changePriority(job, request.priority());
                case CHANGE_CHANNEL -> admin.changeChannel(job, request.channel());
            }
            changed++;
        }
        long lastId = ids.isEmpty() ? 0 : ids.get(ids.size() - 1);
        return new ChunkCounts(lastId, changed, skippedState, skippedGone);
    }
}
