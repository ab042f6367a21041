package org.queuejob.web;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.domain.model.job.QueueJob;

/**
 * One job as its page ({@code job.xhtml}) shows it: a view of the job, not the entity, so that nothing the page does
 * can reach the aggregate's state changes. The accessor names are the entity's, so the page reads the same; the graph
 * uuid is null for a job outside a graph (the entity's is an {@code Optional}, which is not serializable).
 */
public record JobView(
        UUID uuid,
        UUID graphUuid,
        String description,
        String jobFunction,
        String arguments,
        JobState state,
        Integer progress,
        String progressMessage,
        String channel,
        int priority,
        Instant eta,
        String userName,
        String worker,
        Instant dateCreated,
        Instant dateEnqueued,
        Instant dateStarted,
        Instant dateDone,
        Instant dateCancelled,
        Long execTimeMillis,
        int retry,
        int maxRetries,
        String result,
        String excName,
        String excMessage,
        String excInfo)
        implements Serializable {

    static JobView of(QueueJob job) {
        return new JobView(
                job.uuid(),
                job.graphUuid().orElse(null),
                job.description(),
                job.jobFunction(),
                job.arguments(),
                job.state(),
                job.progress(),
                job.progressMessage(),
                job.channel(),
                job.priority(),
                job.eta(),
                job.userName(),
                job.worker(),
                job.dateCreated(),
                job.dateEnqueued(),
                job.dateStarted(),
                job.dateDone(),
                job.dateCancelled(),
                job.execTimeMillis(),
                job.retry(),
                job.maxRetries(),
                job.result(),
                job.excName(),
                job.excMessage(),
                job.excInfo());
    }
}
