package org.queuejob.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorDefinition;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.queuejob.domain.scheduling.ChannelConfig;
import org.queuejob.domain.scheduling.ChannelTree;
import org.queuejob.infrastructure.config.QueueJobSettings;
import org.queuejob.infrastructure.execution.QueueRuntime;
import org.queuejob.infrastructure.interception.NoDelay;
import org.queuejob.infrastructure.persistence.SchemaMigration;

/**
 * Starts the queue with the application and stops it with it. An EJB because only a {@code @Startup} singleton gives
 * a start-up hook that runs before the application takes requests, and a shutdown hook the container waits for.
 *
 * <p>The queue defines its own executors: the server's default ones share one thread between all their tasks (see
 * QueueExecutors in the execution package).
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@ManagedScheduledExecutorDefinition(name = QueueRuntime.SCHEDULER, maxAsync = 2)
@ManagedExecutorDefinition(name = QueueRuntime.WORKERS, maxAsync = QueueRuntime.MAX_WORKERS)
public class QueueJobLifecycle {

    private static final Logger LOG = Logger.getLogger(QueueJobLifecycle.class.getName());

    @Inject
    SchemaMigration schema;

    @Inject
    QueueRuntime runtime;

    @Inject
    ChannelService channels;

    @Inject
    JobFunctionService jobFunctions;

    @Inject
    QueueJobSettings settings;

    @Inject
    ApplicationStart applicationStart;

    @PostConstruct
    void start() {
        if (NoDelay.everywhere()) {
            LOG.warning(NoDelay.VARIABLE + " is set: every @Job call runs at once, in its caller. NO JOB is stored or "
                    + "scheduled. For development only, never in production.");
        }
        schema.migrate();
        jobFunctions.registerDeployed();
        if (settings.dispatchEnabled()) {
            startDispatching();
        } else {
            LOG.info("Queue job not started on this server: queue-job.dispatch-enabled is false. It stores jobs and"
                    + " serves the back office, and runs none.");
        }
        applicationStart.over();
    }

    /**
     * Applies the channel string to the channel records, then runs this server's part of the queue. (A malformed
     * string never gets here: {@code ChannelConfigCheck} refuses the deployment.)
     */
    private void startDispatching() {
        ChannelConfig config = ChannelConfig.parse(settings.channels());
        if (config.isDispatchDisabled()) {
            LOG.info(() ->
                    "Queue job not started on this server: the root channel's capacity is 0 (" + config.source() + ")");
            return;
        }
        channels.apply(config);
        runtime.start(new ChannelTree(channels.specs()));
    }

    @PreDestroy
    void stop() {
        runtime.stop(settings.shutdownTimeout());
    }
}
