package org.queuejob.web;

import java.io.Serializable;
import java.time.Instant;

/**
 * One server of the dashboard's Servers card, in the words the card shows.
 *
 * @param name the server's name, as its jobs' worker has it
 * @param leader whether it dispatches for the cluster
 * @param condition {@code alive}, {@code ended} or {@code silent}: the leader's verdict, shown as a badge
 * @param state why a server taken for dead is so, or since when a live one is quiet, in a sentence; null for a live
 *     server that takes jobs
 * @param running whether the leader takes it for alive: only then can it be made quiet
 * @param quiet whether it takes no new jobs
 * @param startedAt when it first recorded itself
 * @param lastBeat how long ago it last said it is alive
 * @param workers the jobs it runs at once, or that it runs none
 * @param jobs the jobs it holds, and how many of them are marked started
 */
public record ServerRow(
        String name,
        boolean leader,
        String condition,
        String state,
        boolean running,
        boolean quiet,
        Instant startedAt,
        String lastBeat,
        String workers,
        String jobs)
        implements Serializable {}
