/**
 * Several servers, one queue: the leader lock (a PostgreSQL session advisory lock, fenced by an epoch), heartbeats
 * and the rescue of dead servers' jobs, and LISTEN/NOTIFY wake-ups between servers.
 */
package org.queuejob.infrastructure.cluster;
