package org.queuejob.it.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.queuejob.api.Job;
import org.queuejob.api.JobContext;

/** Jobs that report progress and write log records, held at a latch so the test can look at them running. */
@ApplicationScoped
public class ProgressJobs {

    private static final Logger LOG = Logger.getLogger(ProgressJobs.class.getName());

    @Inject
    JobContext context;

    private volatile CountDownLatch halfway = new CountDownLatch(1);
    private volatile CountDownLatch release = new CountDownLatch(1);

    public void reset() {
        halfway = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    public boolean isHalfway() {
        return halfway.getCount() == 0;
    }

    public void release() {
        release.countDown();
    }

    /** Reports 0..50 % quickly (most reports throttled), waits for the test, then 100 %; logs a marker. */
    @Job
    public String importRows(String marker) throws InterruptedException {
        LOG.info("Importing rows for " + marker);
        for (int percent = 0; percent <= 50; percent += 5) {
            context.progress(percent, "Imported " + percent + " % of " + marker);
        }
        halfway.countDown();
        if (!release.await(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("never released");
        }
        context.progress(99, "Almost done with " + marker);
        return "imported " + marker;
    }

    /**
     * Reports a message longer than the column, whose cut would fall inside an emoji (two Java chars): 253 letters,
     * then U+1F600, then more.
     */
    @Job
    public void reportPastTheColumn(String marker) {
        context.progress(10, "x".repeat(253) + "\uD83D\uDE00 and the rest of " + marker);
    }

    /** Reports progress, then fails: the progress stays with the failed job. */
    @Job
    public void failHalfway(String marker) {
        context.progress(40, "Read 40 % of " + marker);
        throw new IllegalStateException("Broken file " + marker);
    }
}
