package org.queuejob.infrastructure.execution;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.queuejob.domain.model.job.ClaimedJob;
import org.queuejob.domain.model.job.JobRepository;
import org.queuejob.domain.scheduling.CandidateJob;

/**
 * The dispatcher's and the workers' statements, each committed on its own so a dispatch or a take is visible
 * before its jobs start. A stateless
 * session bean so that the dispatcher's thread, which the container starts without a component context, has one
 * while it works with the database (see {@link JobRunner}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DispatchStatements {

    @Inject
    JobRepository jobs;

    public List<CandidateJob> pendingHeads(
            String channel,
            Collection<String> children,
            int limit,
            boolean includeFutureEta,
            Collection<String> functions,
            Instant now) {
        return jobs.pendingHeads(channel, children, limit, includeFutureEta, functions, now);
    }

    public List<Long> dispatch(Collection<Long> ids, long epoch, Instant now) {
        return jobs.dispatch(ids, epoch, now);
    }

    public Map<Long, String> occupying() {
        return jobs.occupying();
    }

    public List<ClaimedJob> takeDispatched(int max, String worker, Collection<String> functions, Instant now) {
        return jobs.takeDispatched(max, worker, functions, now);
    }

    /** The safety net for releasing children: two parents finishing at once may each see the other not done yet. */
    public int releaseAllReady() {
        return jobs.releaseAllReady();
    }

    public Map<Long, String> failedUnder(String channel) {
        return jobs.failedUnder(channel);
    }

    public Map<String, Long> countWaitingOutside(Collection<String> functions) {
        return jobs.countWaitingOutside(functions);
    }

    public Optional<Instant> nextEta(Instant now) {
        return jobs.nextEta(now);
    }

    public int releaseAbandoned(String worker, Collection<Long> inFlight) {
        return jobs.releaseAbandoned(worker, inFlight);
    }
}
