package org.queuejob.domain.model.autovacuum;

/** How busy the workers of this server are, for a paced run that gives way to them ({@link LoadYield}). */
public interface WorkerLoad {

    /** The share of this server's workers that have a job, now: 0 (idle, or no workers) to 1 (all busy). */
    double busyShare();
}
