package org.queuejob.application;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.queuejob.domain.model.job.ChannelName;
import org.queuejob.domain.model.job.HeldRun;
import org.queuejob.domain.model.job.JobEnqueued;
import org.queuejob.domain.model.job.JobRepository;
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.infrastructure.config.CallerNames;
import org.queuejob.infrastructure.config.QueueJobClock;

/**
 * What a person does to jobs (the original's buttons and wizards, §F35): requeue, set done, cancel. Each locks the
 * job's row for its transaction and goes through the aggregate's state table.
 *
 * <p>A job may be running while this happens: its row is not locked while it runs, so the action does not wait,
 * and wins; the running job's done mark then finds the job changed and its work is rolled back. Until that run returns
 * it keeps its channel's slot: the action records it as taken away ({@link JobRepository#recordRunTakenAway}).
 *
 * <p>No role check here: applications may call it from their own code. The back office checks the manager role.
 */
@Stateless
public class JobAdminService {

    /** Who acted, when the call carries no authenticated user (a timer, a test). */
    static final String NOBODY = "system";

    @Inject
    JobRepository jobs;

    @Inject
    Principal caller;

    @Inject
    CallerNames callerNames;

    @Inject
    Event<JobEnqueued> enqueued;

    @Inject
    @QueueJobClock
    Clock clock;

    /** Back to pending with the try counter at 0; the failure details stay for the record. */
    public void requeue(UUID uuid) {
        requeue(locked(uuid));
    }

    /**
     * As {@link #requeue(UUID)}, for a job the caller locked in this transaction ({@link JobRepository#lockById}): a
     * bulk action, which has locked and checked a chunk's jobs already.
     */
    public void requeue(QueueJob locked) {
        Optional<HeldRun> held = locked.heldRun();
        locked.requeue(jobs.parentsAllDone(locked.id()));
        takenAway(held);
        enqueued.fire(JobEnqueued.of(locked));
    }

    /** Done by hand: "Manually set to done by &lt;user&gt;"; releases the children now free to run. */
    public void markDone(UUID uuid) {
        markDone(locked(uuid), who());
    }

    /** As {@link #markDone(UUID)}, for a locked job, on behalf of {@code user} (a bulk action runs in no request). */
    public void markDone(QueueJob locked, String user) {
        Optional<HeldRun> held = locked.heldRun();
        locked.markDone(user, clock.instant());
        takenAway(held);
        jobs.flush();
        jobs.releaseChildrenOf(locked.id());
        enqueued.fire(JobEnqueued.of(locked));
    }

    /**
     * Cancelled: "Cancelled by &lt;user&gt;", and so is every descendant that has not ended (the original cancels
     * only children whose parents are all cancelled, one level deep).
     */
    public void cancel(UUID uuid) {
        cancel(locked(uuid), who());
    }

    /** As {@link #cancel(UUID)}, for a locked job, on behalf of {@code user} (a bulk action runs in no request). */
    public void cancel(QueueJob locked, String user) {
        Optional<HeldRun> held = locked.heldRun();
        String result = locked.cancel(user, clock.instant());
        takenAway(held);
        jobs.cancelDescendantsOf(locked.id(), result, clock.instant());
    }

    /**
     * A job held by a server was just changed here: that server's run goes on until its method returns (interrupted,
     * within seconds, unless its job function says otherwise), and its channel's slot stays taken until then.
     */
    private void takenAway(Optional<HeldRun> held) {
        held.ifPresent(run -> jobs.recordRunTakenAway(run, clock.instant()));
    }

    /**
     * The original's editable fields (§4.4): priority, eta (null = as soon as possible) and channel. The dispatcher is
     * woken, as the original's runner reschedules on these changes.
     */
    public void reschedule(UUID uuid, int priority, Instant eta, String channel) {
        QueueJob job = locked(uuid);
        edit(() -> job.reschedule(priority, eta, checkedChannel(channel)));
        enqueued.fire(JobEnqueued.of(job));
    }

    /**
     * A save of the job page or of the API's PATCH: only the fields changed are written, each resolved against the
     * job as locked here ({@link FieldEdit}), so that another person's change to another field is kept, and a change
     * to a field that someone else changed since the form was loaded is refused ({@link ChangedMeanwhileException}).
     *
     * @throws InvalidSettingException as {@link #reschedule}; nothing changes then
     */
    public void edit(UUID uuid, FieldEdit<Integer> priority, FieldEdit<Instant> eta, FieldEdit<String> channel) {
        QueueJob job = locked(uuid);
        int newPriority = priority.resolve(job.priority(), "priority");
        Instant newEta = eta.resolve(job.eta(), "execute only after");
        String newChannel =
                channel.changes() ? checkedChannel(channel.resolve(job.channel(), "channel")) : job.channel();
        edit(() -> job.reschedule(newPriority, newEta, newChannel));
        enqueued.fire(JobEnqueued.of(job));
    }

    /** A new priority, the rest as it was. */
    public void changePriority(UUID uuid, int priority) {
        changePriority(locked(uuid), priority);
    }

    /** As {@link #changePriority(UUID, int)}, for a locked job. */
    public void changePriority(QueueJob locked, int priority) {
        edit(() -> locked.reschedule(priority, locked.eta(), locked.channel()));
        enqueued.fire(JobEnqueued.of(locked));
    }

    /**
     * A new channel, the rest as it was.
     *
     * @throws InvalidSettingException when the name breaks the channel grammar ({@link ChannelName}); nothing changes
     */
    public void changeChannel(UUID uuid, String channel) {
        changeChannel(locked(uuid), channel);
    }

    /** As {@link #changeChannel(UUID, String)}, for a locked job. */
    public void changeChannel(QueueJob locked, String channel) {
        edit(() -> locked.reschedule(locked.priority(), locked.eta(), checkedChannel(channel)));
        enqueued.fire(JobEnqueued.of(locked));
    }

    /** Checked before any row is touched, so a bad name is refused with the grammar's sentence. */
    private static String checkedChannel(String channel) {
        if (channel == null || channel.isBlank()) {
            throw new InvalidSettingException("A channel is required, e.g. root or root.mail.", null);
        }
        try {
            return ChannelName.normalize(channel);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(e.getMessage(), e);
        }
    }

    private static void edit(Runnable change) {
        try {
            change.run();
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(e.getMessage(), e);
        }
    }

    private QueueJob locked(UUID uuid) {
        QueueJob job = jobs.find(uuid).orElseThrow(() -> noSuchJob(uuid));
        return jobs.lockById(job.id()).orElseThrow(() -> noSuchJob(uuid));
    }

    private static InvalidSettingException noSuchJob(UUID uuid) {
        return new InvalidSettingException("No job with uuid " + uuid + " (deleted meanwhile?).", null);
    }

    private String who() {
        String name = callerNames.nameOf(caller);
        return name == null ? NOBODY : name;
    }
}
