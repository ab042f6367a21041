/**
 * Channels as records: the {@link org.queuejob.domain.model.channel.Channel} aggregate (capacity, sequential,
 * throttle, paused, removal interval) and its repository. The scheduling rules themselves live in {@code
 * domain.scheduling}, which knows nothing of persistence.
 */
package org.queuejob.domain.model.channel;
