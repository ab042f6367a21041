/**
 * The servers sharing the queue's database, as the back office shows them: {@link
 * org.queuejob.domain.model.server.ServerStatus}, read through {@link org.queuejob.domain.model.server.ServerDirectory}.
 * Each server records itself (its heartbeat); whether it is alive is judged here by the same two rules the leader
 * applies before it sends a server's jobs back to pending.
 */
package org.queuejob.domain.model.server;
