package org.queuejob.bench;

import org.queuejob.bench.phase.Outcome;
import org.queuejob.bench.phase.Phase;
import org.queuejob.dev.AppServer;

/**
 * The queue in its application server (Payara or WildFly): the phases run in the server, through the benchmark WAR's
 * endpoints.
 */
final class QueueUnderTest implements ComparedSystem {

    static final String DATABASE = "bench_queue";

    private final BenchApi api;
    private final AppServer server;

    QueueUnderTest(BenchApi api, AppServer server) {
        this.api = api;
        this.server = server;
    }

    @Override
    public String name() {
        return "queue";
    }

    @Override
    public String database() {
        return DATABASE;
    }

    /** The server's JVM, from the pid file it writes at start. */
    @Override
    public long pid() {
        return server.pid();
    }

    @Override
    public void prepare(Phase phase, int n) throws Exception {
        api.post("phase/prepare?phase=" + phase.name() + "&n=" + n);
    }

    @Override
    public Outcome run(Phase phase, int n) throws Exception {
        return Outcome.parse(api.post("phase/run?phase=" + phase.name() + "&n=" + n));
    }

    @Override
    public void finish() {}

    /** Stops the workers (root paused) for a fill in SQL. */
    void hold() throws Exception {
        api.post("phase/hold");
    }

    /** Resumes root and times the next {@code n} runs. */
    Outcome release(int n) throws Exception {
        return Outcome.parse(api.post("phase/release?n=" + n));
    }
}
