package org.queuejob.it.broken;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import org.queuejob.api.Job;

/** {@code @Job} methods where no worker can run them as the caller expects: the deployment must fail, naming each. */
public final class MisplacedJobs {

    private MisplacedJobs() {}

    /** No session on a worker: every run would fail. */
    @SessionScoped
    public static class PerUser implements Serializable {
        private static final long serialVersionUID = 1L;

        @Job
        public void remind(String user) {}
    }

    /** Stored outside the caller's transaction, and run apart from its done mark. */
    @ApplicationScoped
    public static class Apart {
        @Job
        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void audit(String event) {}
    }
}
