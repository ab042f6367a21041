package org.queuejob.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.queuejob.domain.model.autovacuum.AutovacuumPace;
import org.queuejob.domain.model.autovacuum.LoadYield;
import org.queuejob.domain.model.autovacuum.RunOutcome;
import org.queuejob.domain.model.bulk.BulkActionLauncher;
import org.queuejob.domain.model.bulk.BulkActionRun;
import org.queuejob.domain.model.bulk.BulkActionRuns;
import org.queuejob.domain.model.job.JobFilter;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.infrastructure.config.AutovacuumConfig;
import org.queuejob.infrastructure.config.QueueJobClock;
import org.queuejob.infrastructure.config.QueueJobSettings;

/**
 * Requeue, set done, cancel, change priority or channel for many jobs (the selected ones, or all that match the Jobs
 * screen's filters) as a Jakarta Batch job: a record in the database ({@link BulkActionRun}) says what, who and how
 * far, on every server; the batch job goes through the jobs by keyset in chunks, one transaction each, which also
 * moves the record's checkpoint. A stopped or failed action resumes from that checkpoint (Resume), and a running one
 * whose server stopped is resumed by {@link BulkActionRecovery}: this server's at once when it starts again, another
 * server's by whichever server notices first that it has been silent for longer than the dead-after delay.
 *
 * <p>Role checks are the caller's. Outside any transaction: the record must commit before the batch job starts.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class BulkActionService {

    /** Most uuids of no job a refusal names (it says how many there are). */
    static final int MAX_UNKNOWN_NAMED = 20;

    static final String DEFAULT_CHUNK_SIZE = "200";
    /**
     * Half of the wall time: a bulk action over a million jobs yields the other half to the hot path (measured by the
     * benchmark: unpaced on two cores it took a quarter of the hot path's throughput).
     */
    static final String DEFAULT_MAX_DUTY = "0.5";

    public static final String BUSY_DUTY = "queue-job.bulk.busy-duty";
    /**
     * A fifth of the wall time while every worker of the action's server is busy: at half the time, the benchmark's
     * burn-down kept 0.76–0.81 of its pace beside a bulk requeue in runs Z and AA (2026-12-03), under the 0.8 it must
     * keep; the operator's action waits for the queue's own work, as the autovacuum's does, and goes at
     * {@code max-duty} again as soon as the workers have nothing to do.
     */
    static final String DEFAULT_BUSY_DUTY = "0.2";

    static final String NOT_STARTED = "The bulk action could not start: %s";
    static final String NO_SUCH = "There is no bulk action %d.";
    static final String NOT_RUNNING = "Bulk action %d is %s: only a running action can be stopped.";
    static final String NOT_RESUMABLE = "Bulk action %d is %s: only a stopped or failed action can be resumed.";
    static final String NOTHING_SELECTED = "Select jobs first, or act on all jobs matching the filters.";

    private static final Logger LOG = Logger.getLogger(BulkActionService.class.getName());

    @Inject
    BulkActionRuns runs;

    @Inject
    BulkActionLauncher launcher;

    @Inject
    JobQueryService queries;

    @Inject
    QueueJobSettings settings;

    @Inject
    @QueueJobClock
    Clock clock;

    @Inject
    @ConfigProperty(name = "queue-job.bulk.chunk-size", defaultValue = DEFAULT_CHUNK_SIZE)
    int chunkSize;

    @Inject
    @ConfigProperty(name = "queue-job.bulk.max-duty", defaultValue = DEFAULT_MAX_DUTY)
    double maxDuty;

    @Inject
    @ConfigProperty(name = BUSY_DUTY, defaultValue = DEFAULT_BUSY_DUTY)
    String busyDuty;

    /**
     * How far an action gives way to the busy workers of the server it runs on: down to {@code queue-job.bulk.busy-duty}
     * of the wall time while all of them are busy, in proportion between that and {@code max-duty}; read at each
     * pause, so that a changed setting applies to running actions after their next restart or resume.
     *
     * @throws InvalidSettingException naming the setting and its value when it is not a share of the time
     */
    public LoadYield yielding() {
        try {
            return new LoadYield(AutovacuumConfig.parseDuty(BUSY_DUTY, busyDuty));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(e.getMessage(), e);
        }
    }

    /** The configured pace: {@code queue-job.bulk.chunk-size} jobs per transaction, at most {@code max-duty} busy. */
    public AutovacuumPace pace() {
        return new AutovacuumPace(chunkSize, maxDuty);
    }

    /** How many jobs an action on everything matching {@code filter} would go through now. */
    public long countMatching(BulkAction action, JobFilter filter) {
        Set<JobState> states = applicableStates(action, filter);
        return states.isEmpty() ? 0 : queries.count(filter.withStates(states));
    }

    /** Every job matching {@code filter} whose state the action applies to, among the jobs that exist now. */
    public BulkActionRun startOnMatching(BulkRequest request, JobFilter filter, String startedBy) {
        return startOnMatching(request, filter, startedBy, pace());
    }

    public BulkActionRun startOnMatching(BulkRequest request, JobFilter filter, String startedBy, AutovacuumPace pace) {
        Objects.requireNonNull(filter, "A filter is required.");
        Set<JobState> states = applicableStates(request.action(), filter);
        JobFilter effective = filter.withStates(states);
        long maxId = queries.maxId();
        if (states.isEmpty()) {
            // No state of the filter is one the action applies to: an empty selection, never "every state".
            String text = BulkFilters.describe(filter) + " (in no state this action applies to)";
            return start(request, effective, text, new long[0], 0, startedBy, pace);
        }
        // A filter without states is shown as it was given ("channel root.mail"), not with every state listed.
        String text = BulkFilters.describe(filter.states().isEmpty() ? filter : effective);
        return start(request, effective, text, null, maxId, startedBy, pace);
    }

    /** The selected jobs (by id); those whose state does not allow the action are counted as not changed. */
    public BulkActionRun startOnSelection(BulkRequest request, Collection<Long> ids, String startedBy) {
        return startOnSelection(request, ids, startedBy, pace());
    }

    public BulkActionRun startOnSelection(
            BulkRequest request, Collection<Long> ids, String startedBy, AutovacuumPace pace) {
        if (ids.isEmpty()) {
            throw new InvalidSettingException(NOTHING_SELECTED, null);
        }
        long[] selection =
                ids.stream().mapToLong(Long::longValue).distinct().sorted().toArray();
        String text = selection.length + (selection.length == 1 ? " selected job" : " selected jobs");
        return start(request, null, text, selection, selection[selection.length - 1], startedBy, pace);
    }

    /**
     * The selected jobs, by uuid (the REST API's). A uuid of no job refuses the whole request, naming (the first
     * {@value #MAX_UNKNOWN_NAMED} of) them: acting on the others only would leave the caller believing every listed
     * job was acted on.
     *
     * @throws InvalidSettingException listing the uuids of no job; nothing is started then
     */
    public BulkActionRun startOnUuids(BulkRequest request, Collection<UUID> uuids, String startedBy) {
        Map<UUID, Long> ids = queries.ids(uuids);
        List<UUID> unknown =
                uuids.stream().distinct().filter(uuid -> !ids.containsKey(uuid)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidSettingException(unknownUuids(unknown), null);
        }
        return startOnSelection(request, ids.values(), startedBy);
    }

    /** The refusal of uuids of no job: how many, and the first {@value #MAX_UNKNOWN_NAMED} of them. */
    static String unknownUuids(List<UUID> unknown) {
        String named =
                unknown.stream().limit(MAX_UNKNOWN_NAMED).map(UUID::toString).collect(Collectors.joining(", "));
        return (unknown.size() == 1
                        ? "1 of the given uuids is no job: " + named
                        : unknown.size() + " of the given uuids are no job"
                                + (unknown.size() > MAX_UNKNOWN_NAMED ? " (the first " + MAX_UNKNOWN_NAMED + ")" : "")
                                + ": " + named)
                + ". Nothing was started: leave out the uuids of jobs that were removed (or never existed), and send"
                + " the list again.";
    }

    /** Asks a running action to stop after its current chunk, wherever it runs. */
    public BulkActionRun stop(long id) {
        BulkActionRun run = existing(id);
        if (!runs.requestStop(id)) {
            throw new InvalidSettingException(
                    String.format(
                            NOT_RUNNING, id, existing(id).outcome().label().toLowerCase()),
                    null);
        }
        LOG.info(() -> "Bulk action " + id + " asked to stop (it ran on " + run.server() + ")");
        return existing(id);
    }

    /** Resumes a stopped or failed action on this server, right after the last job it changed. */
    public BulkActionRun resume(long id) {
        BulkActionRun stopped = existing(id);
        BulkActionRun run = runs.reclaim(id)
                .orElseThrow(() -> new InvalidSettingException(
                        String.format(
                                NOT_RESUMABLE, id, stopped.outcome().label().toLowerCase()),
                        null));
        return launch(run);
    }

    /**
     * Resumes the running actions whose execution is gone: this server's from before it restarted ({@code
     * restartedAt}), and any server's silent for longer than the dead-after delay. One server wins each (the
     * epoch). An action that was asked to stop is recorded as stopped instead. Returns how many were resumed.
     *
     * <p>First it beats for the actions whose executions run here. A chunk beats only between chunks, and one held up
     * by a locked job for longer than the dead-after delay would look lost to the other servers: one of them would
     * take it over, its sweep waiting for that chunk's hold on the record, and start the action again for nothing.
     */
    public int resumeOrphaned(Instant restartedAt) {
        Map<Long, Integer> runningHere = launcher.runningHere();
        runningHere.forEach(runs::beat);
        int resumed = 0;
        for (BulkActionRun orphan : runs.orphaned(restartedAt, settings.deadAfter())) {
            if (runningHere.containsKey(orphan.id())) {
                continue;
            }
            Optional<BulkActionRun> taken = runs.takeOver(orphan.id(), orphan.epoch());
            if (taken.isEmpty()) {
                continue; // another server was quicker
            }
            BulkActionRun run = taken.get();
            if (orphan.stopRequested()) {
                runs.finish(run.id(), run.epoch(), RunOutcome.STOPPED, BulkActionListener.STOPPED, clock.instant());
                continue;
            }
            LOG.warning(() -> "Bulk action " + run.id() + " of " + orphan.server() + " had no execution any more;"
                    + " resumed here after job id " + run.lastId() + " (" + run.processed() + " of " + run.matched()
                    + " jobs done)");
            try {
                launch(run);
                resumed++;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Bulk action " + run.id() + " could not be resumed", e);
            }
        }
        return resumed;
    }

    public Optional<BulkActionRun> find(long id) {
        return runs.find(id);
    }

    /** The latest actions, newest first. */
    /** The queue's time now: how long a bulk action has run, as the queue's clock reads it. */
    public Instant now() {
        return clock.instant();
    }

    public List<BulkActionRun> latest(int count) {
        return runs.latest(count);
    }

    private BulkActionRun start(
            BulkRequest request,
            JobFilter filter,
            String filterText,
            long[] selection,
            long maxId,
            String startedBy,
            AutovacuumPace pace) {
        long matched = selection != null ? selection.length : queries.count(filter, maxId);
        BulkActionRun run = runs.insert(new BulkActionRuns.NewAction(
                request.action().name(),
                request.priority(),
                request.channel(),
                filter == null ? "{}" : BulkFilters.toJson(filter),
                filterText,
                selection,
                maxId,
                startedBy,
                clock.instant(),
                matched,
                pace.chunkSize(),
                pace.maxDuty()));
        return launch(run);
    }

    private BulkActionRun launch(BulkActionRun run) {
        try {
            yielding(); // a bad busy-duty refuses the start with its sentence, rather than failing the first pause
            long execution = launcher.start(run.id(), run.epoch(), run.pace());
            runs.executionStarted(run.id(), run.epoch(), execution);
            LOG.info(() -> "Bulk action " + run.id() + " (" + run.action() + " on " + run.filterText() + ", started by "
                    + run.startedBy() + ") runs on " + run.server() + " as batch execution " + execution + ", epoch "
                    + run.epoch());
            return runs.find(run.id()).orElse(run);
        } catch (RuntimeException e) {
            String reason = String.format(NOT_STARTED, BulkExecution.oneLine(e));
            runs.finish(run.id(), run.epoch(), RunOutcome.FAILED, reason, clock.instant());
            LOG.log(Level.WARNING, reason, e);
            throw new InvalidSettingException(reason, e);
        }
    }

    private BulkActionRun existing(long id) {
        return runs.find(id).orElseThrow(() -> new InvalidSettingException(String.format(NO_SUCH, id), null));
    }

    private static Set<JobState> applicableStates(BulkAction action, JobFilter filter) {
        return filter.states().isEmpty()
                ? action.appliesTo()
                : filter.states().stream().filter(action.appliesTo()::contains).collect(Collectors.toSet());
    }
}
