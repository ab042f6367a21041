package org.queuejob.bench;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.queuejob.bench.phase.Outcome;
import org.queuejob.bench.phase.Phase;

/**
 * Measures one phase of one system, the same way for all: prepare (not measured), {@code ANALYZE} its database when
 * the phase is a burn-down, let the statistics settle, take
 * the counters, run, take the CPU and statement counters at once, end the system's part, let the statistics settle
 * again, take the commits. PostgreSQL publishes an idle backend's last transactions up to 10 s late, hence the waits
 * around the commit counter; CPU and pg_stat_statements are read at once.
 */
final class PhaseMeter {

    private final PostgresServer server;
    private final OptionalLong postmaster;
    private final int settleSeconds;
    private final FlightRecording recording = FlightRecording.fromSystemProperties();
    private final SystemProfile profile = SystemProfile.fromSystemProperties();

    PhaseMeter(PostgresServer server, int settleSeconds) throws Exception {
        this.server = server;
        this.postmaster = server.postmasterPid();
        this.settleSeconds = settleSeconds;
    }

    Measurement measure(ComparedSystem system, Phase phase, int n) throws Exception {
        return measure(
                system.name(),
                system.database(),
                phase,
                system::pid,
                () -> system.prepare(phase, n),
                () -> system.run(phase, n),
                system::finish);
    }

    /** The same measurement around any work of the queue's (the age phases), given as steps. */
    Measurement measure(
            String name, String database, Phase phase, LongSupplier pid, Step prepare, Work run, Step finish)
            throws Exception {
        prepare.run();
        if (phase == Phase.BURN_DOWN) {
            // Only where the phase's jobs are all stored before it: a continuous phase starts on an empty table and
            // fills it as it runs, and statistics taken on the empty table planned db-scheduler's lock-and-fetch at
            // 1.2 ms per job in run V (720 jobs/s, a 13.6 s stretch without a start).
            server.analyze(database);
        }
        settle();
        long commitsBefore = server.commits(database);
        server.resetStatements();
        double appBefore = ProcessCpu.processMillis(pid.getAsLong());
        if (recording != null) {
            recording.start(pid.getAsLong());
        }
        double postgresBefore = postgresMillis();
        CpuSplit split = postmaster.isPresent() ? CpuSplit.start(pid.getAsLong(), postmaster.getAsLong()) : null;
        String file = name + "-" + phase.name().toLowerCase(Locale.ROOT);
        if (profile != null) {
            profile.start(file);
        }
        WaitSampler waits = server.waitSampler(database);
        Outcome outcome;
        try {
            outcome = run.run();
        } finally {
            if (waits != null) {
                waits.close();
            }
            if (profile != null) {
                profile.stop();
            }
        }
        if (waits != null) {
            System.out.printf("[bench]   %s %s busy backends: %s%n", name, phase, waits.summary());
        }
        if (recording != null) {
            recording.stop(pid.getAsLong(), file);
        }
        double appCpu = ProcessCpu.processMillis(pid.getAsLong()) - appBefore;
        double postgresCpu = postgresMillis() - postgresBefore;
        long statements = server.statements(database);
        if (split != null && outcome.jobs() > 0) {
            System.out.printf("[bench]   %s %s CPU: %s%n", name, phase, split.perJob(appCpu, outcome.jobs()));
        }
        // Where the statements go, in the log only: what a change to the hot path must look at first.
        for (PostgresServer.StatementTime top : server.topStatements(database, 6)) {
            System.out.printf(
                    Locale.ROOT,
                    "[bench]   %s %s: %.3f per job, %.4f ms, planned %.3f per job in %.4f ms, %.0f WAL bytes,"
                            + " %.3f full pages, blocks read %.3f, dirtied %.3f, written %.3f per job  %s%n",
                    name,
                    phase,
                    top.calls() / (double) outcome.jobs(),
                    top.millis() / outcome.jobs(),
                    top.plans() / (double) outcome.jobs(),
                    top.planMillis() / outcome.jobs(),
                    top.walBytes() / (double) outcome.jobs(),
                    top.walFullPages() / (double) outcome.jobs(),
                    top.blocksRead() / (double) outcome.jobs(),
                    top.blocksDirtied() / (double) outcome.jobs(),
                    top.blocksWritten() / (double) outcome.jobs(),
                    top.query());
        }
        double[] executing = server.executionMillis(database);
        System.out.printf(
                Locale.ROOT,
                "[bench]   %s %s: PostgreSQL executing statements %.4f ms per job, transaction control %.4f%n",
                name,
                phase,
                executing[0] / outcome.jobs(),
                executing[1] / outcome.jobs());
        finish.run();
        settle();
        long commits = server.commits(database) - commitsBefore;
        return new Measurement(name, phase, outcome, appCpu, postgresCpu, statements, commits);
    }

    private double postgresMillis() {
        return postmaster.isPresent() ? ProcessCpu.processTreeMillis(postmaster.getAsLong()) : Double.NaN;
    }

    private void settle() throws InterruptedException {
        TimeUnit.SECONDS.sleep(settleSeconds);
    }

    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    @FunctionalInterface
    interface Work {
        Outcome run() throws Exception;
    }
}
