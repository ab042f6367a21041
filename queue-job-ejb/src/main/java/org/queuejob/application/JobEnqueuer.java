package org.queuejob.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.queuejob.api.Job;
import org.queuejob.api.JobQueue;
import org.queuejob.domain.model.job.JobOptions;
import org.queuejob.domain.model.job.JobRepository;
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.infrastructure.config.QueueJobClock;
import org.queuejob.infrastructure.interception.JobFunction;
import org.queuejob.infrastructure.serialization.ArgumentCodec;

/** Stores delayed calls: the use case behind every {@code @Job} call. */
@ApplicationScoped
public class JobEnqueuer {

    private static final Logger LOG = Logger.getLogger(JobEnqueuer.class.getName());

    @Inject
    ArgumentCodec codec;

    @Inject
    JobRepository jobs;

    @Inject
    @QueueJobClock
    Clock clock;

    @Inject
    Principal caller;

    @Inject
    Event<JobEnqueued> enqueued;

    @Inject
    JobEnqueuer self;

    /**
     * Stores a job for a call of {@code function}, in the caller's transaction (or a new one without). Arguments
     * are encoded before any transaction work, so a refused argument never marks the caller's transaction for
     * rollback: the caller gets a {@link org.queuejob.api.JobArgumentException} and decides.
     */
    public QueueJob enqueue(JobFunction function, Object[] arguments) {
        return enqueue(function, arguments, null);
    }

    /** As {@link #enqueue(JobFunction, Object[])}, with call-site options winning over the {@code @Job} defaults. */
    public QueueJob enqueue(JobFunction function, Object[] arguments, JobQueue.Options callSite) {
        String json = codec.encode(function.method(), arguments);
        Instant now = clock.instant();
        return self.store(new QueueJob(function.name(), json, options(function, callSite, now), callerName(), now));
    }

    private static JobOptions options(JobFunction function, JobQueue.Options callSite, Instant now) {
        Job defaults = function.defaults();
        if (callSite == null) {
            return new JobOptions(
                    defaults.priority(),
                    null,
                    defaults.maxRetries(),
                    function.defaultDescription(),
                    defaults.channel(),
                    null);
        }
        Instant eta = callSite.etaAt() != null
                ? callSite.etaAt()
                : callSite.etaIn() == null ? null : now.plus(callSite.etaIn());
        return new JobOptions(
                callSite.priority() == null ? defaults.priority() : callSite.priority(),
                eta,
                callSite.maxRetries() == null ? defaults.maxRetries() : callSite.maxRetries(),
                callSite.description() == null ? function.defaultDescription() : callSite.description(),
                callSite.channel() == null ? defaults.channel() : callSite.channel(),
                null);
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public QueueJob store(QueueJob job) {
        jobs.store(job);
        enqueued.fire(new JobEnqueued(job.uuid(), job.channel()));
        return job;
    }

    private String callerName() {
        try {
            String name = caller.getName();
            return name == null || name.equals("ANONYMOUS") ? null : name;
        } catch (RuntimeException e) {
            // Some threads (timers, managed executors) carry no security context: the job simply has no user.
            LOG.log(Level.FINE, "No caller principal for a new job", e);
            return null;
        }
    }
}
