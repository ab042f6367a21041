package org.queuejob.application;

/**
 * A job function as the back office lists it: the values in effect, and what staff edited ({@code null} where the
 * code's default applies). {@code deployedHere} is false for a record whose method this deployment no longer has.
 */
public record JobFunctionView(
        String name,
        String channel,
        String retryPattern,
        String relatedAction,
        String editedChannel,
        String editedRetryPattern,
        String editedRelatedAction,
        boolean deployedHere) {}
