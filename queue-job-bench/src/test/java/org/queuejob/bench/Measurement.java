package org.queuejob.bench;

import org.queuejob.bench.phase.Outcome;
import org.queuejob.bench.phase.Phase;

/**
 * One system's phase: what it timed itself, and what was counted from outside over the same span: CPU of its JVM
 * and of PostgreSQL (milliseconds; NaN when PostgreSQL runs elsewhere), statements and commits in its database.
 */
record Measurement(
        String system,
        Phase phase,
        Outcome outcome,
        double appCpuMillis,
        double postgresCpuMillis,
        long statements,
        long commits) {

    double appCpuPerJob() {
        return appCpuMillis / outcome.jobs();
    }

    double postgresCpuPerJob() {
        return postgresCpuMillis / outcome.jobs();
    }

    double statementsPerJob() {
        return (double) statements / outcome.jobs();
    }

    double commitsPerJob() {
        return (double) commits / outcome.jobs();
    }
}
