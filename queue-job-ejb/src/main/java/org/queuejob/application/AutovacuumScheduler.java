package org.queuejob.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.queuejob.domain.model.autovacuum.AutovacuumRunningException;
import org.queuejob.infrastructure.config.AutovacuumConfig;
import org.queuejob.infrastructure.config.QueueJobSettings;

/**
 * Starts the autovacuum every day at {@code queue-job.autovacuum.time} (server time zone). Every server of a cluster
 * has this timer; the first to fire runs, the others are refused by the database guard (or skip, if the run already
 * ended) and say so in their log. A non-persistent EJB timer: a day missed while the server was down is simply
 * caught up the next day, and a persistent timer would need the timer database on every server.
 *
 * <p>A server that only enqueues ({@code queue-job.dispatch-enabled=false}) has no timer: a run gives way to the
 * workers of the server it runs on, and such a server has none to see, so it would delete at full duty while the
 * others are busy. It can still start a run by hand.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AutovacuumScheduler {

    private static final Logger LOG = Logger.getLogger(AutovacuumScheduler.class.getName());

    @Resource
    TimerService timers;

    @Inject
    QueueJobSettings settings;

    @Inject
    AutovacuumService autovacuum;

    @PostConstruct
    void schedule() {
        AutovacuumConfig config = settings.autovacuum();
        if (!config.enabled()) {
            LOG.info(() -> "Daily autovacuum off (" + AutovacuumConfig.ENABLED + "=false)");
            return;
        }
        if (!settings.dispatchEnabled()) {
            LOG.info("Daily autovacuum left to the servers that run jobs (queue-job.dispatch-enabled=false here)");
            return;
        }
        ScheduleExpression daily = new ScheduleExpression()
                .hour(config.time().getHour())
                .minute(config.time().getMinute())
                .second(0);
        timers.createCalendarTimer(daily, new TimerConfig("queue-job autovacuum", false));
        LOG.info(() -> "Daily autovacuum at " + config.time() + " "
                + ZoneId.systemDefault().getId() + ", " + config.pace().chunkSize() + " jobs per chunk, duty "
                + config.pace().maxDuty() + " (" + config.yielding().dutyAt(config.pace(), 1)
                + " while this server's workers are busy)");
    }

    @Timeout
    void run() {
        try {
            autovacuum
                    .startScheduled()
                    .ifPresentOrElse(
                            run -> LOG.info(() -> "Daily autovacuum started: run " + run.id()),
                            () -> LOG.info("Daily autovacuum already started by another server within the hour"));
        } catch (AutovacuumRunningException e) {
            LOG.info(() -> "Daily autovacuum not started here: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Daily autovacuum could not start", e);
        }
    }
}
