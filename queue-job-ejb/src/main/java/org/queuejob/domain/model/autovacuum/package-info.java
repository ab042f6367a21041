/**
 * The autovacuum (the original's F33): done and cancelled jobs older than their channel's removal interval are
 * deleted, a graph only whole and only when every job of it is old enough, by one run at a time in the whole
 * cluster.
 *
 * <p>Contract. {@link org.queuejob.domain.model.autovacuum.RemovalDeadlines} says how old a finished job of a channel
 * must be ({@link org.queuejob.domain.model.channel.RemovalIntervals}: the channel's record, else its nearest
 * configured ancestor's, else 30 days), counted back from the instant the run started.
 * {@link org.queuejob.domain.model.autovacuum.HistoryWalk} walks the candidates of a run in keyset order, one page
 * at a time, and can resume after any position it handed out, so memory never depends on
 * how many jobs are deleted. {@link org.queuejob.domain.model.autovacuum.AutovacuumPace} is how much of the wall
 * time a run may spend working, {@link org.queuejob.domain.model.autovacuum.LoadYield} how far below that it goes
 * while its server's workers are busy, and {@link org.queuejob.domain.model.autovacuum.ChunkPause} the wait between
 * two chunks that follows the load as it changes. The ports: {@link org.queuejob.domain.model.autovacuum.JobHistory} (the finished
 * jobs), {@link org.queuejob.domain.model.autovacuum.AutovacuumRuns} (run records, which are also the guard that
 * lets one run at a time exist) and {@link org.queuejob.domain.model.autovacuum.AutovacuumLauncher} (the batch
 * runtime that executes a run) and {@link org.queuejob.domain.model.autovacuum.WorkerLoad} (how busy this server's
 * workers are). Plain Java apart from the ports: no container, no I/O.
 */
package org.queuejob.domain.model.autovacuum;
