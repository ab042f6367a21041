package org.queuejob.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.queuejob.domain.model.job.QueueJob;

/** One chunk of a bulk action, in a transaction of its own: all of its jobs change, or none. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class BulkChunks {

    @EJB
    JobAdminService admin;

    @EJB
    JobQueryService queries;

    /**
     * Applies the action to every job of the chunk still in a state it applies to (a cancel earlier in the action
     * may have cancelled this job with its parent); returns how many changed.
     */
    public int apply(BulkRequest request, List<UUID> uuids) {
        int changed = 0;
        for (UUID uuid : uuids) {
            Optional<QueueJob> job = queries.find(uuid);
            if (job.isEmpty()
                    || !request.action().appliesTo().contains(job.get().state())) {
                continue;
            }
            changed++;
            switch (request.action()) {
                case REQUEUE -> admin.requeue(uuid);
                case SET_DONE -> admin.markDone(uuid);
                case CANCEL -> admin.cancel(uuid);
                case CHANGE_PRIORITY -> admin.changePriority(uuid, request.priority());
                case CHANGE_CHANNEL -> admin.changeChannel(uuid, request.channel());
            }
        }
        return changed;
    }
}
