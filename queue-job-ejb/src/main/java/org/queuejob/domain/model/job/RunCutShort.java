package org.queuejob.domain.model.job;

/**
 * A job's run cut short by its server's death (its process killed or crashed, its session lost), taken back by the
 * leader's rescue or by the same server at its next start ({@link JobTransition#RELEASE}).
 *
 * <p>A job marked {@code started} had run for over a second when its server died, so that try counts: the job goes
 * back to pending with one try more and says why in its result, and the try that reaches its max retries fails it
 * instead ({@link JobTransition#GIVE_UP_CUT_SHORT}). A job whose run takes its server down (out of memory, a native
 * crash) thus stops doing so after max retries rather than take a server down after every rescue; a max retries of 0
 * (tries without end) still retries it for ever.
 *
 * <p>A job still {@code enqueued} may never have started (it waited in its server's buffer), or may have taken its
 * server down within its first second, before the mark: it goes back uncounted, but counted as taken back unstarted
 * ({@code queue_job.taken_back_unstarted}), and from then on each of its runs is marked started as it begins ({@link
 * ClaimedJob#takenBackUnstarted()}), at the price of one more statement per run for such jobs only. So a job that
 * crashes its server at once costs one uncounted try, then counts every further one; a job that only waited in a
 * buffer loses nothing. Every job a server releases when it stops gracefully goes back uncounted and unmarked: that
 * is not the job's doing. (The original never takes a started job back at all: it stays started until someone
 * requeues it.)
 */
public final class RunCutShort {

    /** The exception name a job failed this way is recorded with: no Java exception was thrown. */
    public static final String EXCEPTION_NAME = "org.queuejob.ServerStoppedWhileRunning";

    /**
     * The failure's message, in PostgreSQL's {@code format}: the max retries, then the server's name. Worded as every
     * max-retries failure is ({@link QueueJob}).
     */
    public static final String FAILED = QueueJob.MAX_RETRIES_REACHED
            .replace("%d", "%s")
            .formatted("%s", "the server running it (%s) stopped before the job ended");

    /** The result of a job taken back this way with tries left, in PostgreSQL's {@code format}: the server's name. */
    public static final String RETRIED =
            "The server running it (%s) stopped before the job ended; that try is counted and the job is pending again";

    /**
     * The result of a job taken back still enqueued, in PostgreSQL's {@code format}: the server's name. Its try is not
     * counted; its next runs are marked started as they begin.
     */
    public static final String UNSEEN = "The server holding it (%s) stopped before the job was seen to start; that try"
            + " is not counted, and from now on its runs are marked started as they begin, so that a run that stops"
            + " its server is counted";

    private RunCutShort() {}
}
