package org.queuejob.domain.model.autovacuum;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The run records, which are also the guard: the database lets at most one run be running, whichever server
 * asks. A running run proves it is alive with a heartbeat (database time); one whose server stopped beating for
 * longer than the dead-after delay may be taken over. Every chunk of a run first checks, in its own transaction, that
 * its run is still the running one, so a run that was taken over deletes nothing more.
 */
public interface AutovacuumRuns {

    /**
     * Records a new running run on this server, unless one is running: a run whose heartbeat is older than {@code
     * deadAfter} is marked failed first (its server is gone).
     *
     * @throws AutovacuumRunningException naming the run that is running
     */
    AutovacuumRun claim(String startedBy, Instant asOf, AutovacuumPace pace, Duration deadAfter, Instant now);

    /**
     * Makes a stopped or failed run the running one again, to resume it.
     *
     * @throws AutovacuumRunningException if another run is running
     * @throws AutovacuumRefusedException if the run is neither stopped nor failed, or there is none
     */
    AutovacuumRun reclaim(long runId, Duration deadAfter, Instant now);

    /** The batch runtime accepted the run as this execution. */
    void executionStarted(long runId, long executionId);

    /**
     * In the chunk's transaction, before it deletes anything: locks the run's record and beats, so nobody takes the
     * run over while the chunk works. False if the run is no longer the running one.
     */
    boolean holdForChunk(long runId);

    /** In the chunk's transaction: the jobs it deleted, counted with the deletion itself. */
    void addDeleted(long runId, long jobs);

    /** After a chunk committed: one more chunk and its working time, and a beat. False if no longer running. */
    boolean chunkDone(long runId, Duration working);

    /** A beat during a pause. False if the run is no longer the running one. */
    boolean beat(long runId);

    /** Ends a running run; a run that is not running any more (taken over) keeps the outcome it has. */
    void finish(long runId, RunOutcome outcome, String reason, Instant now);

    Optional<AutovacuumRun> find(long runId);

    /** The latest runs, newest first. */
    List<AutovacuumRun> latest(int count);
}
