package org.queuejob.bench;

import java.util.Locale;

/**
 * What one run measures, from system properties ({@code mvn -Pbench verify -Dbench.jobs=5000 ...}). A quick run
 * for development: {@code -Dbench.jobs=5000 -Dbench.backlog=0 -Dbench.history=0}.
 */
record BenchSettings(
        int jobs,
        int rounds,
        int probes,
        int backlog,
        int history,
        int bulk,
        String queueChannels,
        int queueWorkers,
        int queuePrefetch,
        int queueClaimBatch,
        int peerThreads,
        int statsSettleSeconds) {

    static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                Integer.getInteger("bench.jobs", 20_000),
                Integer.getInteger("bench.rounds", 1),
                Integer.getInteger("bench.probes", 300),
                Integer.getInteger("bench.backlog", 1_000_000),
                Integer.getInteger("bench.history", 10_000_000),
                // Failed jobs the bulk requeues go through while the hot path is timed (one action per turn, see
                // Interleaved): more than they reach meanwhile.
                Integer.getInteger("bench.bulk", 1_000_000),
                // As db-scheduler's lock-and-fetch (1.0, 4.0): twenty running and up to sixty more ready per server.
                System.getProperty("bench.queue.channels", "root:80"),
                Integer.getInteger("bench.queue.workers", 20),
                Integer.getInteger("bench.queue.prefetch", 60),
                Integer.getInteger("bench.queue.claimBatch", 200),
                Integer.getInteger("bench.peer.threads", 20),
                // PostgreSQL 15+ flushes an idle backend's last second of statistics only after 10 s.
                Integer.getInteger("bench.statsSettleSeconds", 11));
    }

    String describe() {
        return String.format(
                Locale.ROOT,
                "N = %,d jobs per phase, %d round(s), %d latency probes, backlog %,d, history %,d, bulk %,d",
                jobs,
                rounds,
                probes,
                backlog,
                history,
                bulk);
    }
}
