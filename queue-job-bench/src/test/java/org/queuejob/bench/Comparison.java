package org.queuejob.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.queuejob.bench.phase.Phase;

/**
 * The three phases for every system, round after round, the systems interleaved (queue, db-scheduler, raw JDBC,
 * queue, ...) so that a slow stretch of this shared machine does not fall on one system only.
 */
final class Comparison {

    private final List<ComparedSystem> systems;
    private final PhaseMeter meter;
    private final Timeline timeline;
    private final BenchSettings settings;

    /** Per phase, per system, one measurement per round. */
    private final Map<Phase, Map<String, List<Measurement>>> results = new EnumMap<>(Phase.class);

    Comparison(List<ComparedSystem> systems, PhaseMeter meter, Timeline timeline, BenchSettings settings) {
        this.systems = systems;
        this.meter = meter;
        this.timeline = timeline;
        this.settings = settings;
    }

    void run(Report report) throws Exception {
        for (int round = 1; round <= settings.rounds(); round++) {
            for (Phase phase : Phase.values()) {
                int n = phase == Phase.LATENCY ? settings.probes() : settings.jobs();
                List<Measurement> rows = new ArrayList<>();
                for (ComparedSystem system : systems) {
                    Measurement measured = timeline.time(
                            phase.label() + ", " + system.name() + ", round " + round,
                            () -> meter.measure(system, phase, n));
                    print(measured);
                    rows.add(measured);
                    results.computeIfAbsent(phase, p -> new LinkedHashMap<>())
                            .computeIfAbsent(system.name(), s -> new ArrayList<>())
                            .add(measured);
                }
                if (settings.rounds() > 1) {
                    report.phase(title(phase, "round " + round), phase, rows);
                }
            }
        }
        for (Phase phase : Phase.values()) {
            report.phase(
                    title(phase, settings.rounds() > 1 ? "median of " + settings.rounds() + " rounds" : null),
                    phase,
                    medians(phase));
        }
    }

    /** The queue's burn-down on an almost empty table: the age phases' baseline. */
    Measurement queueBurnDown() {
        return Medians.of(results.get(Phase.BURN_DOWN).get(systems.get(0).name()));
    }

    private List<Measurement> medians(Phase phase) {
        return results.get(phase).values().stream().map(Medians::of).toList();
    }

    private String title(Phase phase, String which) {
        String what = switch (phase) {
            case BURN_DOWN ->
                String.format(
                        Locale.ROOT,
                        "Burn-down: %,d jobs stored, then released (storing not measured)",
                        settings.jobs());
            case CONTINUOUS ->
                String.format(
                        Locale.ROOT,
                        "Continuous: a producer stores %,d jobs (100 per transaction) while workers run",
                        settings.jobs());
            case LATENCY ->
                String.format(Locale.ROOT, "Latency: commit→start on an idle system, %d probes", settings.probes());
        };
        return which == null ? what : what + " (" + which + ")";
    }

    private static void print(Measurement m) {
        System.out.printf(
                Locale.ROOT,
                "[bench] %-12s %-10s %,8.0f jobs/s  p50 %.2f ms  p99 %.2f ms  gap %d ms  app %.3f ms/job  PG %.3f"
                        + " ms/job  %.2f statements/job  %.2f commits/job%n",
                m.system(),
                m.phase().label(),
                m.outcome().jobsPerSecond(),
                m.outcome().p50Micros() / 1000.0,
                m.outcome().p99Micros() / 1000.0,
                m.outcome().longestGapNanos() / 1_000_000,
                m.appCpuPerJob(),
                m.postgresCpuPerJob(),
                m.statementsPerJob(),
                m.commitsPerJob());
    }
}
