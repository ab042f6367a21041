package org.queuejob.web;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.domain.model.job.QueueJob;

/**
 * One row of the job list, as the table shows it: a view of a job, not the entity. It is serializable, so a view
 * that is serialised (session passivation or replication) keeps its rows and the user's selection, where entities
 * left it empty; and nothing the page does can reach the aggregate's state changes. The accessor names are the
 * entity's, so the page reads the same.
 */
public record JobRow(
        Long id,
        UUID uuid,
        String description,
        String jobFunction,
        JobState state,
        Integer progress,
        String progressMessage,
        Instant dateCreated,
        Instant eta,
        Instant dateStarted,
        Instant dateDone,
        Long execTimeMillis,
        String excName,
        String excMessage,
        String channel,
        int priority,
        String userName)
        implements Serializable {

    static JobRow of(QueueJob job) {
        return new JobRow(
                job.id(),
                job.uuid(),
                job.description(),
                job.jobFunction(),
                job.state(),
                job.progress(),
                job.progressMessage(),
                job.dateCreated(),
                job.eta(),
                job.dateStarted(),
                job.dateDone(),
                job.execTimeMillis(),
                job.excName(),
                job.excMessage(),
                job.channel(),
                job.priority(),
                job.userName());
    }
}
