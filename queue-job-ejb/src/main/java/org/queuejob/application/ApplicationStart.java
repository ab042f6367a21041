package org.queuejob.application;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether the application's start-up ({@link QueueJobLifecycle}) is over. A CDI bean, not a session bean: a timer
 * asks it before calling the application's session beans, since WildFly holds such calls until every start-up bean
 * of the deployment has started, and a start-up that fails (a refused worker name, say) would leave the timer, its
 * transaction and then the undeploy waiting for good.
 */
@ApplicationScoped
public class ApplicationStart {

    private volatile boolean over;

    void over() {
        over = true;
    }

    public boolean isOver() {
        return over;
    }
}
