package org.queuejob.infrastructure.execution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.queuejob.api.JobContextValue;
import org.queuejob.domain.model.job.ClaimedJob;
import org.queuejob.domain.model.job.RunText;
import org.queuejob.infrastructure.config.QueueJobClock;
import org.queuejob.infrastructure.context.ContextValues;
import org.queuejob.infrastructure.interception.JobFunction;
import org.queuejob.infrastructure.interception.JobFunctionRegistry;
import org.queuejob.infrastructure.interception.JobInvoker;
import org.queuejob.infrastructure.persistence.QueueStore;
import org.queuejob.infrastructure.persistence.QueueStore.SlotPass;
import org.queuejob.infrastructure.serialization.ArgumentCodec;

/**
 * Runs one claimed job in the current transaction (which {@link JobRunner} opens for it): call the method, then
 * mark the job done. The done mark commits together with everything the job's method wrote, so a job's effects and
 * its "done" can never be seen apart; any exception rolls both back.
 *
 * <p>The row is not locked while the method runs: only the server that claimed a job runs it, so there is nothing
 * to exclude but a person acting on the job in the back office meanwhile. That is settled at the end, when the done
 * mark only applies to a job still held by this server; a cancel during the run therefore wins, and does not wait
 * behind a long job. One statement per job besides the job's own (two for a job with children), as few as a queue
 * can do.
 */
@ApplicationScoped
public class JobExecutor {

    @Inject
    QueueStore store;

    @Inject
    JobFunctionRegistry functions;

    @Inject
    ArgumentCodec codec;

    @Inject
    JobInvoker invoker;

    @Inject
    ContextValues contextValues;

    @Inject
    CurrentJob currentJob;

    @Inject
    JobTimeouts timeouts;

    @Inject
    @QueueJobClock
    Clock clock;

    /** How a run ended when the job's method returned. */
    public enum Result {
        DONE,
        /** Done, and children of the job became pending with it. */
        DONE_RELEASING_CHILDREN,
        /** Changed by someone else while it ran (cancelled, set done, requeued): its work must be rolled back. */
        CHANGED
    }

    /** How a run ended, and the job that took its channel slot on ({@link SlotPassing}), if one did. */
    public record Ran(Result result, Optional<ClaimedJob> next) {}

    /**
     * Runs the job and marks it done, passing its slot on as {@code pass} says, if it says so when the method has
     * returned; {@code call} is where an interrupt at the timeout may reach the job's method.
     *
     * <p>{@code pass} is asked at the done mark, not at the start: a server made quiet, a lease run out or a job
     * waiting here meanwhile must keep a long job's slot from being passed on (the README's "at most the lease").
     */
    public Ran execute(
            ClaimedJob job, String worker, Instant startedAt, Supplier<Optional<SlotPass>> pass, CallWindow call)
            throws Exception {
        Object result;
        try {
            result = invoke(job, call);
        } catch (Exception | Error thrown) {
            Duration ran = Duration.between(startedAt, clock.instant());
            if (call.interrupted()) {
                throw timeouts.interrupted(job.jobFunction(), ran, thrown);
            }
            if (timeouts.isPast(job.jobFunction(), ran)) {
                // Past its timeout, the failure may be the timeout's doing (WildFly rolls the job's transaction back at
                // it, and its next statement fails with what looks like a lost connection): recorded as a timeout, not
                // retried in 5 s to run as long again.
                throw new JobTimedOutException(
                        ran, timeouts.secondsFor(job.jobFunction()), timeouts.settingFor(job.jobFunction()), thrown);
            }
            throw thrown;
        }
        Instant doneAt = clock.instant();
        if (call.takenAway()) {
            return new Ran(Result.CHANGED, Optional.empty()); // its done mark would not apply
        }
        if (call.interrupted()) {
            // It heard the interrupt and returned anyway, or never heard it: past its timeout either way.
            throw timeouts.interrupted(job.jobFunction(), Duration.between(startedAt, doneAt), null);
        }
        timeouts.requireWithin(job.jobFunction(), Duration.between(startedAt, doneAt));
        // Cut past RunText.MAX_CHARS with a marker; a normal result costs a length check more than storable().
        String text = result == null ? null : RunText.kept(String.valueOf(result));
        Optional<SlotPass> passing = pass.get();
        QueueStore.DoneMark done = passing.isPresent()
                ? store.completePassingSlot(job.id(), job.version(), worker, startedAt, doneAt, text, passing.get())
                : new QueueStore.DoneMark(
                        store.complete(job.id(), job.version(), worker, startedAt, doneAt, text), Optional.empty());
        if (!done.applied()) {
            return new Ran(Result.CHANGED, Optional.empty());
        }
        // T3, in the same transaction: children see their parent done exactly when it is.
        boolean released = job.inGraph() && store.releaseChildrenOf(job.id()) > 0;
        return new Ran(released ? Result.DONE_RELEASING_CHILDREN : Result.DONE, done.next());
    }

    /**
     * Calls the job's method in the current transaction as a worker does: arguments read back from their JSON
     * (entities loaded), the job's context values restored and its {@code JobContext} set around the call. Returns
     * the method's result; its exceptions come out unwrapped.
     */
    public Object invoke(ClaimedJob job) throws Exception {
        return invoke(job, CallWindow.NONE);
    }

    /** The job's method called as {@link #invoke(ClaimedJob)} says, {@code call} open around it. */
    Object invoke(ClaimedJob job, CallWindow call) throws Exception {
        JobFunction function =
                functions.find(job.jobFunction()).orElseThrow(() -> new UnknownJobFunctionException(job.jobFunction()));
        Object[] arguments = codec.decode(function.method(), job.arguments());
        Map<String, String> context = contextValues.read(job.context());
        CurrentJob.set(new CurrentJob.Running(job.id(), job.uuid(), job.triesBefore() + 1, job.userName(), context));
        // The log context: every record written while the job runs carries its uuid and function in the thread name,
        // which the server's log format shows (Payara: _ThreadName), so a job's logs can be found.
        Thread thread = Thread.currentThread();
        String threadName = thread.getName();
        thread.setName(threadName + " [job " + job.uuid() + " " + job.jobFunction() + "]");
        List<JobContextValue> restored = List.of();
        try {
            restored = contextValues.restore(context);
            call.open();
            try {
                return invoker.invoke(function, arguments);
            } finally {
                call.close();
            }
        } finally {
            try {
                if (CurrentJob.progressPending()) {
                    currentJob.flushProgress();
                }
            } finally {
                contextValues.clear(restored);
                CurrentJob.clear();
                thread.setName(threadName);
            }
        }
    }
}
