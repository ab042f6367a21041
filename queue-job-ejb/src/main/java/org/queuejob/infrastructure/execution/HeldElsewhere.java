package org.queuejob.infrastructure.execution;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The jobs other servers hold, as the leader counts them: per job the server, the channel and the version that names
 * the hand-over. A job's end told by its server frees it only if that same hand-over is still counted: a message that
 * arrives late, after the leader read the database again and handed the job out anew (a retry), frees nothing, so a
 * slot is never counted free twice.
 *
 * <p>Plain Java, not thread-safe: the dispatcher uses it under its pass lock.
 */
final class HeldElsewhere {

    /** One job held by another server. */
    record Held(String server, String channel, long version) {}

    private final Map<Long, Held> byJob = new HashMap<>();
    private final Map<String, Integer> perServer = new HashMap<>();

    /** Forgets everything, before the database is read again. */
    void clear() {
        byJob.clear();
        perServer.clear();
    }

    /** {@code server} holds job {@code id} of {@code channel}, handed over at row version {@code version}. */
    void handedOver(long id, String server, String channel, long version) {
        Held before = byJob.put(id, new Held(server, channel, version));
        if (before != null) {
            count(before.server(), -1);
        }
        count(server, +1);
    }

    /** Whether job {@code id} is counted as held by another server. */
    boolean holds(long id) {
        return byJob.containsKey(id);
    }

    /** How many jobs {@code server} holds, as counted here. */
    int heldBy(String server) {
        return perServer.getOrDefault(server, 0);
    }

    /**
     * The hand-over of job {@code id} at {@code version} ended: forgets it and returns what it was, or empty when
     * that hand-over is not counted here (already read as ended from the database, or the job handed out again).
     */
    Optional<Held> ended(long id, long version) {
        Held held = byJob.get(id);
        if (held == null || held.version() != version) {
            return Optional.empty();
        }
        byJob.remove(id);
        count(held.server(), -1);
        return Optional.of(held);
    }

    /**
     * Job {@code nextId} took the slot of job {@code id}'s hand-over at {@code version} on the same server and channel,
     * at its own {@code nextVersion}: the server holds as many jobs as before. Returns the slot, or empty when that
     * hand-over is not counted here (then nothing changes).
     */
    Optional<Held> passedOn(long id, long version, long nextId, long nextVersion) {
        Optional<Held> slot = ended(id, version);
        slot.ifPresent(held -> handedOver(nextId, held.server(), held.channel(), nextVersion));
        return slot;
    }

    private void count(String server, int delta) {
        perServer.merge(server, delta, (a, b) -> a + b == 0 ? null : a + b);
    }
}
