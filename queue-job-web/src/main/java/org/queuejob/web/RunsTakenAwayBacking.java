package org.queuejob.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.queuejob.application.JobQueryService;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.domain.model.job.RunTakenAway;
import org.queuejob.web.format.RunTexts;

/**
 * The job page's word on runs that go on after the job was taken from them by hand (cancelled, set done or requeued
 * while they ran, and not interrupted, or deaf to it): where each runs, and what it holds until it returns. Its own
 * concern beside {@link JobBacking}, read once per request.
 */
@Named
@RequestScoped
public class RunsTakenAwayBacking {

    static final String NOTE =
            "Its run on %s goes on, %s after it was taken from it: it holds a worker there and a slot"
                    + " of %s until its method returns, and its work is then rolled back.";

    /** Said too when the job was requeued: it is not handed out again while its old run goes on. */
    static final String WAITS = " The job, pending again, waits for that run to return before it runs again.";

    @Inject
    JobBacking page;

    @Inject
    JobQueryService jobQueries;

    private List<String> notes;

    /** One sentence per run going on; none, nearly always. */
    public List<String> getNotes() {
        if (notes == null) {
            QueueJob job = page.entity();
            Instant now = jobQueries.now();
            notes = job == null
                    ? List.of()
                    : jobQueries.runsTakenAway(job).stream()
                            .map(run -> note(run, now, job.state() == JobState.PENDING))
                            .toList();
        }
        return notes;
    }

    static String note(RunTakenAway run, Instant now, boolean jobWaits) {
        Duration since = Duration.between(run.takenAt(), now);
        return String.format(
                        NOTE,
                        run.worker(),
                        RunTexts.duration(since.isNegative() ? Duration.ZERO : since),
                        run.channel())
                + (jobWaits ? WAITS : "");
    }
}
