package org.queuejob.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.queuejob.api.IdentityKey;
import org.queuejob.api.Job;
import org.queuejob.api.JobQueue;
import org.queuejob.domain.model.job.JobEnqueued;
import org.queuejob.domain.model.job.JobEta;
import org.queuejob.domain.model.job.JobOptions;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.domain.model.job.NewJobs;
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.infrastructure.config.CallerNames;
import org.queuejob.infrastructure.config.QueueJobClock;
import org.queuejob.infrastructure.context.ContextValues;
import org.queuejob.infrastructure.interception.JobFunction;
import org.queuejob.infrastructure.interception.JobFunctionCatalog;
import org.queuejob.infrastructure.serialization.ArgumentCodec;

/** Stores delayed calls: the use case behind every {@code @Job} call. */
@ApplicationScoped
public class JobEnqueuer {

    private static final Logger LOG = Logger.getLogger(JobEnqueuer.class.getName());

    @Inject
    ArgumentCodec codec;

    @Inject
    NewJobs jobs;

    @Inject
    @QueueJobClock
    Clock clock;

    @Inject
    Principal caller;

    @Inject
    CallerNames callerNames;

    @Inject
    Event<JobEnqueued> enqueued;

    @Inject
    JobFunctionCatalog catalog;

    @Inject
    ContextValues contextValues;

    @Inject
    JobEnqueuer self;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * Stores a job for a call of {@code function}, in the caller's transaction (or a new one without). Arguments
     * are encoded before any transaction work, so a refused argument never marks the caller's transaction for
     * rollback: the caller gets a {@link org.queuejob.api.JobArgumentException} and decides.
     */
    public UUID enqueue(JobFunction function, Object[] arguments) {
        return enqueue(function, arguments, null);
    }

    /**
     * As {@link #enqueue(JobFunction, Object[])}, with call-site options winning over the {@code @Job} defaults.
     * Returns the uuid of the stored job, or of the waiting job that already holds the same identity key.
     */
    public UUID enqueue(JobFunction function, Object[] arguments, JobQueue.Options callSite) {
        QueueJob job = newJob(function, arguments, callSite);
        Optional<TrappingJobs> trap = TrappingJobs.current();
        if (trap.isPresent()) {
            return trap.get().trap(function, arguments, job);
        }
        return job.identityKey() == null ? storeNew(job).uuid() : self.storeUnlessWaiting(job);
    }

    /**
     * Joins the caller's transaction without the transactional interceptor when there is one, since this is on every
     * caller's path and the interceptor's look-ups cost more than storing the job does; else as {@link #store}.
     */
    private QueueJob storeNew(QueueJob job) {
        if (transactions.getTransactionKey() == null) {
            return self.store(job);
        }
        try {
            return storeInCurrentTransaction(job);
        } catch (RuntimeException e) {
            transactions.setRollbackOnly(); // as the interceptor does when it joins a transaction
            throw e;
        }
    }

    /**
     * The JSON text a job of a call of {@code function} stores its arguments as; an argument that cannot be stored is
     * refused here with a {@link org.queuejob.api.JobArgumentException} naming it.
     */
    public String encode(JobFunction function, Object[] arguments) {
        return codec.encode(function.method(), arguments);
    }

    /** A job for a call, not stored yet; the arguments are encoded (and refused) here. */
    public QueueJob newJob(JobFunction function, Object[] arguments, JobQueue.Options callSite) {
        return newJob(function, encode(function, arguments), callSite);
    }

    /**
     * A job for a call whose arguments were encoded already ({@link #encode}), not stored yet: a graph's node encodes
     * them when it is built and makes its job at {@code delay()}. Options computed from the arguments (an identity key
     * function's) see the same JSON either way.
     */
    public QueueJob newJob(JobFunction function, String json, JobQueue.Options callSite) {
        Instant now = clock.instant();
        QueueJob job = new QueueJob(
                function.name(),
                json,
                options(function, catalog.channel(function), json, callSite, now, codec),
                callerName(),
                now);
        job.carryContext(contextValues.capture());
        return job;
    }

    /**
     * Stores a graph's jobs and edges (indexes into {@code jobs}) in the caller's transaction, unless one of its
     * identity keys is held by a waiting job: see {@link NewJobs#storeGraph}.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Map<Integer, UUID> storeGraph(List<QueueJob> graph, int[] parents, int[] children) {
        Map<Integer, UUID> holders = jobs.storeGraph(graph, parents, children);
        if (holders.isEmpty()) {
            graph.stream()
                    .filter(job -> job.state() == JobState.PENDING)
                    .forEach(job -> enqueued.fire(JobEnqueued.of(job)));
        }
        return holders;
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public UUID storeUnlessWaiting(QueueJob job) {
        UUID holder = jobs.storeUnlessWaiting(job);
        if (holder.equals(job.uuid())) {
            enqueued.fire(JobEnqueued.of(job));
        }
        return holder;
    }

    private static JobOptions options(
            JobFunction function,
            String channel,
            String json,
            JobQueue.Options callSite,
            Instant now,
            ArgumentCodec codec) {
        Job defaults = function.defaults();
        if (callSite == null) {
            return new JobOptions(
                    defaults.priority(), null, defaults.maxRetries(), function.defaultDescription(), channel, null);
        }
        Instant eta = callSite.etaAt() != null
                ? callSite.etaAt()
                : callSite.etaIn() == null ? null : JobEta.after(now, callSite.etaIn());
        int priority = callSite.priority() == null ? defaults.priority() : callSite.priority();
        String description = callSite.description() == null ? function.defaultDescription() : callSite.description();
        String jobChannel = callSite.channel() == null ? channel : callSite.channel();
        return new JobOptions(
                priority,
                eta,
                callSite.maxRetries() == null ? defaults.maxRetries() : callSite.maxRetries(),
                description,
                jobChannel,
                callSite.identityKeyFunction() == null
                        ? callSite.identityKey()
                        : identityKey(
                                callSite,
                                new IdentityKey.NewJob(
                                        function.name(),
                                        json,
                                        codec.canonical(function.method(), json),
                                        description,
                                        jobChannel,
                                        priority)));
    }

    private static String identityKey(JobQueue.Options callSite, IdentityKey.NewJob job) {
        String key = callSite.identityKeyFunction().of(job);
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("The identity key function gave no key for " + job.jobFunction());
        }
        return key;
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public QueueJob store(QueueJob job) {
        return storeInCurrentTransaction(job);
    }

    private QueueJob storeInCurrentTransaction(QueueJob job) {
        jobs.store(job);
        enqueued.fire(JobEnqueued.of(job));
        return job;
    }

    private String callerName() {
        try {
            return callerNames.nameOf(caller);
        } catch (RuntimeException e) {
            // Some threads (timers, managed executors) carry no security context: the job simply has no user.
            LOG.log(Level.FINE, "No caller principal for a new job", e);
            return null;
        }
    }
}
