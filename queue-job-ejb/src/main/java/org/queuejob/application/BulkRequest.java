package org.queuejob.application;

import java.io.Serializable;
import java.util.Objects;

/** A bulk action with its argument: the new priority or channel, when the action needs one. */
public record BulkRequest(BulkAction action, Integer priority, String channel) implements Serializable {

    public BulkRequest {
        Objects.requireNonNull(action, "An action is required.");
        if (action == BulkAction.CHANGE_PRIORITY && priority == null) {
            throw new IllegalArgumentException("A new priority is required.");
        }
        if (action == BulkAction.CHANGE_CHANNEL && (channel == null || channel.isBlank())) {
            throw new IllegalArgumentException("A new channel is required.");
        }
    }

    public static BulkRequest of(BulkAction action) {
        return new BulkRequest(action, null, null);
    }
}
