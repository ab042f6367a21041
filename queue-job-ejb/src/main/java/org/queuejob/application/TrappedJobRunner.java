package org.queuejob.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.queuejob.domain.model.job.ClaimedJob;
import org.queuejob.infrastructure.execution.JobExecutor;

/**
 * Runs a trapped job ({@link org.queuejob.api.JobsTrap#performEnqueuedJobs}) as a worker runs a stored one:
 * in a transaction of its own (the caller's, if any, is suspended), committed when the method returns and rolled
 * back on any exception, checked ones included.
 */
@ApplicationScoped
public class TrappedJobRunner {

    @Inject
    JobExecutor executor;

    @Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = Exception.class)
    public Object run(ClaimedJob job) throws Exception {
        return executor.invoke(job);
    }
}
