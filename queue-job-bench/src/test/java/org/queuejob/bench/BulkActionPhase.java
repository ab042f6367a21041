package org.queuejob.bench;

import java.util.Locale;
import org.queuejob.bench.phase.Phase;

/**
 * The hot path while a bulk action works: the burn-down timed in turns on the same table, alone and while a bulk
 * requeue (as the Jobs screen starts it, default chunk size and duty: 200 jobs, half the time) goes through failed jobs of the
 * paused channel, where the requeued jobs stay waiting so that they never run among the timed ones.
 */
final class BulkActionPhase {

    static final double TARGET = 0.8;

    private final BenchSettings settings;
    private final QueueUnderTest queue;
    private final BenchApi api;
    private final PhaseMeter meter;
    private final JobTable jobTable;
    private final Timeline timeline;

    BulkActionPhase(
            BenchSettings settings,
            QueueUnderTest queue,
            BenchApi api,
            PhaseMeter meter,
            JobTable jobTable,
            Timeline timeline) {
        this.settings = settings;
        this.queue = queue;
        this.api = api;
        this.meter = meter;
        this.jobTable = jobTable;
        this.timeline = timeline;
    }

    void run(Report report) throws Exception {
        if (settings.bulk() == 0) {
            return;
        }
        timeline.time(String.format(Locale.ROOT, "bulk: %,d failed jobs filled", settings.bulk()), () -> {
            jobTable.addFailed(QueueJobSystem.PAUSED_CHANNEL, settings.bulk());
            jobTable.vacuumAnalyze();
            return null;
        });
        int rounds = Interleaved.rounds();
        long[] changed = new long[rounds];
        String[] rates = new String[rounds];
        Interleaved.Turns turns = Interleaved.run(
                rounds,
                round -> timeline.time(
                        "bulk: burn-down alone " + round, () -> meter.measure(queue, Phase.BURN_DOWN, settings.jobs())),
                round -> {
                    String action = api.post("bulk/requeue?channel=" + QueueJobSystem.PAUSED_CHANNEL);
                    Measurement during;
                    String stopped;
                    try {
                        during = timeline.time(
                                "bulk: burn-down while a bulk requeue works " + round,
                                () -> meter.measure(queue, Phase.BURN_DOWN, settings.jobs()));
                    } finally {
                        stopped = api.post("bulk/stop?run=" + action);
                    }
                    String[] figures = stopped.split(" ");
                    if (!Boolean.parseBoolean(figures[2])) {
                        throw new IllegalStateException("The bulk action went through all the failed jobs left before"
                                + " the timed burn-down ended: run again with a larger -Dbench.bulk than "
                                + settings.bulk());
                    }
                    changed[round - 1] = Long.parseLong(figures[0]);
                    rates[round - 1] = figures[1];
                    return during;
                });
        jobTable.deleteChannel(QueueJobSystem.PAUSED_CHANNEL);

        report.heading("Bulk action (queue only)");
        report.line("| burn-down, in the order measured | jobs/s | ratio to the two alone around it | app CPU ms/job"
                + " | PG CPU ms/job | statements/job |");
        report.line("|---|---|---|---|---|---|");
        turns.rows(report, "alone", "while a bulk requeue works");
        turns.medianRow(report, TARGET);
        report.line("");
        report.line(
                "Each bulk action requeued failed jobs of channel %s (paused: they stay waiting) from its first chunk"
                        + " to its stop after its burn-down: %s of %,d in all, at %s jobs/s over each whole run"
                        + " (statistics' settling time included, while only it worked). One burn-down differs from the"
                        + " next by up to a third on this machine, so the phases alternate and each one beside the"
                        + " action is compared with the mean of the two alone around it (`-Dbench.interleave`, default"
                        + " 3).",
                QueueJobSystem.PAUSED_CHANNEL,
                java.util.Arrays.toString(changed),
                settings.bulk(),
                String.join(" / ", rates));
        report.line("");
    }
}
