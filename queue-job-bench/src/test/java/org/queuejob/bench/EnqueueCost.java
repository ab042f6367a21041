package org.queuejob.bench;

import java.util.concurrent.TimeUnit;

/**
 * The queue's enqueue against a plain JPA persist of a row of the same size, and a graph of 1,000 jobs stored in one
 * transaction, all into a paused channel (no dispatching competes for the CPU); its jobs are removed afterwards so
 * that the age phases start from the comparison's table.
 */
final class EnqueueCost {

    static final int SINGLE = 2000;
    static final int BATCHED = 20_000;
    static final int GRAPH = 1000;
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
        double single = nanos("enqueue/jobs?n=" + SINGLE + "&batch=1");
        double singlePersist = nanos("enqueue/persist?n=" + SINGLE + "&batch=1");
        double batched = nanos("enqueue/jobs?n=" + BATCHED + "&batch=100");
        double batchedPersist = nanos("enqueue/persist?n=" + BATCHED + "&batch=100");
        server.resetStatements();
        double graph = nanos("enqueue/graph?n=" + GRAPH);
        long graphStatements = server.statements(QueueUnderTest.DATABASE);
        jobTable.deleteChannel(QueueJobSystem.PAUSED_CHANNEL);

        report.heading("Enqueue (queue only, into a paused channel)");
        report.line("| measure | queue | plain JPA persist | ratio | target |");
        report.line("|---|---|---|---|---|");
        row(report, "(b) one job per transaction", single, singlePersist, true);
        row(report, "one hundred jobs per transaction", batched, batchedPersist, false);
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
