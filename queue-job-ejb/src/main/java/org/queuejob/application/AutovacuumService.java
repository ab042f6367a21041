package org.queuejob.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.queuejob.domain.model.autovacuum.AutovacuumLauncher;
import org.queuejob.domain.model.autovacuum.AutovacuumPace;
import org.queuejob.domain.model.autovacuum.AutovacuumRefusedException;
import org.queuejob.domain.model.autovacuum.AutovacuumRun;
import org.queuejob.domain.model.autovacuum.AutovacuumRunningException;
import org.queuejob.domain.model.autovacuum.AutovacuumRuns;
import org.queuejob.domain.model.autovacuum.RunOutcome;
import org.queuejob.infrastructure.config.AutovacuumConfig;
import org.queuejob.infrastructure.config.QueueJobClock;
import org.queuejob.infrastructure.config.QueueJobSettings;
import org.queuejob.infrastructure.config.WorkerIdentity;

/**
 * The autovacuum (the original's F33): deletes done and cancelled jobs older than their channel's removal interval,
 * a graph only whole, as a Jakarta Batch job in the background. One run at a time in the whole cluster: the run
 * record is claimed in the database before the batch job starts, and a second start, from any server, is refused
 * with {@link AutovacuumRunningException}. Started daily by {@link AutovacuumScheduler} and on demand (the back
 * office's Channels screen). Role checks are the caller's.
 *
 * <p>Outside any transaction: the claim must commit before the batch job starts, whatever the caller does next.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class AutovacuumService {

    /** A scheduled start is skipped when a scheduled run started less than this ago (on another server). */
    static final Duration SCHEDULE_SPACING = Duration.ofHours(1);

    static final String NOT_STARTED = "The autovacuum could not start: %s";
    static final String NOT_HERE = "Autovacuum run %d ran on %s, whose batch runtime keeps its checkpoint: resume it"
            + " there, or start a new run (it deletes what is left).";

    static final String NO_RUN = "There is no autovacuum run %d.";
    static final String NOTHING_TO_RESUME = "Autovacuum run %d is running: there is nothing to resume.";
    static final String HAS_COMPLETED =
            "Autovacuum run %d has completed: there is nothing left to resume. Start a new run"
                    + " to delete what has aged since.";
    static final String NO_CHECKPOINT = "Autovacuum run %d failed before its batch execution began, so it has no"
            + " checkpoint to resume from: start a new run (it deletes what is left).";
    static final String FORGOTTEN = "Autovacuum run %d ran on this server, but its batch runtime no longer knows its"
            + " execution %d (a runtime that keeps its executions in memory forgets them when it restarts): start a"
            + " new run (it deletes what is left).";
    static final String ENDED = "Autovacuum run %d has already ended (%s): there is nothing to stop.";
    static final String OTHER_SERVER = "Autovacuum run %d runs on %s, and only that server's batch runtime can stop"
            + " it: stop it from the back office of that server (this one is %s), or let it finish.";
    static final String STARTING = "Autovacuum run %d is still starting: try again in a moment.";
    static final String NOT_STOPPED =
            "Autovacuum run %d was not stopped: its batch execution %d is stopping already, or has just ended.";

    private static final Logger LOG = Logger.getLogger(AutovacuumService.class.getName());

    @Inject
    AutovacuumRuns runs;

    @Inject
    AutovacuumLauncher launcher;

    @Inject
    QueueJobSettings settings;

    @Inject
    WorkerIdentity server;

    @Inject
    @QueueJobClock
    Clock clock;

    /**
     * Starts a run now, at the configured pace, unless one is running anywhere.
     *
     * @param startedBy the user, or {@link AutovacuumRun#SCHEDULE}
     * @throws AutovacuumRunningException naming the run that is running
     */
    public AutovacuumRun start(String startedBy) {
        return start(startedBy, settings.autovacuum().pace());
    }

    /** As {@link #start(String)}, at another pace (e.g. all the machine at night: a duty of 1). */
    public AutovacuumRun start(String startedBy, AutovacuumPace pace) {
        // Microseconds: the database keeps no more, and the deadlines must be the same on a restart.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AutovacuumRun run = runs.claim(startedBy, now, pace, settings.deadAfter(), now);
        return launch(run, () -> launcher.start(run.id(), pace));
    }

    /** The daily start: skipped when another server's schedule started a run less than an hour ago. */
    public Optional<AutovacuumRun> startScheduled() {
        Instant now = clock.instant();
        // Either way round: the servers' clocks may differ a little.
        boolean startedRecently = runs.latest(10).stream()
                .anyMatch(run -> run.startedBy().equals(AutovacuumRun.SCHEDULE)
                        && Duration.between(run.startedAt(), now).abs().compareTo(SCHEDULE_SPACING) < 0);
        if (startedRecently) {
            return Optional.empty();
        }
        return Optional.of(start(AutovacuumRun.SCHEDULE));
    }

    /**
     * Resumes a stopped or failed run from its last checkpoint, on the server that ran it: the jobs it deleted are
     * not read again, and its record keeps counting.
     *
     * @throws AutovacuumRunningException if another run is running
     * @throws AutovacuumRefusedException with a sentence saying why, when the run cannot be resumed here: there is
     *     none, it is running or has completed, it never began, or its checkpoint is in another server's batch
     *     runtime, or no longer in this one's
     */
    public AutovacuumRun resume(long runId) {
        AutovacuumRun stopped = runs.find(runId).orElseThrow(() -> refused(NO_RUN, runId));
        switch (stopped.outcome()) {
            case RUNNING -> throw refused(NOTHING_TO_RESUME, runId);
            case COMPLETED -> throw refused(HAS_COMPLETED, runId);
            default -> {
                // stopped or failed: resumable where its checkpoint is
            }
        }
        if (stopped.executionId() == null) {
            throw refused(NO_CHECKPOINT, runId);
        }
        if (!launcher.knows(stopped.executionId())) {
            throw stopped.server().equals(server.name())
                    ? refused(FORGOTTEN, runId, stopped.executionId())
                    : refused(NOT_HERE, runId, stopped.server());
        }
        AutovacuumRun run = runs.reclaim(runId, settings.deadAfter(), clock.instant());
        return launch(run, () -> launcher.restart(stopped.executionId(), run.id(), run.pace()));
    }

    /** Asks the run to stop after its current chunk; false when it is not running on this server. */
    public boolean stop(long runId) {
        return runs.find(runId)
                .filter(run -> run.outcome() == RunOutcome.RUNNING && run.executionId() != null)
                .map(run -> launcher.stop(run.executionId()))
                .orElse(false);
    }

    /**
     * As {@link #stop}, for staff (the Channels screen's Stop): asks the run to stop after its current chunk, and
     * when it cannot, says why instead of returning false.
     *
     * @return the run, as it is when asked (still running: it stops after its chunk)
     * @throws AutovacuumRefusedException when there is no such run, it has ended, it runs on another server (whose
     *     batch runtime alone can stop it) or has not begun yet, or its execution did not take the request
     */
    public AutovacuumRun requestStop(long runId) {
        AutovacuumRun run = runs.find(runId).orElseThrow(() -> refused(NO_RUN, runId));
        if (run.outcome() != RunOutcome.RUNNING) {
            throw ended(run);
        }
        if (!run.server().equals(server.name())) {
            throw refused(OTHER_SERVER, runId, run.server(), server.name());
        }
        if (run.executionId() == null) {
            throw refused(STARTING, runId);
        }
        if (!launcher.stop(run.executionId())) {
            AutovacuumRun now = runs.find(runId).orElse(run);
            throw now.outcome() != RunOutcome.RUNNING ? ended(now) : refused(NOT_STOPPED, runId, run.executionId());
        }
        return run;
    }

    private static AutovacuumRefusedException ended(AutovacuumRun run) {
        return refused(ENDED, run.id(), run.outcome().label().toLowerCase(Locale.ROOT));
    }

    private static AutovacuumRefusedException refused(String sentence, Object... values) {
        return new AutovacuumRefusedException(String.format(sentence, values));
    }

    public Optional<AutovacuumRun> find(long runId) {
        return runs.find(runId);
    }

    /** The latest runs, newest first. */
    public List<AutovacuumRun> lastRuns(int count) {
        return runs.latest(count);
    }

    /** The schedule and pace in effect, and the latest {@code count} runs, newest first. */
    public AutovacuumOverview overview(int count) {
        AutovacuumConfig config = settings.autovacuum();
        return new AutovacuumOverview(
                config.enabled(),
                config.time(),
                ZoneId.systemDefault(),
                config.pace(),
                config.yielding(),
                runs.latest(count),
                clock.instant());
    }

    private AutovacuumRun launch(AutovacuumRun run, Launch launch) {
        try {
            long execution = launch.start();
            runs.executionStarted(run.id(), execution);
            LOG.info(() -> "Autovacuum run " + run.id() + " started by " + run.startedBy() + " on " + run.server()
                    + " as batch execution " + execution);
            return runs.find(run.id()).orElse(run);
        } catch (RuntimeException e) {
            String reason = String.format(NOT_STARTED, e.getMessage());
            runs.finish(run.id(), RunOutcome.FAILED, reason, clock.instant());
            throw new IllegalStateException(reason, e);
        }
    }

    @FunctionalInterface
    private interface Launch {
        long start();
    }
}
