package org.queuejob.infrastructure.observability;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.queuejob.api.JobDone;
import org.queuejob.api.JobFailed;
import org.queuejob.api.JobRetried;
import org.queuejob.domain.model.job.ClaimedJob;
import org.queuejob.infrastructure.notification.FailureMail;

/**
 * Told by the worker of every job's outcome once it committed: counts it (per job function, in memory), times it, and
 * fires the CDI event for it when some bean observes that event, synchronously or asynchronously.
 *
 * <p>Cost per job: a counter increment and two timer updates in memory; an event nobody observes is not even built
 * (whether each event type has observers is decided once, at the first job: observers cannot change after
 * deployment). No database work, no reflection.
 */
@ApplicationScoped
public class JobOutcomes {

    public static final String DONE = "queue_job.done";
    public static final String FAILED = "queue_job.failed";
    public static final String RETRIED = "queue_job.retried";
    public static final String RUN_TIME = "queue_job.run_micros";
    public static final String START_LATENCY = "queue_job.start_latency_micros";

    private static final Logger LOG = Logger.getLogger(JobOutcomes.class.getName());

    @Inject
    Meters metrics;

    @Inject
    BeanManager beans;

    @Inject
    Event<JobDone> done;

    @Inject
    Event<JobFailed> failed;

    @Inject
    Event<JobRetried> retried;

    @Inject
    FailureMail mail;

    private final ConcurrentMap<String, Meters.Count[]> counters = new ConcurrentHashMap<>();
    private Meters.Distribution runTime;
    private Meters.Distribution startLatency;
    private volatile Observed observed;

    /** Which events have synchronous and asynchronous observers. */
    private record Observed(
            boolean doneSync,
            boolean doneAsync,
            boolean failedSync,
            boolean failedAsync,
            boolean retriedSync,
            boolean retriedAsync) {}

    @PostConstruct
    void registerTimers() {
        runTime = metrics.histogram(
                RUN_TIME, "Microseconds jobs ran (their method and done mark, or until their failure), on this server");
        startLatency = metrics.histogram(
                START_LATENCY,
                "Microseconds from a job's creation (or its eta, if later) to the start of its first try, on this"
                        + " server");
    }

    /** A try starts: the start latency of a first try. */
    public void started(ClaimedJob job, Instant startedAt) {
        if (job.triesBefore() == 0 && job.readyAt() != null) {
            Duration latency = Duration.between(job.readyAt(), startedAt);
            if (!latency.isNegative()) {
                startLatency.record(micros(latency));
            }
        }
    }

    /** The job's done mark committed. */
    public void done(ClaimedJob job, Instant startedAt, Instant endedAt) {
        countersOf(job.jobFunction())[0].inc();
        runTime.record(micros(Duration.between(startedAt, endedAt)));
        Observed o = observed();
        if (o.doneSync || o.doneAsync) {
            JobDone event = new JobDone(
                    job.uuid(), job.jobFunction(), job.channel(), job.triesBefore() + 1, startedAt, endedAt);
            fire(done, event, o.doneSync, o.doneAsync);
        }
    }

    /** The job's failure committed: it is failed for good. */
    public void failed(ClaimedJob job, Throwable failure, Instant startedAt, Instant endedAt) {
        countersOf(job.jobFunction())[1].inc();
        runTime.record(micros(Duration.between(startedAt, endedAt)));
        Observed o = observed();
        boolean mailed = mail.isEnabled();
        if (o.failedSync || o.failedAsync || mailed) {
            JobFailed event = new JobFailed(
                    job.uuid(),
                    job.jobFunction(),
                    job.channel(),
                    job.triesBefore() + 1,
                    failure.getClass().getName(),
                    failure.getMessage(),
                    endedAt);
            tell(event, o, mailed);
        }
    }

    /**
     * Jobs failed for good whose last try no server saw end (its server died while it ran: {@link
     * org.queuejob.domain.model.job.RunCutShort}), once the statement that failed them committed: counted and told
     * as every failure is.
     */
    public void failedUnrun(List<JobFailed> failures) {
        if (failures.isEmpty()) {
            return;
        }
        Observed o = observed();
        boolean mailed = mail.isEnabled();
        for (JobFailed failure : failures) {
            countersOf(failure.jobFunction())[1].inc();
            tell(failure, o, mailed);
        }
    }

    private void tell(JobFailed event, Observed o, boolean mailed) {
        fire(failed, event, o.failedSync, o.failedAsync);
        if (mailed) {
            fire(() -> mail.failed(event));
        }
    }

    /** The job's postponement committed: it is pending again for a retry. */
    public void retried(ClaimedJob job, Throwable failure, Instant startedAt, Instant endedAt) {
        countersOf(job.jobFunction())[2].inc();
        runTime.record(micros(Duration.between(startedAt, endedAt)));
        Observed o = observed();
        if (o.retriedSync || o.retriedAsync) {
            JobRetried event = new JobRetried(
                    job.uuid(),
                    job.jobFunction(),
                    job.channel(),
                    job.triesBefore() + 1,
                    failure.getClass().getName(),
                    failure.getMessage(),
                    endedAt);
            fire(retried, event, o.retriedSync, o.retriedAsync);
        }
    }

    /** Distributions of microseconds, exported as recorded (see {@link MicroProfileMeters#histogram}). */
    private static long micros(Duration duration) {
        return duration.toNanos() / 1_000;
    }

    /** Jobs done, failed and retried on this server since it started, for one job function. */
    public long[] counts(String jobFunction) {
        Meters.Count[] c = counters.get(jobFunction);
        return c == null ? new long[3] : new long[] {c[0].count(), c[1].count(), c[2].count()};
    }

    private Meters.Count[] countersOf(String function) {
        Meters.Count[] found = counters.get(function);
        return found != null ? found : counters.computeIfAbsent(function, this::register);
    }

    private Meters.Count[] register(String function) {
        return new Meters.Count[] {
            metrics.counter(DONE, "Jobs done on this server, per job function", "function", function),
            metrics.counter(FAILED, "Jobs failed for good on this server, per job function", "function", function),
            metrics.counter(
                    RETRIED, "Tries that ended with a retry on this server, per job function", "function", function)
        };
    }

    private Observed observed() {
        Observed o = observed;
        if (o == null) {
            o = new Observed(
                    has(JobDone.class, false),
                    has(JobDone.class, true),
                    has(JobFailed.class, false),
                    has(JobFailed.class, true),
                    has(JobRetried.class, false),
                    has(JobRetried.class, true));
            observed = o;
            Observed seen = o;
            LOG.fine(() -> "Job outcome observers: " + seen);
        }
        return o;
    }

    private boolean has(Class<?> eventType, boolean async) {
        Object sample = sample(eventType);
        Set<ObserverMethod<? super Object>> observers = beans.resolveObserverMethods(sample);
        return observers.stream().anyMatch(observer -> observer.isAsync() == async);
    }

    private static Object sample(Class<?> eventType) {
        UUID none = new UUID(0, 0);
        Instant now = Instant.EPOCH;
        if (eventType == JobDone.class) {
            return new JobDone(none, "", "", 0, now, now);
        }
        if (eventType == JobFailed.class) {
            return new JobFailed(none, "", "", 0, "", "", now);
        }
        return new JobRetried(none, "", "", 0, "", "", now);
    }

    /** To the synchronous observers, then to the asynchronous ones, as each kind exists. */
    private static <T> void fire(Event<T> channel, T event, boolean sync, boolean async) {
        if (sync) {
            fire(() -> channel.fire(event));
        }
        if (async) {
            fire(() -> channel.fireAsync(event));
        }
    }

    /** An observer's failure is its own: the outcome is committed, and the worker goes on. */
    private static void fire(Runnable firing) {
        try {
            firing.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "An observer of a job outcome failed; the outcome itself is recorded", e);
        }
    }
}
