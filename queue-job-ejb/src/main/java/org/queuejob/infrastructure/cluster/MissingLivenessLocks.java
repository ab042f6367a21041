package org.queuejob.infrastructure.cluster;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The servers the leader has seen without their liveness lock, and since when. A lock may have no holder for the
 * grace before its server counts as dead: long enough for a listener to reconnect after a database restart, short
 * enough for a takeover within seconds. Times are {@link System#nanoTime()} readings, passed in so that tests choose
 * them.
 */
final class MissingLivenessLocks {

    private final long graceNanos;
    private final Map<String, Long> missingSince = new HashMap<>();

    MissingLivenessLocks(Duration grace) {
        this.graceNanos = grace.toNanos();
    }

    /** Forgets the servers no longer known at all (left, or silent past the heartbeat's limit). */
    void retainOnly(Set<String> known) {
        missingSince.keySet().retainAll(known);
    }

    /** Whether {@code server} counts as alive at {@code now}, its lock held or missing for less than the grace. */
    boolean alive(String server, boolean lockHeld, long now) {
        if (lockHeld) {
            missingSince.remove(server);
            return true;
        }
        long since = missingSince.computeIfAbsent(server, name -> now);
        return now - since < graceNanos;
    }

    /**
     * How long after {@code now} the first grace still running ends, so that the leader looks again then rather than
     * at its next poll; empty when no lock is missing or every grace has ended.
     */
    Optional<Duration> untilFirstGraceEnds(long now) {
        return missingSince.values().stream()
                .map(since -> since + graceNanos - now)
                .filter(left -> left > 0)
                .min(Long::compare)
                .map(Duration::ofNanos);
    }
}
