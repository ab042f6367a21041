package org.queuejob.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the records of the deployment's {@code @Recurring} methods as the application starts (after the schema is
 * migrated), then looks for due recurring jobs every second. Every server of a cluster looks: the tick claim in the
 * database lets one of them enqueue each tick (see {@link RecurringJobService}), so a tick is neither lost with a
 * server that is down nor enqueued twice. A non-persistent EJB timer: it only wakes the look-up; the schedule is in the
 * records.
 */
@Startup
@Singleton
@DependsOn("QueueJobLifecycle")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RecurringJobScheduler {

    /** How often due records are looked for: a tick's job is enqueued at most this late. */
    static final long INTERVAL_MS = 1000;

    private static final Logger LOG = Logger.getLogger(RecurringJobScheduler.class.getName());

    @Resource
    TimerService timers;

    @Inject
    RecurringJobService recurring;

    private final AtomicBoolean looking = new AtomicBoolean();

    @PostConstruct
    void start() {
        recurring.registerDeclared();
        timers.createIntervalTimer(INTERVAL_MS, INTERVAL_MS, new TimerConfig("queue-job recurring jobs", false));
    }

    @Timeout
    void look() {
        if (!looking.compareAndSet(false, true)) {
            return; // the previous look is still running
        }
        try {
            recurring.fireDue();
        } catch (RuntimeException e) {
            // The database may be away: the next look tries again.
            LOG.log(Level.WARNING, "Recurring jobs not looked at; trying again in a second", e);
        } finally {
            looking.set(false);
        }
    }
}
