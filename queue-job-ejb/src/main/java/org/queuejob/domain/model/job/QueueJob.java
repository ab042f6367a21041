package org.queuejob.domain.model.job;

import static org.queuejob.domain.model.job.JobState.PENDING;
import static org.queuejob.domain.model.job.JobState.WAIT_DEPENDENCIES;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One delayed call: the aggregate at the centre of the queue. Its state changes only through the methods below,
 * each named after a row of the original's state table (§1.B) and checked against {@link JobTransition}.
 *
 * <p>On the queue's hot path, where loading an entity per job to flip a few columns would cost more than the job, the
 * same transitions are made in SQL (dispatch, done mark, release of children, rescue: see {@code JobStatements} in
 * the persistence package); those statements build their state conditions from {@link JobTransition} too, and write
 * the same columns as the methods here. Rows are inserted in SQL as well, so the id is the database's and reaches the
 * object through {@link #stored}.
 */
@Entity
@Table(name = "queue_job")
public class QueueJob {

    /** How a job's result was set by hand, in the original's words. */
    static final String MANUALLY_DONE = "Manually set to done by %s";

    static final String CANCELLED_BY = "Cancelled by %s";
    static final String MAX_RETRIES_REACHED = "Max. retries (%d) reached: %s";

    /** From the sequence {@code queue_job_seq}, in insertion order; given by the statement that stores the job. */
    @Id
    private Long id;

    @Convert(converter = UuidConverter.class)
    @Column(nullable = false, updatable = false)
    private UUID uuid;

    @Convert(converter = UuidConverter.class)
    @Column(name = "graph_uuid", updatable = false)
    private UUID graphUuid;

    @Version
    private int version;

    @Column(name = "user_name", updatable = false)
    private String userName;

    @Column(nullable = false, updatable = false)
    private String description;

    @Column(name = "job_function", nullable = false, updatable = false)
    private String jobFunction;

    @Column(nullable = false, updatable = false, columnDefinition = "jsonb")
    private String arguments;

    /** The caller's allow-listed context values as a JSON object, or null for none. */
    @Column(updatable = false, columnDefinition = "jsonb")
    private String context;

    @Convert(converter = JobStateConverter.class)
    @Column(nullable = false)
    private JobState state;

    private int priority;

    private Instant eta;

    private int retry;

    @Column(name = "max_retries")
    private int maxRetries;

    @Column(nullable = false)
    private String channel;

    @Column(name = "identity_key", updatable = false)
    private String identityKey;

    @Column(name = "date_created", nullable = false, updatable = false)
    private Instant dateCreated;

    @Column(name = "date_enqueued")
    private Instant dateEnqueued;

    @Column(name = "date_started")
    private Instant dateStarted;

    @Column(name = "date_done")
    private Instant dateDone;

    @Column(name = "date_cancelled")
    private Instant dateCancelled;

    @Column(name = "exec_time_ms")
    private Long execTimeMillis;

    private String worker;

    private String result;

    @Column(name = "exc_name")
    private String excName;

    @Column(name = "exc_message")
    private String excMessage;

    @Column(name = "exc_info")
    private String excInfo;

    /** Written by the job's own progress reports, never through this aggregate (read-only here). */
    @Column(name = "progress", insertable = false, updatable = false)
    private Integer progress;

    @Column(name = "progress_message", insertable = false, updatable = false)
    private String progressMessage;

    protected QueueJob() {
        // for JPA
    }

    /** T1: a new job, pending (or waiting for eta) in its channel. */
    public QueueJob(String jobFunction, String arguments, JobOptions options, String userName, Instant now) {
        this.uuid = JobUuids.next(now);
        this.jobFunction = Objects.requireNonNull(jobFunction, "A job function is required.");
        this.arguments = Objects.requireNonNull(arguments, "Job arguments are required (\"[]\" for none).");
        Objects.requireNonNull(options, "Job options are required.");
        this.dateCreated = Objects.requireNonNull(now, "The creation instant is required.");
        this.userName = userName;
        this.description = options.description();
        this.priority = options.priority();
        this.eta = options.eta();
        this.maxRetries = options.maxRetries();
        this.channel = options.channel();
        this.identityKey = options.identityKey();
        this.state = PENDING;
    }

    /** The store gave this new job its id. */
    public void stored(long newId) {
        if (id != null) {
            throw new IllegalStateException("Job " + uuid + " is stored already, with id " + id);
        }
        this.id = newId;
    }

    /** Keeps the enqueuing caller's allow-listed context values (a JSON object) for the run; before it is stored. */
    public void carryContext(String contextJson) {
        if (id != null) {
            throw new IllegalStateException("The context of a stored job cannot change");
        }
        this.context = contextJson;
    }

    public String context() {
        return context;
    }

    /**
     * T2: makes a new job part of a graph of jobs, before it is stored; one with parents waits for them
     * ({@code wait_dependencies}) until all of them are done.
     */
    public void joinGraph(UUID graph, boolean hasParents) {
        if (id != null || state != PENDING) {
            throw new IllegalJobStateException("Only a new job can join a graph: " + uuid);
        }
        this.graphUuid = Objects.requireNonNull(graph, "A graph uuid is required.");
        if (hasParents) {
            this.state = WAIT_DEPENDENCIES;
        }
    }

    /**
     * T12: the try failed. The job's transaction was rolled back, so the row is still started: the try is counted
     * and the failure recorded here, in a new transaction.
     */
    public void failAttempt(JobFailure failure, Instant startedAt, Instant now) {
        requireState("fail", JobTransition.FAIL);
        countAttempt(startedAt, now);
        fail(failure);
    }

    /**
     * T11: the job asked to be tried again at {@code retryAt}, which must be a valid eta ({@link JobEta}). Reaching
     * max retries fails it instead (F14), unless the try is not to be counted. The message is kept as the job's
     * result as an exception's message is ({@link RunText}): a NUL in it must not fail the record of the retry. The
     * try's {@code stackTrace} (or null) is kept when reaching max retries fails the job, so that its page shows where
     * the last try failed.
     */
    public void postponeAttempt(
            String message,
            Instant retryAt,
            boolean countTry,
            String exceptionName,
            String stackTrace,
            Instant startedAt,
            Instant now) {
        requireState("postpone", JobTransition.POSTPONE);
        JobEta.requireValid(Objects.requireNonNull(retryAt, "A retry's eta is required."));
        countAttempt(startedAt, now);
        if (!countTry) {
            retry--;
        }
        if (maxRetries > 0 && retry >= maxRetries) {
            // As the original: the message, or the exception's name when it has none (not "null").
            String said = message == null || message.isBlank() ? exceptionName : message;
            fail(new JobFailure(exceptionName, String.format(MAX_RETRIES_REACHED, maxRetries, said), stackTrace));
            return;
        }
        this.state = PENDING;
        this.eta = retryAt;
        this.result = RunText.kept(message);
        this.excName = null;
        this.excInfo = null;
        clearExecution();
    }

    /**
     * T13/T17: manual requeue. The try counter restarts; the failure details stay for the record (Q14). A job with
     * parents not all done goes back to waiting for them.
     */
    public void requeue(boolean parentsDone) {
        requireState("requeue", JobTransition.REQUEUE);
        this.state = parentsDone ? PENDING : WAIT_DEPENDENCIES;
        this.retry = 0;
        this.dateDone = null;
        this.dateCancelled = null;
        clearExecution();
    }

    /** T5/T14/T18: set done by hand. */
    public void markDone(String user, Instant now) {
        requireState("set to done", JobTransition.MARK_DONE);
        this.state = JobTransition.MARK_DONE.to();
        this.dateDone = now;
        this.result = String.format(MANUALLY_DONE, user);
        this.excName = null;
        this.excInfo = null;
    }

    /** T15: cancelled by hand; returns the result text, for descendants cancelled with it. */
    public String cancel(String user, Instant now) {
        requireState("cancel", JobTransition.CANCEL);
        this.state = JobTransition.CANCEL.to();
        this.dateCancelled = now;
        this.result = String.format(CANCELLED_BY, user);
        return result;
    }

    /** The try's own transaction rolled back, its "done" with it, so the try is counted here. */
    private void countAttempt(Instant startedAt, Instant now) {
        retry++;
        if (dateStarted == null) {
            dateStarted = startedAt;
        }
        execTimeMillis =
                dateStarted == null ? null : Duration.between(dateStarted, now).toMillis();
    }

    private void fail(JobFailure failure) {
        this.state = JobTransition.FAIL.to();
        this.excName = failure.exceptionName();
        this.excMessage = failure.message();
        this.excInfo = failure.stackTrace();
    }

    private void clearExecution() {
        this.dateEnqueued = null;
        this.dateStarted = null;
        this.worker = null;
        this.execTimeMillis = null;
    }

    private void requireState(String action, JobTransition transition) {
        if (!transition.allowedFrom(state)) {
            throw new IllegalJobStateException("Cannot " + action + " job " + uuid + " in state " + state.dbValue()
                    + "; allowed from " + transition.from());
        }
    }

    public Long id() {
        return id;
    }

    public UUID uuid() {
        return uuid;
    }

    public Optional<UUID> graphUuid() {
        return Optional.ofNullable(graphUuid);
    }

    public String userName() {
        return userName;
    }

    public String description() {
        return description;
    }

    public String jobFunction() {
        return jobFunction;
    }

    public String arguments() {
        return arguments;
    }

    public JobState state() {
        return state;
    }

    /**
     * Whether {@code worker} still holds this job as it was handed over at {@code version}: a run whose job was
     * cancelled, set done or requeued meanwhile (each changes the version, even when the job is handed to the same
     * server again) may no longer end it.
     */
    public boolean heldAsHandedOver(String worker, long version) {
        return JobTransition.COMPLETE.allowedFrom(state) && worker.equals(this.worker) && this.version == version;
    }

    /**
     * The hold of the server this job is handed to, as handed over, while it has not ended there: the run that a
     * requeue, set done or cancel now would take the job from.
     */
    public Optional<HeldRun> heldRun() {
        return JobTransition.COMPLETE.allowedFrom(state) && worker != null
                ? Optional.of(new HeldRun(id, version, worker, channel))
                : Optional.empty();
    }

    public int priority() {
        return priority;
    }

    public Instant eta() {
        return eta;
    }

    public int retry() {
        return retry;
    }

    public int maxRetries() {
        return maxRetries;
    }

    public String channel() {
        return channel;
    }

    public String identityKey() {
        return identityKey;
    }

    public Instant dateCreated() {
        return dateCreated;
    }

    public Instant dateEnqueued() {
        return dateEnqueued;
    }

    public Instant dateStarted() {
        return dateStarted;
    }

    public Instant dateDone() {
        return dateDone;
    }

    public Instant dateCancelled() {
        return dateCancelled;
    }

    public Long execTimeMillis() {
        return execTimeMillis;
    }

    public String worker() {
        return worker;
    }

    public String result() {
        return result;
    }

    public String excName() {
        return excName;
    }

    public String excMessage() {
        return excMessage;
    }

    /** The last progress the job reported, in percent; null if it never did. */
    public Integer progress() {
        return progress;
    }

    /** The message of the last progress report; null if none. */
    public String progressMessage() {
        return progressMessage;
    }

    public String excInfo() {
        return excInfo;
    }

    /**
     * Editable as in the original's form (§4.4): a new priority, eta or channel. Not while a worker holds the job
     * (enqueued, started), whose place in the queue no longer depends on them, nor once it has ended.
     */
    public void reschedule(int newPriority, Instant newEta, String newChannel) {
        requireState("edit", JobTransition.EDIT);
        if (newPriority != this.priority) {
            // A job stored by code may carry any priority; a new one set here is held to the back office's rule.
            JobPriority.requireValid(newPriority);
        }
        String channelName = ChannelName.normalize(Objects.requireNonNull(newChannel, "A channel is required."));
        this.eta = JobEta.requireValid(newEta);
        this.channel = channelName;
        this.priority = newPriority;
    }
}
