package org.queuejob.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.queuejob.infrastructure.config.QueueJobClock;
import org.queuejob.infrastructure.config.QueueJobSettings;

/**
 * Resumes bulk actions whose execution is gone, on every server, every heartbeat: the actions this server ran before
 * it restarted (at once), and those of a server that has been silent for longer than the dead-after delay. The
 * database decides which server resumes each (the record's epoch), so several servers sweeping at once resume it once.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BulkActionRecovery {

    private static final Logger LOG = Logger.getLogger(BulkActionRecovery.class.getName());

    @Resource
    TimerService timers;

    @Inject
    BulkActionService bulkActions;

    @Inject
    QueueJobSettings settings;

    @Inject
    @QueueJobClock
    Clock clock;

    /** When this application started: this server's actions that have not beaten since were left by a restart. */
    private Instant started;

    @PostConstruct
    void schedule() {
        started = clock.instant();
        long every = settings.heartbeat().toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("queue-job bulk action recovery", false));
    }

    @Timeout
    void sweep() {
        try {
            int resumed = bulkActions.resumeOrphaned(started);
            if (resumed > 0) {
                LOG.info(() -> resumed + " bulk action(s) resumed from their checkpoint");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not look for bulk actions to resume", e);
        }
    }

    /** When this application started: this server's running actions silent since then were left by its restart. */
    public Instant started() {
        return started;
    }

    /** Sweeps now (tests, and whoever cannot wait for the next heartbeat). */
    public int sweepNow() {
        return bulkActions.resumeOrphaned(started);
    }
}
