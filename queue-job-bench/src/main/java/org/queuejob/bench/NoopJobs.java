package org.queuejob.bench;

import jakarta.enterprise.context.ApplicationScoped;
import org.queuejob.api.Job;
import org.queuejob.bench.phase.RunLog;

/** The queue's no-op job: it only notes that it ran, and when, as the peers' jobs do. */
@ApplicationScoped
public class NoopJobs {

    private final RunLog log = new RunLog();

    @Job
    public void noop(int index) {
        log.started();
    }

    /** The same, stored into a channel that stays paused: for measuring the enqueue alone. */
    @Job(channel = QueueJobSystem.PAUSED_CHANNEL)
    public void held(int index) {
        log.started();
    }

    RunLog log() {
        return log;
    }
}
