package org.queuejob.infrastructure.execution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.logging.Logger;
import org.queuejob.domain.model.job.ClaimedJob;
import org.queuejob.infrastructure.config.WorkerIdentity;
import org.queuejob.infrastructure.persistence.QueueStore;

/**
 * This server's part in keeping the slots of runs taken away ({@code V24}): a run whose job someone cancelled, set
 * done or requeued while it ran goes on until its method returns, and the change by hand wrote a row that makes the
 * leader count it as occupying its channel's slot meanwhile, on whichever server it runs. This server deletes that
 * row when the run returns, before it tells the leader that the slot is free; and once a second it deletes the rows of
 * jobs it no longer holds: a delete that failed (the database was away), a job cancelled before this server read that
 * it was handed it (it never runs here), a run of an earlier life of this server. A server that stops deletes its rows
 * as it leaves, and the leader deletes those of servers it finds dead.
 */
@ApplicationScoped
class RunsTakenAway {

    private static final Logger LOG = Logger.getLogger(RunsTakenAway.class.getName());

    /** While the database is away every delete fails: a line a minute says so. */
    private static final QuietLog UNFORGOTTEN_LOG = new QuietLog(LOG, Duration.ofMinutes(1));

    @Inject
    QueueStore store;

    @Inject
    WorkerIdentity me;

    /** {@code job}'s run here returned after its job was taken from it: its slot is free from now on. */
    void returned(ClaimedJob job) {
        try {
            store.forgetRunTakenAway(me.name(), job.id(), job.version());
        } catch (RuntimeException e) {
            UNFORGOTTEN_LOG.warn(() -> "Could not record that the run of job " + job.id() + " taken away by hand"
                    + " returned (" + e.getMessage() + "); its channel's slot is freed within seconds of the"
                    + " database's return");
        }
    }

    /** Forgets this server's runs taken away whose jobs are not among {@code held}, the jobs it holds now. */
    void forgetAllBut(Set<Long> held) {
        try {
            int forgotten = store.forgetRunsTakenAwayExcept(me.name(), held);
            if (forgotten > 0) {
                LOG.fine(() -> forgotten + " run(s) taken away by hand and no longer here: their slots are free");
            }
        } catch (RuntimeException e) {
            UNFORGOTTEN_LOG.warn(() -> "Could not free the slots of runs taken away by hand that no longer run here ("
                    + e.getMessage() + "); trying again in a second");
        }
    }
}
