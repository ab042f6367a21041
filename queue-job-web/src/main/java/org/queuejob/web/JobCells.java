package org.queuejob.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.List;
import org.queuejob.application.JobQueryService;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.web.format.JobTexts;
import org.queuejob.web.format.RunTexts;

/** The texts of the job list's cells: the same for every user and view, so one bean for all of them. */
@Named
@ApplicationScoped
public class JobCells {

    @Inject
    JobQueryService jobQueries;

    public String simpleFunctionName(String jobFunction) {
        return JobTexts.simpleFunctionName(jobFunction);
    }

    public String simpleClassName(String className) {
        return JobTexts.simpleClassName(className);
    }

    public List<String> channelLevels(String channel) {
        return JobTexts.channelLevels(channel);
    }

    public String seconds(Long millis) {
        return JobTexts.seconds(millis);
    }

    /** How long a started job has run so far (its time is known when it ends); null for any other row. */
    public String runningFor(JobRow job) {
        if (job.state() != JobState.STARTED || job.dateStarted() == null) {
            return null;
        }
        return "for " + RunTexts.duration(Duration.between(job.dateStarted(), jobQueries.now()));
    }
}
