package org.queuejob.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.queuejob.domain.model.job.JobDependency;
import org.queuejob.domain.model.job.JobFilter;
import org.queuejob.domain.model.job.JobGroup;
import org.queuejob.domain.model.job.JobGrouping;
import org.queuejob.domain.model.job.JobQueries;
import org.queuejob.domain.model.job.JobSort;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.domain.model.job.RunTakenAway;
import org.queuejob.domain.model.server.FunctionReach;
import org.queuejob.infrastructure.cluster.ClusterMembership;
import org.queuejob.infrastructure.config.QueueJobClock;
import org.queuejob.infrastructure.execution.CancelInterrupts;
import org.queuejob.infrastructure.execution.JobTimeouts;

/**
 * Read side of the back office: database-paged, filtered, sorted job lists and single jobs. A stateless session
 * bean, which the back office and applications (other modules of an EAR) reach with {@code @EJB}; its reads join
 * the caller's transaction when there is one and need none.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class JobQueryService {

    /** Largest page the back office may ask for. */
    public static final int MAX_PAGE_SIZE = 500;

    /**
     * How far the back office's job list counts: beyond it, it says "more than". An exact count of a busy channel's
     * done jobs reads every one of them (0.4 s for 900,000 on the benchmark's machine), on every refresh of the page.
     */
    public static final long LIST_COUNTED_UP_TO = 10_000;

    /** Most groups one grouping returns; beyond that a filter is more useful than a longer list. */
    public static final int MAX_GROUPS = 200;

    @Inject
    JobQueries jobs;

    @Inject
    ClusterMembership membership;

    @Inject
    JobTimeouts timeouts;

    @Inject
    CancelInterrupts cancelInterrupts;

    @Inject
    @QueueJobClock
    Clock clock;

    /** A page of the jobs matching {@code filter}; without a sort, newest first. */
    public List<QueueJob> page(JobFilter filter, int first, int pageSize, JobSort sort, boolean ascending) {
        if (first < 0 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("Invalid page: first=" + first + ", size=" + pageSize);
        }
        JobSort by = sort == null ? JobSort.DATE_CREATED : sort;
        return jobs.page(filter, first, pageSize, by, sort != null && ascending);
    }

    public long count(JobFilter filter) {
        return jobs.count(filter);
    }

    /** How many jobs match {@code filter}, up to {@code limit}; a result above {@code limit} means more. */
    public long countAtMost(JobFilter filter, long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("Invalid count limit: " + limit);
        }
        return jobs.countAtMost(filter, limit);
    }

    public Optional<QueueJob> find(UUID uuid) {
        return jobs.find(uuid);
    }

    /**
     * Which running servers can run {@code jobFunction} now. A waiting job of a function no server taking jobs has
     * stays pending until one that has it runs or resumes (a rolling deploy, a server down or quiet); one whose
     * function no deployment ever registered is failed by the leader instead.
     */
    public FunctionReach reachOf(String jobFunction) {
        return membership.reachOfFunctions().getOrDefault(jobFunction, FunctionReach.NONE);
    }

    /**
     * Whether no running server taking jobs has {@code jobFunction}: its waiting jobs cannot start now (no server has
     * it, or only quiet ones do; {@link #reachOf} tells which).
     */
    public boolean noRunningServerHas(String jobFunction) {
        return !reachOf(jobFunction).runnable();
    }

    /** The queue's time now: how long ago something happened, as the queue's clock reads it. */
    public Instant now() {
        return clock.instant();
    }

    /**
     * How far a running job is past its timeout, if it is: only a job marked {@code started} (after a second of
     * running) has a start the database knows before it ends.
     */
    public Optional<Overrun> overrun(QueueJob job) {
        if (job.state() != JobState.STARTED || job.dateStarted() == null) {
            return Optional.empty();
        }
        String function = job.jobFunction();
        Duration ranFor = Duration.between(job.dateStarted(), clock.instant());
        return timeouts.isPast(function, ranFor)
                ? Optional.of(new Overrun(
                        ranFor,
                        Duration.ofSeconds(timeouts.secondsFor(function)),
                        timeouts.settingFor(function),
                        timeouts.interrupts(function),
                        timeouts.interruptSettingFor(function)))
                : Optional.empty();
    }

    /** What a cancel, set done or requeue does to a running job of {@code jobFunction}: interrupt it or not. */
    public CancelInterrupt cancelInterrupt(String jobFunction) {
        return new CancelInterrupt(cancelInterrupts.interrupts(jobFunction), cancelInterrupts.settingFor(jobFunction));
    }

    /**
     * The runs of {@code job} that go on after it was cancelled, set done or requeued while they ran (not interrupted,
     * or deaf to it): each holds a worker and a slot of its channel until it returns.
     */
    public List<RunTakenAway> runsTakenAway(QueueJob job) {
        return jobs.runsTakenAway(job.id());
    }

    /** Counts of the jobs matching {@code filter} per value of {@code grouping}, largest group first. */
    public List<JobGroup> groups(JobFilter filter, JobGrouping grouping) {
        return jobs.groups(filter, grouping, MAX_GROUPS);
    }

    /** The largest job id now: a bulk action leaves out the jobs created after it started. */
    public long maxId() {
        return jobs.maxId();
    }

    /** How many jobs match {@code filter} among those with an id up to {@code maxId}. */
    public long count(JobFilter filter, long maxId) {
        return jobs.countUpTo(filter, maxId);
    }

    /**
     * A keyset page of a bulk action: up to {@code limit} ids of the jobs matching {@code filter} with an id above
     * {@code afterId} and up to {@code maxId}, ascending. No offset: every page is an index range after the last.
     */
    public List<Long> idsAfter(JobFilter filter, long afterId, long maxId, int limit) {
        return jobs.idsAfter(filter, afterId, maxId, limit);
    }

    /** The ids of the jobs with these uuids, by uuid: a uuid of no job is absent. */
    public Map<UUID, Long> ids(Collection<UUID> uuids) {
        return jobs.ids(uuids);
    }

    /** Every job of a graph, oldest first. */
    public List<QueueJob> graphJobs(UUID graphUuid) {
        return jobs.graphJobs(graphUuid);
    }

    /** The dependencies among a graph's jobs. */
    public List<JobDependency> graphDependencies(UUID graphUuid) {
        return jobs.graphDependencies(graphUuid);
    }
}
