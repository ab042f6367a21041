package org.queuejob.bench.peer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.queuejob.bench.phase.Outcome;
import org.queuejob.bench.phase.Phase;
import org.queuejob.bench.phase.PhaseRunner;
import org.queuejob.bench.phase.RunLog;
import org.queuejob.dev.DatabaseSettings;

/**
 * One phase of one peer, in a JVM of its own so that the driver can count its CPU apart: warm up, prepare, say
 * {@value #READY} and wait for {@code go} on standard input, run, say {@value #OUTCOME} with the outcome line, wait
 * for {@code exit}. The driver measures between its {@code go} and the outcome. Logging goes to standard error.
 *
 * <p>Arguments: peer kind, JDBC URL, user, password, threads, phase, jobs.
 */
public final class PeerMain {

    public static final String READY = "@@ready";
    public static final String OUTCOME = "@@outcome ";

    /**
     * Jobs run before the measured phase, through the same code, for the JIT and the connection pools, in each shape
     * (burn-down and continuous), so that every system is measured at its steady state: a server runs for days. An
     * application server's path is longer than a library's and compiles later: after 20,000 jobs per shape the
     * queue's timed burn-down still spent 0.090 ms per job in the JIT's compiler threads and 0.215 ms in its own
     * threads (code not compiled yet); after 60,000, 0.006 and 0.118 (the log's "CPU:" lines).
     */
    public static final int WARM_UP_JOBS = Integer.getInteger("bench.warmup", 60_000);

    static final int WARM_UP_PROBES = 20;

    private PeerMain() {}

    public static void main(String[] args) throws Exception {
        PeerKind kind = PeerKind.valueOf(args[0]);
        DatabaseSettings database = DatabaseSettings.fromJdbcUrl(args[1], args[2], args[3]);
        int threads = Integer.parseInt(args[4]);
        Phase phase = Phase.valueOf(args[5]);
        int n = Integer.parseInt(args[6]);
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        RunLog log = new RunLog();
        try (PeerSystem system = kind.create(database, threads, log)) {
            PhaseRunner runner = new PhaseRunner(system, log);
            runner.prepare(Phase.BURN_DOWN, WARM_UP_JOBS);
            runner.run(Phase.BURN_DOWN, WARM_UP_JOBS);
            runner.prepare(Phase.CONTINUOUS, WARM_UP_JOBS);
            runner.run(Phase.CONTINUOUS, WARM_UP_JOBS);
            runner.prepare(Phase.LATENCY, WARM_UP_PROBES);
            runner.run(Phase.LATENCY, WARM_UP_PROBES);
            runner.prepare(phase, n);
            say(READY);
            expect(commands, "go");
            Outcome outcome = runner.run(phase, n);
            say(OUTCOME + outcome.toLine());
            expect(commands, "exit");
        }
        System.exit(0);
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static void expect(BufferedReader commands, String command) throws Exception {
        String line = commands.readLine();
        if (!command.equals(line)) {
            throw new IllegalStateException("Expected '" + command + "' from the driver, got " + line);
        }
    }
}
