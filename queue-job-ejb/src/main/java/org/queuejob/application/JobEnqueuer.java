package org.queuejob.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
            trap.get().trap(function, arguments, job);
            return job.uuid();
        }
        return job.identityKey() == null ? self.store(job).uuid() : self.storeUnlessWaiting(job);
    }

    /** A job for a call, not stored yet; the arguments are encoded (and refused) here. */
    public QueueJob newJob(JobFunction function, Object[] arguments, JobQueue.Options callSite) {
        String json = codec.encode(function.method(), arguments);
        Instant now = clock.instant();
        return new QueueJob(function.name(), json, options(function, json, callSite, now), callerName(), now);
    }

    /** Stores a graph's jobs and edges (indexes into {@code jobs}) in the caller's transaction. */
    @Transactional(Transactional.TxType.REQUIRED)
    public void storeGraph(List<QueueJob> graph, int[] parents, int[] children) {
        jobs.storeGraph(graph, parents, children);
        enqueued.fire(new JobEnqueued(graph.get(0).uuid(), graph.get(0).channel()));
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public UUID storeUnlessWaiting(QueueJob job) {
        UUID holder = jobs.storeUnlessWaiting(job);
        if (holder.equals(job.uuid())) {
            enqueued.fire(new JobEnqueued(job.uuid(), job.channel()));
        }
        return holder;
    }

    /** The original's identity_exact: SHA-1 of the job function and the stored JSON of its arguments. */
    static String identityExact(String function, String argumentsJson) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(function.getBytes(StandardCharsets.UTF_8));
            sha1.update((byte) 0);
            sha1.update(argumentsJson.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java platform", e);
        }
    }

    private static JobOptions options(JobFunction function, String json, JobQueue.Options callSite, Instant now) {
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
                callSite.isIdentityExact() ? identityExact(function.name(), json) : callSite.identityKey());
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
