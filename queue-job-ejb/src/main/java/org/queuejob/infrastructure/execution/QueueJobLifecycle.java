package org.queuejob.infrastructure.execution;

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
import org.queuejob.application.JobFunctionService;
import org.queuejob.infrastructure.config.QueueJobSettings;
import org.queuejob.infrastructure.interception.NoDelay;
import org.queuejob.infrastructure.persistence.SchemaMigration;

/**
 * Starts the queue with the application and stops it with it. An EJB because only a {@code @Startup} singleton gives
 * a start-up hook that runs before the application takes requests, and a shutdown hook the container waits for.
 *
 * <p>The queue defines its own executors: the server's default ones share one thread between all their tasks (see
 * {@link QueueExecutors}).
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@ManagedScheduledExecutorDefinition(name = Dispatcher.SCHEDULER, maxAsync = 2)
@ManagedExecutorDefinition(name = Dispatcher.WORKERS, maxAsync = Dispatcher.MAX_WORKERS)
public class QueueJobLifecycle {

    private static final Logger LOG = Logger.getLogger(QueueJobLifecycle.class.getName());

    @Inject
    SchemaMigration schema;

    @Inject
    Dispatcher dispatcher;

    @Inject
    JobFunctionService jobFunctions;

    @Inject
    QueueJobSettings settings;

    @PostConstruct
    void start() {
        if (NoDelay.everywhere()) {
            LOG.warning(NoDelay.VARIABLE + " is set: every @Job call runs at once, in its caller. NO JOB is stored or "
                    + "scheduled. For development only, never in production.");
        }
        schema.migrate();
        jobFunctions.registerDeployed();
        if (settings.dispatchEnabled()) {
            dispatcher.start();
        }
    }

    @PreDestroy
    void stop() {
        dispatcher.stop(settings.shutdownTimeout());
    }
}
