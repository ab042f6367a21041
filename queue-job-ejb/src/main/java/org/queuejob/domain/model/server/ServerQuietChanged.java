package org.queuejob.domain.model.server;

/**
 * A server was made quiet, or takes jobs again, in the transaction that fires it. Once it commits, every server hears
 * of it: the one named reads its new state at once, and the leader hands out jobs by it, rather than at their next
 * heartbeat and poll.
 *
 * @param server the server's name
 * @param quiet whether it is quiet now
 */
public record ServerQuietChanged(String server, boolean quiet) {}
