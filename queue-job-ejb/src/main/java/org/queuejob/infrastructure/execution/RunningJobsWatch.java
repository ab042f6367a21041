package org.queuejob.infrastructure.execution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.queuejob.infrastructure.config.QueueJobClock;
import org.queuejob.infrastructure.config.WorkerIdentity;
import org.queuejob.infrastructure.execution.RunningJobs.Run;
import org.queuejob.infrastructure.persistence.QueueStore;

/**
 * Looks at the jobs running on this server once a second, off their path:
 *
 * <ul>
 *   <li>marks started in the database those that have run for {@link RunningJobs#MARK_AFTER} (the original's {@code
 *       started}, with the run's start), in one statement of its own for all of them. A job's start commits with
 *       its done mark, so without this a job running for an hour would show as {@code enqueued}, like one still
 *       waiting in this server's buffer. A short job is never marked, and a mark neither waits for a job's
 *       transaction nor makes one wait (see {@code JobStatements.MARK_STARTED});
 *   <li>says so, once per run, when a job runs past its timeout: neither server interrupts a job, so one blocked
 *       for good holds its worker until the server stops, and its timeout only fails it when it returns. The
 *       warning names the job and shows where its thread is, which is what someone needs to unblock it;
 *   <li>interrupts such a job's thread, if its job function is to be interrupted at its timeout ({@link
 *       JobTimeouts#interrupts}) and its method is still running. The warning, written first, shows where the
 *       interrupt found it;
 *   <li>asks the database whether the jobs that have run for {@link RunningJobs#MARK_AFTER} are still this server's
 *       as handed over, and interrupts those someone cancelled, set done or requeued meanwhile ({@link
 *       CancelInterrupts}): their work is to be rolled back, and until they return they hold a worker and their
 *       channel's slot;
 *   <li>frees the slots of runs taken away by hand that no longer run here ({@link RunsTakenAway}).
 * </ul>
 */
@ApplicationScoped
public class RunningJobsWatch {

    static final Duration EVERY = Duration.ofSeconds(1);

    /** Frames of an overdue job's thread shown: enough to see the call it waits in and who made it. */
    static final int FRAMES_SHOWN = 40;

    private static final Logger LOG = Logger.getLogger(RunningJobsWatch.class.getName());

    /** While the database is away every look fails: a line a minute says so. */
    private static final QuietLog UNMARKED_LOG = new QuietLog(LOG, Duration.ofMinutes(1));

    @Inject
    Workers workers;

    @Inject
    QueueStore store;

    @Inject
    JobTimeouts timeouts;

    @Inject
    CancelInterrupts cancelInterrupts;

    @Inject
    WorkerIdentity me;

    @Inject
    Interruptions interruptions;

    @Inject
    RunsTakenAway runsTakenAway;

    @Inject
    QueueThreads threads;

    @Inject
    @QueueJobClock
    Clock clock;

    private ScheduledFuture<?> task;

    void start() {
        interruptions.register();
        task = threads.runEvery(EVERY, this::look);
    }

    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    void look() {
        Instant now = clock.instant();
        RunningJobs running = workers.running();
        runsTakenAway.forgetAllBut(workers.held());
        mark(running, running.toMark(now));
        stopTakenAway(running, running.toCheck(now));
        for (Run run : running.newlyOverdue(now, timeouts::isPast)) {
            LOG.warning(() -> overdue(run, now));
        }
        for (Run run : running.toInterrupt(now, this::interruptedAt)) {
            if (run.interrupt()) {
                interruptions.interrupted(Interruptions.Reason.TIMEOUT);
                LOG.info(() -> "Interrupted job " + run.job().uuid() + " (" + run.function() + ") at its timeout ("
                        + timeouts.interruptSettingFor(run.function()) + " is true)");
            }
        }
    }

    private boolean interruptedAt(String function, Duration ran) {
        return timeouts.interrupts(function) && timeouts.isPast(function, ran);
    }

    /**
     * A job not marked (it ended meanwhile, its row was locked by its own done mark, someone cancelled it while it
     * runs) is looked at again at the next look, as long as it runs here.
     */
    private void mark(RunningJobs running, List<Run> due) {
        if (due.isEmpty()) {
            return;
        }
        long[] ids = due.stream().mapToLong(Run::id).toArray();
        Instant[] startedAt = due.stream().map(Run::startedAt).toArray(Instant[]::new);
        try {
            Set<Long> marked = store.markStarted(me.name(), ids, startedAt);
            running.marked(due.stream().filter(run -> marked.contains(run.id())).toList());
        } catch (RuntimeException e) {
            UNMARKED_LOG.warn(() -> "Could not mark " + ids.length + " running job(s) started (" + e.getMessage()
                    + "); trying again in a second");
        }
    }

    /**
     * Runs whose jobs someone cancelled, set done or requeued while they ran: interrupted, if their job function's
     * {@link CancelInterrupts} says so, since their work is rolled back whatever they do next; logged either way. A
     * run whose look fails is asked about again a second later.
     */
    private void stopTakenAway(RunningJobs running, List<Run> runs) {
        if (runs.isEmpty()) {
            return;
        }
        long[] ids = runs.stream().mapToLong(Run::id).toArray();
        long[] versions = runs.stream().mapToLong(run -> run.job().version()).toArray();
        Set<Long> gone;
        try {
            gone = store.notHeld(me.name(), ids, versions);
        } catch (RuntimeException e) {
            UNMARKED_LOG.warn(() -> "Could not read whether " + ids.length + " running job(s) are still this"
                    + " server's (" + e.getMessage() + "); trying again in a second");
            return;
        }
        List<Run> takenAway =
                runs.stream().filter(run -> gone.contains(run.id())).toList();
        running.takenAway(takenAway);
        for (Run run : takenAway) {
            String function = run.function();
            String setting = cancelInterrupts.settingFor(function);
            if (!cancelInterrupts.interrupts(function)) {
                LOG.info(() -> "Job " + run.job().uuid() + " (" + function + ") was cancelled, set done or requeued"
                        + " while it runs: it runs on until its method returns (" + setting + " is false), and its"
                        + " work is then rolled back");
            } else if (run.interrupt()) {
                interruptions.interrupted(Interruptions.Reason.TAKEN_AWAY);
                LOG.info(() -> "Interrupted job " + run.job().uuid() + " (" + function + "): it was cancelled, set"
                        + " done or requeued while it ran (" + setting + " is true); its work is rolled back");
            }
        }
    }

    private String overdue(Run run, Instant now) {
        StackTraceElement[] frames = run.thread().getStackTrace();
        String where = Arrays.stream(frames)
                .limit(FRAMES_SHOWN)
                .map(frame -> "\tat " + frame)
                .collect(Collectors.joining("\n"));
        return String.format(
                Locale.ROOT,
                "Job %s (%s) has run for %.1f s, past its timeout of %d s (%s): it holds a worker until it returns, and"
                        + " its work will then be rolled back and the job failed. %s Its thread, %s, is now%s:%n%s",
                run.job().uuid(),
                run.function(),
                Duration.between(run.startedAt(), now).toMillis() / 1000.0,
                timeouts.secondsFor(run.function()),
                timeouts.settingFor(run.function()),
                interruptOrNot(run.function()),
                run.thread().getName(),
                frames.length > FRAMES_SHOWN ? " (its " + FRAMES_SHOWN + " innermost calls)" : "",
                where);
    }

    private String interruptOrNot(String function) {
        return timeouts.interrupts(function)
                ? "It is being interrupted (" + timeouts.interruptSettingFor(function) + " is true): a job waiting in a"
                        + " sleep, lock, latch or queue returns now; one busy or in a plain socket read runs on."
                : "Nothing interrupts it (" + timeouts.interruptSettingFor(function) + " is false); if it is blocked,"
                        + " give the call it waits in a timeout of its own.";
    }
}
