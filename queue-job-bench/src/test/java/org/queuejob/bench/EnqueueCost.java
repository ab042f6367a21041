package org.queuejob.bench;

import java.util.concurrent.TimeUnit;

/**
 * The queue's enqueue against a plain JPA persist of a row of the same size (the two measured in turns), and a graph
 * of 1,000 jobs stored in one transaction, all into a paused channel (no dispatching competes for the CPU); its jobs are removed afterwards so
 * that the age phases start from the comparison's table.
 */
final class EnqueueCost {

    static final int SINGLE = 2000;
    static final int BATCHED = 20_000;
    static final int GRAPH = 1000;
    /** Both measures alternate this many times; each turn stores a share of the jobs. */
    static final int TURNS = 5;
    /** Jobs stored one per transaction while statements are counted. */
    static final int STATEMENT_SAMPLE = 500;

    static final double TARGET_RATIO = 1.5;

    private final BenchApi api;
    private final PostgresServer server;
    private final JobTable jobTable;

    EnqueueCost(BenchApi api, PostgresServer server, JobTable jobTable) {
        this.api = api;
        this.server = server;
        this.jobTable = jobTable;
    }

    void run(Report report) throws Exception {
        api.post("enqueue/pause");
        // The dispatcher learns of the paused channel at its next poll.
        TimeUnit.SECONDS.sleep(2);
        api.post("enqueue/jobs?n=500&batch=1");
        api.post("enqueue/persist?n=500&batch=1");
        api.post("enqueue/graph?n=" + GRAPH);
        // In turns, so that what else the machine does (PostgreSQL's autovacuum after the comparison's jobs, a
        // checkpoint) weighs on both alike: measured one after the other, the ratio swung between 1.0 and 1.7.
        double single = 0;
        double singlePersist = 0;
        double batched = 0;
        double batchedPersist = 0;
        for (int turn = 0; turn < TURNS; turn++) {
            single += nanos("enqueue/jobs?n=" + SINGLE / TURNS + "&batch=1") / TURNS;
            singlePersist += nanos("enqueue/persist?n=" + SINGLE / TURNS + "&batch=1") / TURNS;
            batched += nanos("enqueue/jobs?n=" + BATCHED / TURNS + "&batch=100") / TURNS;
            batchedPersist += nanos("enqueue/persist?n=" + BATCHED / TURNS + "&batch=100") / TURNS;
        }
        server.resetStatements();
        api.post("enqueue/jobs?n=" + STATEMENT_SAMPLE + "&batch=1");
        long singleStatements = server.statements(QueueUnderTest.DATABASE);
        server.resetStatements();
        double graph = nanos("enqueue/graph?n=" + GRAPH);
        long graphStatements = server.statements(QueueUnderTest.DATABASE);
        // The count takes every statement the database ran meanwhile: the log says which, so that a count above the
        // graph's own two (its jobs, its edges) can be read (run Q counted 10, every earlier run 2).
        for (PostgresServer.StatementTime top : server.topStatements(QueueUnderTest.DATABASE, 12)) {
            System.out.printf("[bench]   enqueue graph: %d call(s)  %s%n", top.calls(), top.query());
        }
        jobTable.deleteChannel(QueueJobSystem.PAUSED_CHANNEL);

        report.heading("Enqueue (queue only, into a paused channel)");
        report.line("| measure | queue | plain JPA persist | ratio | target |");
        report.line("|---|---|---|---|---|");
        row(report, "(b) one job per transaction", single, singlePersist, true);
        row(report, "one hundred jobs per transaction", batched, batchedPersist, false);
        report.line(
                "| statements per job stored one per transaction, the dispatcher's included (%,d jobs) | %.2f | | | |",
                STATEMENT_SAMPLE, (double) singleStatements / STATEMENT_SAMPLE);
        report.line(
                "| a graph of %,d jobs (`chain` of delayables), one transaction | %.1f ms, %,d statements (%.2f per"
                        + " job) | | | |",
                GRAPH, graph / 1e6, graphStatements, (double) graphStatements / GRAPH);
    }

    private static void row(Report report, String what, double queue, double persist, boolean targeted) {
        double ratio = queue / persist;
        report.line(
                "| %s | %.0f µs/job | %.0f µs/job | %.2f | %s |",
                what,
                queue / 1000,
                persist / 1000,
                ratio,
                targeted ? "≤ " + TARGET_RATIO + ": " + Report.verdict(ratio <= TARGET_RATIO) : "");
    }

    private double nanos(String call) throws Exception {
        return Double.parseDouble(api.post(call));
    }
}
