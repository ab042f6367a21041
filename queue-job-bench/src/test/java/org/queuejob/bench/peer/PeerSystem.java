package org.queuejob.bench.peer;

import org.queuejob.bench.phase.JobSystem;

/** A peer of the queue, run in a JVM of its own by {@link PeerMain}. */
interface PeerSystem extends JobSystem, AutoCloseable {

    @Override
    void close() throws Exception;
}
