/**
 * Channel scheduling core: decides which waiting jobs start now, per channel, without holding the backlog.
 *
 * <p>Contract. A channel configuration string ({@link org.queuejob.domain.scheduling.ChannelConfig}, grammar
 * {@code channel(.subchannel)*(:capacity(:key(=value)?)*)? [, ...]}) yields immutable
 * {@link org.queuejob.domain.scheduling.ChannelSpec}s that form a {@link org.queuejob.domain.scheduling.ChannelTree}
 * rooted at {@code root}. The {@link org.queuejob.domain.scheduling.ChannelScheduler} keeps, per channel, only what
 * the decision needs: the ids of running jobs (bounded by the capacities), the failed jobs that block sequential
 * channels, the last throttled start and the paused flag. Waiting jobs stay in the database: the dispatcher asks
 * {@code demand(now)} how many heads to read per channel, hands those heads to {@code select(now, candidates)}, and
 * gets back the jobs to start, in order, already counted as running. A job's running slot counts against its
 * channel and every ancestor; children's jobs compete with their parent's own jobs in (priority, date created, id)
 * order; no capacity on the path to root is ever exceeded. Everything time-dependent takes {@code Instant now} as a
 * parameter, so tests need no clock and no sleeps. Plain Java: no container, no I/O, no logging. Thread-safety:
 * configurations, trees and every record are immutable; the scheduler synchronises each public method, so it is
 * meant to be driven by the single dispatcher thread while any thread (a UI) may call {@code snapshot()}.
 */
package org.queuejob.domain.scheduling;
