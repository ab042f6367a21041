package org.queuejob.application;

import java.util.Set;
import org.queuejob.domain.model.job.JobState;

/**
 * What the back office asks for: jobs in some states (empty = all), optionally of one channel, and whose
 * description, job function or exception message contains a text (case-insensitive).
 */
public record JobFilter(Set<JobState> states, String channel, String text) {

    public JobFilter {
        states = states == null ? Set.of() : Set.copyOf(states);
        channel = channel == null || channel.isBlank() ? null : channel.strip();
        text = text == null || text.isBlank() ? null : text.strip();
    }

    public static JobFilter all() {
        return new JobFilter(Set.of(), null, null);
    }
}
