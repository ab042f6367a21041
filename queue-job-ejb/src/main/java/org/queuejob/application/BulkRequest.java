package org.queuejob.application;

import java.io.Serializable;
import java.util.Objects;
import org.queuejob.domain.model.job.ChannelName;
import org.queuejob.domain.model.job.JobPriority;

/**
 * A bulk action with its argument: the new priority or channel, when the action needs one. A channel that breaks the
 * grammar is refused here with a sentence saying why ({@link IllegalArgumentException}).
 */
public record BulkRequest(BulkAction action, Integer priority, String channel) implements Serializable {

    public BulkRequest {
        Objects.requireNonNull(action, "An action is required.");
        if (action == BulkAction.CHANGE_PRIORITY) {
            if (priority == null) {
                throw new IllegalArgumentException("A new priority is required.");
            }
            JobPriority.requireValid(priority);
        }
        if (action == BulkAction.CHANGE_CHANNEL) {
            if (channel == null || channel.isBlank()) {
                throw new IllegalArgumentException("A new channel is required.");
            }
            // Refused here, before any job is touched, with the grammar's sentence (not "1 not changed").
            channel = ChannelName.normalize(channel);
        }
    }

    public static BulkRequest of(BulkAction action) {
        return new BulkRequest(action, null, null);
    }
}
