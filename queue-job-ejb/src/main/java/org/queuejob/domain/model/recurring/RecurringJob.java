package org.queuejob.domain.model.recurring;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.queuejob.domain.model.job.ChannelName;
import org.queuejob.domain.model.job.JobPriority;
import org.queuejob.domain.model.job.UuidConverter;

/**
 * A recurring job: a {@link CronSchedule} that enqueues one job of a job function per tick, with fixed arguments (a
 * JSON array, checked against the method by the application before it gets here) and optionally its own channel and
 * priority. Its next run is kept with it; the tick claim that moves it on is the repository's, in the transaction that
 * stores the tick's job. Every change is checked before it is taken: a record always holds a usable schedule.
 *
 * <p>Its runs do not overlap unless it allows it ({@link #allowOverlap()}): a tick whose last job has not ended
 * enqueues nothing ({@link #heldBack}).
 */
@Entity
@Table(name = "queue_job_recurring")
public class RecurringJob {

    public static final int MAX_NAME_LENGTH = 255;

    static final String NAME_REQUIRED = "A name is required.";
    static final String NAME_TOO_LONG = "The name is longer than " + MAX_NAME_LENGTH + " characters.";
    static final String HELD_BACK = "Tick %s skipped: the job of the previous run (%s) has not ended (%s), and runs of"
            + " this recurring job do not overlap.";

    @Id
    @SequenceGenerator(name = "queue_job_recurring_seq", sequenceName = "queue_job_recurring_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "queue_job_recurring_seq")
    private Long id;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(nullable = false)
    private String cron;

    @Column(nullable = false)
    private String zone;

    @Column(name = "job_function", nullable = false)
    private String jobFunction;

    @Column(nullable = false)
    private String arguments;

    private String channel;

    private Integer priority;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MissedTicks missed;

    private boolean enabled;

    @Column(name = "allow_overlap", nullable = false)
    private boolean allowOverlap;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private RecurringOrigin origin;

    @Column(name = "next_run")
    private Instant nextRun;

    @Column(name = "last_tick")
    private Instant lastTick;

    @Convert(converter = UuidConverter.class)
    @Column(name = "last_job_uuid")
    private UUID lastJobUuid;

    @Column(name = "last_run_at")
    private Instant lastRunAt;

    @Column(name = "last_run_by")
    private String lastRunBy;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected RecurringJob() {
        // for JPA
    }

    /**
     * A new record, due at its first tick after {@code now} when enabled; its runs do not overlap until {@link
     * #changeOverlap} says they may.
     *
     * @throws InvalidScheduleException for a malformed cron expression or an unknown zone
     * @throws IllegalArgumentException for a blank name, a malformed channel or a negative priority
     */
    public RecurringJob(
            String name,
            String cron,
            String zone,
            String jobFunction,
            String arguments,
            String channel,
            Integer priority,
            MissedTicks missed,
            boolean enabled,
            RecurringOrigin origin,
            Instant now) {
        this.name = checkedName(name);
        this.origin = Objects.requireNonNull(origin, "The origin is required.");
        this.createdAt = Objects.requireNonNull(now, "The time is required.");
        this.enabled = enabled;
        change(cron, zone, jobFunction, arguments, channel, priority, missed, now);
    }

    /**
     * Takes a new schedule, function, arguments, channel, priority and missed-tick policy; the next run is computed
     * again from {@code now} when the schedule changed. Nothing changes when one of them is refused.
     *
     * @throws InvalidScheduleException for a malformed cron expression or an unknown zone
     * @throws IllegalArgumentException for a malformed channel or a negative priority
     */
    public void change(
            String newCron,
            String newZone,
            String newJobFunction,
            String newArguments,
            String newChannel,
            Integer newPriority,
            MissedTicks newMissed,
            Instant now) {
        CronSchedule schedule = CronSchedule.parse(newCron, newZone);
        String checkedChannel = newChannel == null || newChannel.isBlank() ? null : ChannelName.normalize(newChannel);
        if (newPriority != null) {
            JobPriority.requireValid(newPriority);
        }
        Objects.requireNonNull(newJobFunction, "A job function is required.");
        boolean rescheduled =
                !schedule.expression().equals(cron) || !schedule.zone().getId().equals(zone);
        this.cron = schedule.expression();
        this.zone = schedule.zone().getId();
        this.jobFunction = newJobFunction;
        this.arguments = newArguments == null || newArguments.isBlank() ? "[]" : newArguments.strip();
        this.channel = checkedChannel;
        this.priority = newPriority;
        this.missed = newMissed == null ? MissedTicks.SKIP : newMissed;
        if (rescheduled && enabled) {
            nextRun = schedule.next(now).orElse(null);
        }
    }

    /** Ticks again from the first tick after {@code now}: ticks while it was disabled are not caught up. */
    public void enable(Instant now) {
        if (!enabled) {
            enabled = true;
            nextRun = schedule().next(now).orElse(null);
        }
    }

    public void disable() {
        enabled = false;
        nextRun = null;
    }

    /** Whether a tick enqueues its job while the last job has not ended ({@code true}), or nothing ({@code false}). */
    public void changeOverlap(boolean allowed) {
        allowOverlap = allowed;
    }

    /**
     * Why the tick {@code tick} enqueues nothing: its runs may not overlap and {@code last}, the record's last job as
     * read in the tick's claiming transaction, has not ended. Empty when the tick enqueues its job: runs may overlap,
     * there is no last job (or it no longer exists), or it has ended.
     */
    public Optional<String> heldBack(Instant tick, Optional<LastJob> last) {
        if (allowOverlap || last.isEmpty() || last.get().ended()) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                HELD_BACK, tick, last.get().uuid(), last.get().state().dbValue()));
    }

    /** A job enqueued by hand ("Run now"): the last run, the schedule untouched. */
    public void ranByHand(UUID job, String by, Instant at) {
        lastTick = null;
        lastJobUuid = Objects.requireNonNull(job, "The job is required.");
        lastRunBy = by;
        lastRunAt = at;
        lastError = null;
    }

    public CronSchedule schedule() {
        return CronSchedule.parse(cron, zone);
    }

    private static String checkedName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(NAME_REQUIRED);
        }
        if (name.strip().length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(NAME_TOO_LONG);
        }
        return name.strip();
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String cron() {
        return cron;
    }

    public String zone() {
        return zone;
    }

    public String jobFunction() {
        return jobFunction;
    }

    public String arguments() {
        return arguments;
    }

    /** The channel of its jobs; null for the job function's. */
    public String channel() {
        return channel;
    }

    /** The priority of its jobs; null for the {@code @Job} priority. */
    public Integer priority() {
        return priority;
    }

    public MissedTicks missed() {
        return missed;
    }

    public boolean enabled() {
        return enabled;
    }

    /** Whether a tick enqueues its job while the record's last job has not ended; by default it does not. */
    public boolean allowOverlap() {
        return allowOverlap;
    }

    public RecurringOrigin origin() {
        return origin;
    }

    public Instant nextRun() {
        return nextRun;
    }

    public Instant lastTick() {
        return lastTick;
    }

    public UUID lastJobUuid() {
        return lastJobUuid;
    }

    public Instant lastRunAt() {
        return lastRunAt;
    }

    public String lastRunBy() {
        return lastRunBy;
    }

    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecurringJob that && Objects.equals(name, that.name);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(name);
    }
}
