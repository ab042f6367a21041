package org.queuejob.infrastructure.execution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import org.queuejob.domain.model.job.JobRepository;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.infrastructure.config.QueueJobClock;
import org.queuejob.infrastructure.interception.JobFunction;
import org.queuejob.infrastructure.interception.JobFunctionRegistry;
import org.queuejob.infrastructure.interception.JobInvoker;
import org.queuejob.infrastructure.serialization.ArgumentCodec;

/**
 * Runs one claimed job in the current transaction (which {@link JobRunner} opens for it): lock the row, mark it
 * started, call the method, mark it done. The done mark commits together with everything the job's method wrote,
 * so a job's effects and its "done" can never be seen apart; any exception rolls both back.
 */
@ApplicationScoped
public class JobExecutor {

    @Inject
    JobRepository jobs;

    @Inject
    JobFunctionRegistry functions;

    @Inject
    ArgumentCodec codec;

    @Inject
    JobInvoker invoker;

    @Inject
    @QueueJobClock
    Clock clock;

    /** Returns false when the job is no longer this worker's to run (cancelled or set done meanwhile). */
    public boolean execute(long id, String worker) throws Exception {
        Optional<QueueJob> locked = jobs.lockById(id);
        if (locked.isEmpty() || locked.get().state() != JobState.ENQUEUED) {
            return false;
        }
        QueueJob job = locked.get();
        job.start(worker, clock.instant());
        JobFunction function =
                functions.find(job.jobFunction()).orElseThrow(() -> new UnknownJobFunctionException(job.jobFunction()));
        Object[] arguments = codec.decode(function.method(), job.arguments());
        Object result = invoker.invoke(function, arguments);
        job.complete(result == null ? null : String.valueOf(result), clock.instant());
        return true;
    }
}
