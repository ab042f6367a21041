package org.queuejob.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.queuejob.bench.phase.Outcome;
import org.queuejob.bench.phase.Phase;
import org.queuejob.dev.PayaraDomain;

/** The queue in its Payara domain: the phases run in the server, through the benchmark WAR's endpoints. */
final class QueueUnderTest implements ComparedSystem {

    static final String DATABASE = "bench_queue";

    private final BenchApi api;
    private final Path pidFile;

    QueueUnderTest(BenchApi api, PayaraDomain domain) {
        this.api = api;
        this.pidFile = domain.home()
                .resolve("glassfish/domains")
                .resolve(domain.name())
                .resolve("config/pid");
    }

    @Override
    public String name() {
        return "queue";
    }

    @Override
    public String database() {
        return DATABASE;
    }

    /** The domain's JVM, from the pid file Payara writes at start. */
    @Override
    public long pid() {
        try {
            return Long.parseLong(Files.readString(pidFile).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("No Payara pid file at " + pidFile, e);
        }
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
