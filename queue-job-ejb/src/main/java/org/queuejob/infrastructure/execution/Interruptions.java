package org.queuejob.infrastructure.execution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.queuejob.infrastructure.observability.Meters;

/**
 * Counts the runs this server interrupted, by reason, as the counter {@value #INTERRUPTED}: a job past its timeout
 * whose function is interrupted then, or a job someone cancelled, set done or requeued while it ran. A run counts
 * once, when its thread is interrupted; one that was not (its method had returned, or its setting is false) does not.
 *
 * <p>Both series exist from the queue's start, at zero, so that an alert on their rate needs no "absent" clause.
 */
@ApplicationScoped
public class Interruptions {

    public static final String INTERRUPTED = "queue_job.interrupted";

    private static final String DESCRIPTION =
            "Runs this server interrupted, by reason: past their timeout, taken away by"
                    + " hand (cancelled, set done or requeued) while they ran, or still running at the server's stop";

    /** Why a run was interrupted; its word is the metric's {@code reason} tag. */
    public enum Reason {
        /** Past its job function's timeout, with {@code queue-job.job-timeout-interrupt} true for it. */
        TIMEOUT,
        /** Cancelled, set done or requeued by hand while it ran, with {@code queue-job.cancel-interrupt} true for it. */
        TAKEN_AWAY,
        /**
         * Still running when its server stopped, past {@code queue-job.shutdown-timeout-seconds}, with {@code
         * queue-job.cancel-interrupt} true for it: its job is released to pending.
         */
        SHUTDOWN;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Inject
    Meters meters;

    private volatile Map<Reason, Meters.Count> counts;

    /** Registers every series; called once the queue starts, and harmless again. */
    void register() {
        counts();
    }

    void interrupted(Reason reason) {
        counts().get(reason).inc();
    }

    /** Runs interrupted for {@code reason} on this server since it started. */
    public long count(Reason reason) {
        return counts().get(reason).count();
    }

    private Map<Reason, Meters.Count> counts() {
        Map<Reason, Meters.Count> made = counts;
        if (made == null) {
            synchronized (this) {
                made = counts;
                if (made == null) {
                    made = new EnumMap<>(Reason.class);
                    for (Reason reason : Reason.values()) {
                        made.put(reason, meters.counter(INTERRUPTED, DESCRIPTION, "reason", reason.word()));
                    }
                    counts = made;
                }
            }
        }
        return made;
    }
}
