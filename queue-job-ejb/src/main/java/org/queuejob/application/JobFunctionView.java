package org.queuejob.application;

import org.queuejob.domain.model.server.FunctionReach;

/**
 * A job function as the back office lists it: the values in effect, and what staff edited ({@code null} where the
 * code's default applies). {@code deployedHere} is false for a record whose method this deployment no longer has;
 * {@code reach} says which running servers can run it now.
 */
public record JobFunctionView(
        String name,
        String channel,
        String retryPattern,
        String relatedAction,
        String editedChannel,
        String editedRetryPattern,
        String editedRelatedAction,
        boolean deployedHere,
        FunctionReach reach) {}
