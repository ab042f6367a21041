package org.queuejob.bench;

import java.util.Locale;
import org.queuejob.bench.phase.Phase;

/**
 * The hot path while a bulk action works: the burn-down timed twice in a row on the same table, first alone, then
 * while a bulk requeue (as the Jobs screen starts it, default chunk size and duty: 200 jobs, half the time) goes through failed jobs of the
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
        Measurement alone =
                timeline.time("bulk: burn-down alone", () -> meter.measure(queue, Phase.BURN_DOWN, settings.jobs()));
        String action = api.post("bulk/requeue?channel=" + QueueJobSystem.PAUSED_CHANNEL);
        Measurement during;
        String stopped;
        try {
            during = timeline.time(
                    "bulk: burn-down while a bulk requeue works",
                    () -> meter.measure(queue, Phase.BURN_DOWN, settings.jobs()));
        } finally {
            stopped = api.post("bulk/stop?run=" + action);
        }
        jobTable.deleteChannel(QueueJobSystem.PAUSED_CHANNEL);

        String[] figures = stopped.split(" ");
        if (!Boolean.parseBoolean(figures[2])) {
            throw new IllegalStateException("The bulk action went through all " + settings.bulk()
                    + " jobs before the timed burn-down ended: run again with a larger -Dbench.bulk");
        }
        double ratio = during.outcome().jobsPerSecond() / alone.outcome().jobsPerSecond();
        report.heading("Bulk action (queue only)");
        report.line("| burn-down | jobs/s | ratio | target | app CPU ms/job | PG CPU ms/job | statements/job |");
        report.line("|---|---|---|---|---|---|---|");
        row(report, "alone", alone, "", "");
        row(
                report,
                "while a bulk requeue works",
                during,
                String.format(Locale.ROOT, "%.2f", ratio),
                String.format(Locale.ROOT, "≥ %.1f: %s", TARGET, Report.verdict(ratio >= TARGET)));
        report.line("");
        report.line(
                "The bulk action requeued %,d of %,d failed jobs (channel %s, paused: they stay waiting) from its"
                        + " first chunk to its stop after the second burn-down, %s jobs/s over its whole run"
                        + " (statistics' settling time included, while only it worked).",
                Long.parseLong(figures[0]), settings.bulk(), QueueJobSystem.PAUSED_CHANNEL, figures[1]);
        report.line("");
    }

    private static void row(Report report, String what, Measurement m, String ratio, String verdict) {
        report.line(
                "| %s | %,.0f | %s | %s | %s | %s | %.2f |",
                what,
                m.outcome().jobsPerSecond(),
                ratio,
                verdict,
                Report.cpu(m.appCpuPerJob()),
                Report.cpu(m.postgresCpuPerJob()),
                m.statementsPerJob());
    }
}
