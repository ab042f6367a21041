package org.queuejob.infrastructure.execution;

import jakarta.enterprise.context.control.RequestContextController;
import java.util.logging.Logger;

/**
 * One request context per job on a worker loop, as one per web request: request-scoped beans a job uses (its own
 * bean, a helper, an application's request-scoped {@code EntityManager}) are created for it and destroyed when it
 * ends, never seen by the next job.
 *
 * <p>A loop runs many jobs in one call of {@link JobRunner}, and the container gives a session bean call a request
 * context only when none is active, for the whole call. So the loop's context is opened before that call, on the
 * worker thread, and renewed between its jobs: the call then finds one active and adds none of its own.
 */
final class RequestPerJob implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RequestPerJob.class.getName());

    private static volatile boolean sharedContextReported;

    private final RequestContextController controller;
    private boolean ours;

    private RequestPerJob(RequestContextController controller) {
        this.controller = controller;
    }

    /** Opens the first job's context on this thread. */
    static RequestPerJob open(RequestContextController controller) {
        RequestPerJob requests = new RequestPerJob(controller);
        requests.activate();
        return requests;
    }

    /** The job ended: its request-scoped beans are destroyed, and the next job gets a new context. */
    void renew() {
        close();
        activate();
    }

    @Override
    public void close() {
        if (ours) {
            ours = false;
            controller.deactivate();
        }
    }

    private void activate() {
        ours = controller.activate();
        if (!ours && !sharedContextReported) {
            // Only a container that starts its managed threads inside a request context gets here.
            sharedContextReported = true;
            LOG.warning("The worker thread already had a request context: jobs on it share their request-scoped"
                    + " beans until the thread's task ends");
        }
    }
}
