package org.queuejob.domain.model.channel;

/**
 * Channel settings changed (capacity, sequential, throttle, pause; a record created or deleted) in the transaction
 * that fires it. The dispatcher applies them once it commits, rather than at its next poll, so a pause holds from the
 * moment it is saved.
 */
public record ChannelsChanged(String channel) {}
