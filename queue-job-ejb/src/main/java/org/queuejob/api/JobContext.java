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

    /**
     * Reports how far the running job has come: {@code percent} from 0 to 100 and a short message (up to 255
     * characters; longer is cut). Shown live in the back office and the REST API, and kept with the job whatever its
     * outcome. Written in a transaction of its own at most once a second (the last report of a run is always
     * written), so a job may call it as often as it likes. Outside a job it does nothing.
     *
     * @throws IllegalArgumentException if {@code percent} is not between 0 and 100
     */
    void progress(int percent, String message);
}
