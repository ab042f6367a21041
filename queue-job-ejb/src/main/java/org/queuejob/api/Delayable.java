package org.queuejob.api;

import java.util.Optional;
import java.util.UUID;

/**
 * A node of a graph of jobs, before it is stored: one recorded {@link Job} call ({@link JobQueue#delayable}), or a
 * {@link JobQueue#chain chain} or {@link JobQueue#group group} of nodes. Nothing is stored until {@link #delay()}.
 *
 * <pre>{@code
 * queue.chain(queue.group(a, b), queue.group(c, d)).delay();   // c and d run once a and b are both done
 * a.onDone(b.onDone(c)).delay();                              // a, then b, then c
 * }</pre>
 */
public interface Delayable {

    /** {@code children} run once this node is done: each of its last jobs → each child's first jobs. */
    Delayable onDone(Delayable... children);

    /**
     * Stores every job of the graph this node belongs to, in the caller's transaction: one graph uuid for all,
     * jobs with parents waiting until all their parents are done. Call it on the top of the graph (a warning is
     * logged otherwise); a graph is stored once.
     */
    void delay();

    /**
     * The stored job's uuid, for a recorded call once delayed; empty for chains and groups. A graph is stored whole
     * or not at all: when one of its identity keys is already held by a waiting job, nothing is stored, that node
     * gives the waiting job's uuid and the others give empty.
     */
    Optional<UUID> uuid();
}
