package org.queuejob.infrastructure.execution;

/**
 * When the jobs buffered on a server are topped up, and how much room a dispatch round needs: half the prefetch.
 *
 * <p>A dispatch round costs two statements (the channel's heads read, the dispatch) however few jobs it hands out.
 * Under load, rounds that followed each other at once handed out only the jobs that ended during the round before:
 * about 18 a round in the benchmark (20 workers, prefetch 60). Asking for more when half the prefetch has gone, and
 * starting a further round only for at least that many, makes rounds about half the prefetch, while the half still
 * buffered covers the round's own time: no worker waits for it.
 *
 * @param level jobs: at least 1, so that without prefetch a server asks as soon as its buffer is empty
 */
record Refill(int level) {

    Refill {
        if (level < 1) {
            throw new IllegalArgumentException("a refill level is at least 1");
        }
    }

    /** For a server running {@code workers} jobs at once and holding at most {@code heldLimit}. */
    static Refill of(int workers, int heldLimit) {
        return new Refill(Math.max(1, (heldLimit - workers) / 2));
    }

    /** Whether a server with {@code buffered} jobs waiting for a worker asks for more. */
    boolean asksForMore(int buffered) {
        return buffered < level;
    }

    /**
     * Whether a round after a pass's first is worth its statements with room for {@code room} more jobs (all servers
     * together). A pass's first round always runs: it answers a job stored, a slot freed, a server's request.
     */
    boolean worthAnotherRound(int room) {
        return room >= level;
    }
}
