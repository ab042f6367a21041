package org.queuejob.api;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * What job code may know about the job it runs in ({@code @Inject JobContext job;}): empty outside a job, so the
 * same bean can tell whether it was called directly or by the queue.
 */
public interface JobContext {

    /** The running job's uuid; empty when not called by the queue. */
    Optional<UUID> jobUuid();

    /** Which try this is: 1 for the first; 0 when not called by the queue. */
    int attempt();

    /** The user who enqueued the job, when there was one. */
    Optional<String> user();

    /**
     * A value of the enqueuing caller's context carried to the run (see {@link JobContextValue}); empty when not
     * called by the queue or when the caller had none.
     */
    Optional<String> value(String key);

    /** The enqueuing caller's locale (the Faces view's, else the enqueuing server's default). */
    Optional<Locale> locale();

    /** The enqueuing caller's time zone (the enqueuing server's default unless the application supplies one). */
    Optional<ZoneId> timeZone();
}
