package org.queuejob.domain.model.server;

import java.io.Serializable;

/**
 * Which running servers can run a job function: how many take jobs, and how many have been made quiet (they take none
 * until resumed). A server with no workers runs no job and counts for neither. A function that no server taking jobs
 * has cannot start now: its waiting jobs stay pending, neither failed nor run elsewhere.
 *
 * @param takingJobs running servers that have it and take jobs
 * @param quiet running servers that have it and are quiet
 */
public record FunctionReach(int takingJobs, int quiet) implements Serializable {

    /** No running server has it. */
    public static final FunctionReach NONE = new FunctionReach(0, 0);

    /** Whether its jobs can start now: a server taking jobs has it. */
    public boolean runnable() {
        return takingJobs > 0;
    }

    /** Whether only quiet servers have it: its jobs wait until one of them resumes (or another server comes). */
    public boolean onlyQuiet() {
        return takingJobs == 0 && quiet > 0;
    }

    /** Both reaches' servers together. */
    public FunctionReach add(FunctionReach other) {
        return new FunctionReach(takingJobs + other.takingJobs, quiet + other.quiet);
    }

    /** This reach with one more server, quiet or taking jobs. */
    public FunctionReach plus(boolean quietServer) {
        return quietServer ? new FunctionReach(takingJobs, quiet + 1) : new FunctionReach(takingJobs + 1, quiet);
    }
}
