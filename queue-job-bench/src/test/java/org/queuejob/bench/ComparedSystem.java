package org.queuejob.bench;

import org.queuejob.bench.phase.Outcome;
import org.queuejob.bench.phase.Phase;

/** A system as the driver measures it: a JVM of its own, a database of its own, and the phases run in that JVM. */
interface ComparedSystem {

    String name();

    /** Its database on the shared server, whose statements and commits are counted. */
    String database();

    /** The process whose CPU is counted as the application's (valid from {@link #prepare} to {@link #finish}). */
    long pid();

    void prepare(Phase phase, int n) throws Exception;

    Outcome run(Phase phase, int n) throws Exception;

    /** After the phase's measurement: a peer's JVM ends here. */
    void finish() throws Exception;
}
