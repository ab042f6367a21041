package org.queuejob.it.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Holds a running job at a known point until the test lets it go on, or its server interrupts it. */
@ApplicationScoped
public class Gate {

    private volatile CountDownLatch reached = new CountDownLatch(1);
    private volatile CountDownLatch opened = new CountDownLatch(1);
    private volatile CountDownLatch interrupted = new CountDownLatch(1);

    public void reset() {
        reached = new CountDownLatch(1);
        opened = new CountDownLatch(1);
        interrupted = new CountDownLatch(1);
    }

    /** Called by the job: says it got here, then waits (at most a minute) for the test, or for an interrupt. */
    void pass() throws InterruptedException {
        reached.countDown();
        try {
            if (!opened.await(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("The gate was never opened");
            }
        } catch (InterruptedException e) {
            interrupted.countDown();
            throw e;
        }
    }

    /** Whether a job waiting at the gate was interrupted there. */
    public boolean wasInterrupted() {
        return interrupted.getCount() == 0;
    }

    public boolean isReached() {
        return reached.getCount() == 0;
    }

    public void open() {
        opened.countDown();
    }
}
