package org.queuejob.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.queuejob.bench.phase.Phase;
import org.queuejob.infrastructure.config.AutovacuumConfig;

/**
 * The queue against its own young self: the burn-down rate with a million jobs waiting, then with ten million ended
 * jobs kept, each as a ratio to burn-downs on the nearly empty table of the same run; then the back office's first
 * loads on that big table.
 */
final class AgePhases {

    static final double BACKLOG_TARGET = 0.8;
    static final double HISTORY_TARGET = 0.9;
    static final double AUTOVACUUM_TARGET = 0.9;
    static final double PAGE_TARGET_MS = 300;
    static final double DASHBOARD_TARGET_MS = 1000;

    /** Burn-downs on the emptied table after the history's, so that the comparison brackets them in time. */
    static final int EMPTY_AFTER_HISTORY = 2;

    /** A channel the history fill writes to, for the Jobs page's channel filter. */
    static final String HISTORY_CHANNEL = "root.hist3";

    private final BenchSettings settings;
    private final QueueUnderTest queue;
    private final BenchApi api;
    private final PhaseMeter meter;
    private final JobTable jobTable;
    private final Timeline timeline;

    AgePhases(
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

    /**
     * {@code emptyBurnDown} is the comparison's burn-down on the nearly empty table. One burn-down here differs from
     * the next by up to a third (run T: 2,899 jobs/s in the comparison, 2,022–2,485 in four later ones on the same
     * table), so neither age is measured against that one phase: the backlog's turns alternate with burn-downs on the
     * empty table (each compared with the two around it, the verdict their median, as the autovacuum's), and the
     * history's burn-downs, which cannot alternate with an empty table, are compared median to median with every
     * empty-table burn-down of the run.
     */
    void run(Report report, Measurement emptyBurnDown) throws Exception {
        if (settings.backlog() == 0 && settings.history() == 0) {
            return;
        }
        int rounds = Interleaved.rounds();
        List<Measurement> empty = new ArrayList<>(List.of(emptyBurnDown));
        Interleaved.Turns backlogTurns = null;
        if (settings.backlog() > 0) {
            backlogTurns = Interleaved.run(
                    rounds,
                    round -> timeline.time(
                            "age: burn-down on the empty table " + round,
                            () -> meter.measure(queue, Phase.BURN_DOWN, settings.jobs())),
                    round -> timeline.time(
                            String.format(Locale.ROOT, "age: %,d jobs waiting %d", settings.backlog(), round),
                            this::burnDownBehindBacklog));
            empty.addAll(backlogTurns.alone());
        }
        Interleaved.Turns vacuumTurns = null;
        List<String> vacuumStops = List.of();
        List<Measurement> emptyAfter = List.of();
        Report office = new Report();
        if (settings.history() > 0) {
            timeline.time(String.format(Locale.ROOT, "age: history fill of %,d rows", settings.history()), () -> {
                fillHistory();
                return null;
            });
            // Before the first burn-down on the history, so that all those around the autovacuum are alike: the batch
            // runtime's and the autovacuum's code is loaded and compiled, as every system's hot path is before it is
            // measured. It deletes a few thousand of the ten million.
            String warmed = timeline.time(
                    "age: the autovacuum's code warmed on the idle queue", () -> api.post("autovacuum/warm?chunks=5"));
            System.out.printf(Locale.ROOT, "[bench] autovacuum warm-up deleted %s jobs%n", warmed);
            String[] stops = new String[rounds];
            // Each turn starts on a vacuumed table, as the backlog's do: run Y (2026-12-03) went 3,536 → 3,194 → 2,810
            // → 2,509 jobs/s over the four without the autovacuum, PostgreSQL 0.343 → 0.518 ms per job, while nothing
            // vacuumed the table between turns that each left 40,000 dead row versions and the autovacuum's
            // deletions; the history's median then told how many turns had run before it.
            vacuumTurns = Interleaved.run(
                    rounds,
                    round -> {
                        jobTable.vacuumAnalyze();
                        return timeline.time(
                                "age: burn-down with history " + round,
                                () -> meter.measure(queue, Phase.BURN_DOWN, settings.jobs()));
                    },
                    round -> {
                        jobTable.vacuumAnalyze();
                        String run = api.post("autovacuum/start");
                        try {
                            return timeline.time(
                                    "age: burn-down while the autovacuum deletes history " + round,
                                    () -> meter.measure(queue, Phase.BURN_DOWN, settings.jobs()));
                        } finally {
                            stops[round - 1] = api.post("autovacuum/stop?run=" + run);
                        }
                    });
            vacuumStops = List.of(stops);
            timeline.time("back office on the history", () -> {
                backOffice(office);
                return null;
            });
            // The empty table's burn-downs above all ran before the history's, 5 to 15 minutes earlier; run Z's history
            // ratio (0.89) was as close to its target as that drift could reach, while a done mark alone under pgbench
            // cost no more beside ten million ended jobs than on an empty table. So the history goes and the empty
            // table is measured again after it: a machine that slowed down over the run weighs on both sides.
            jobTable.truncate();
            emptyAfter = new ArrayList<>();
            for (int round = 1; round <= EMPTY_AFTER_HISTORY; round++) {
                emptyAfter.add(timeline.time(
                        "age: burn-down on the empty table after the history " + round,
                        () -> meter.measure(queue, Phase.BURN_DOWN, settings.jobs())));
            }
        }

        report.heading("Age (queue only)");
        if (backlogTurns != null) {
            report.line(
                    "| %,d jobs waiting, burn-down in the order measured | jobs/s | ratio to the two on the empty"
                            + " table around it | app CPU ms/job | PG CPU ms/job | statements/job |",
                    settings.backlog());
            report.line("|---|---|---|---|---|---|");
            backlogTurns.rows(report, "empty table", String.format(Locale.ROOT, "%,d waiting", settings.backlog()));
            backlogTurns.medianRow(report, BACKLOG_TARGET);
            report.line("");
        }
        if (vacuumTurns != null) {
            List<Measurement> kept = vacuumTurns.alone();
            List<Measurement> emptyAround = new ArrayList<>(empty);
            emptyAround.addAll(emptyAfter);
            double keptRate = medianRate(kept);
            double emptyRate = medianRate(emptyAround);
            double ratio = keptRate / emptyRate;
            report.line(
                    "| %,d done/cancelled jobs kept | jobs/s (median) | each burn-down | ratio | target |",
                    settings.history());
            report.line("|---|---|---|---|---|");
            report.line(
                    "| empty table, before and after the history | %s | %s, then %s | | |",
                    perSecond(emptyRate), rates(empty), rates(emptyAfter));
            report.line(
                    "| (empty table before the history only: %s, the kept ones' ratio to it %.2f) | | | | |",
                    perSecond(medianRate(empty)), keptRate / medianRate(empty));
            report.line(
                    "| %,d kept (the burn-downs without the autovacuum below) | %s | %s | **%.2f** | ≥ %.1f: %s |",
                    settings.history(),
                    perSecond(keptRate),
                    rates(kept),
                    ratio,
                    HISTORY_TARGET,
                    Report.verdict(ratio >= HISTORY_TARGET));
            report.line("");
            AutovacuumConfig config = vacuumConfig();
            report.line(
                    "| %,d kept, burn-down in the order measured (autovacuum: %s) | jobs/s | ratio to the two"
                            + " without it around it | app CPU ms/job | PG CPU ms/job | statements/job |",
                    settings.history(),
                    autovacuumDuty().isPresent() || autovacuumBusyDuty().isPresent()
                            ? "duty " + config.pace().maxDuty() + ", "
                                    + config.yielding().dutyAt(config.pace(), 1) + " while busy"
                            : "default duties");
            report.line("|---|---|---|---|---|---|");
            vacuumTurns.rows(report, "without the autovacuum", "while the autovacuum deletes");
            vacuumTurns.medianRow(report, AUTOVACUUM_TARGET);
            report.line("");
            double idle = config.pace().maxDuty();
            double busy = config.yielding().dutyAt(config.pace(), 1);
            List<String> deleted = new ArrayList<>();
            List<String> overall = new ArrayList<>();
            List<String> working = new ArrayList<>();
            for (String stop : vacuumStops) {
                String[] figures = stop.split(" ");
                deleted.add(figures[0]);
                overall.add(figures[1]);
                working.add(figures[2]);
            }
            report.line(
                    "Each autovacuum run deleted jobs from the start of its burn-down to its stop: %s jobs, %s jobs/s"
                            + " over each whole run, %s jobs/s while it worked (it pauses %s× each chunk's time at a"
                            + " duty of %s, while the workers are idle, and %s× at %s, while they are all busy). One"
                            + " burn-down on this table differs from the next by up to a third, so the phases alternate"
                            + " and each one beside the autovacuum is compared with the mean of the two without it"
                            + " around it (`-Dbench.interleave`, default 3).",
                    String.join(" / ", deleted),
                    String.join(" / ", overall),
                    String.join(" / ", working),
                    String.format(Locale.ROOT, "%.1f", (1 - idle) / idle),
                    idle,
                    String.format(Locale.ROOT, "%.1f", (1 - busy) / busy),
                    busy);
            report.line("");
        }
        if (backlogTurns != null) {
            report.line(
                    "The waiting jobs were filled in SQL behind the root channel's pause (%,d more than the N timed, so"
                            + " that at least %,d wait throughout), and removed with `VACUUM` after each turn.",
                    settings.jobs(), settings.backlog());
        }
        if (vacuumTurns != null) {
            report.line(
                    "The history is %,d done (90 %%) and cancelled jobs in %d channels and %d job functions created"
                            + " over the last %d days, then `VACUUM ANALYZE`, again before each of its burn-downs."
                            + " The empty table's burn-downs are the comparison's, those between the backlog's"
                            + " turns, and %d after the history's turns and the back office's loads, once every job"
                            + " was gone (`TRUNCATE`); the history cannot be taken away between turns, so its"
                            + " burn-downs are compared median to median with those.",
                    settings.history(),
                    JobTable.HISTORY_CHANNELS,
                    JobTable.HISTORY_FUNCTIONS,
                    JobTable.HISTORY_DAYS,
                    EMPTY_AFTER_HISTORY);
            report.append(office);
        }
    }

    /** Root held, the backlog filled in SQL, the next N runs timed from the release, the rest removed. */
    private Measurement burnDownBehindBacklog() throws Exception {
        return meter.measure(
                queue.name(),
                queue.database(),
                Phase.BURN_DOWN,
                queue::pid,
                () -> {
                    queue.hold();
                    jobTable.addWaiting(settings.backlog() + settings.jobs());
                },
                () -> queue.release(settings.jobs()),
                () -> {
                    queue.hold();
                    jobTable.deleteWaiting();
                    // The next turn's burn-down is on the empty table, not beside a million dead rows.
                    jobTable.vacuumAnalyze();
                });
    }

    private void fillHistory() throws Exception {
        long start = System.nanoTime();
        jobTable.addHistory(
                settings.history(),
                rows -> System.out.printf(
                        Locale.ROOT,
                        "[bench] history: %,d of %,d rows (%.0f s)%n",
                        rows,
                        settings.history(),
                        (System.nanoTime() - start) / 1e9));
        jobTable.vacuumAnalyze();
        // Run C (2026-12-02) went 1,712 → 1,340 → 2,798 jobs/s over three burn-downs after the fill, with the done
        // mark's execution 0.37 → 0.44 → 0.27 ms: the first phases paid for the fill's writes. Written out here.
        jobTable.checkpoint();
    }

    private void backOffice(Report report) throws Exception {
        report.heading(String.format(
                Locale.ROOT,
                "Back office on the aged table (in-server service calls, median of %d after a warm-up)",
                7));
        report.line("| first load | median ms | min–max ms | target |");
        report.line("|---|---|---|---|");
        timed(
                report,
                "Jobs page: default states (5) + channel " + HISTORY_CHANNEL,
                "backoffice/jobs?states=wait_dependencies,pending,enqueued,started,failed&channel=" + HISTORY_CHANNEL,
                PAGE_TARGET_MS);
        timed(
                report,
                "Jobs page: done + channel " + HISTORY_CHANNEL,
                "backoffice/jobs?states=done&channel=" + HISTORY_CHANNEL,
                PAGE_TARGET_MS);
        // Without a channel, as a user opens the history first: the ended jobs are read in creation order from an
        // index of their own (V19), merged with the others when both are shown.
        timed(report, "Jobs page: done, every channel", "backoffice/jobs?states=done", PAGE_TARGET_MS);
        timed(
                report,
                "Jobs page: every state, every channel",
                "backoffice/jobs?states=wait_dependencies,pending,enqueued,started,done,cancelled,failed",
                PAGE_TARGET_MS);
        // The deepest page the Jobs screen reaches (its count stops at 10,000): the two parts' places are merged,
        // then only the page's 25 jobs are read.
        timed(
                report,
                "Jobs page 400 (rows 9,976-10,000): every state, every channel",
                "backoffice/jobs?first=9975&states=wait_dependencies,pending,enqueued,started,done,cancelled,failed",
                PAGE_TARGET_MS);
        timed(
                report,
                "dashboard (counts by channel and state, throughput, slowest functions, oldest waiting, servers)",
                "backoffice/dashboard",
                DASHBOARD_TARGET_MS);
    }

    private void timed(Report report, String what, String call, double targetMillis) throws Exception {
        String[] micros = api.post(call).split(" ");
        double median = Long.parseLong(micros[0]) / 1000.0;
        report.line(
                "| %s | %.1f | %.1f–%.1f | ≤ %,.0f: %s |",
                what,
                median,
                Long.parseLong(micros[1]) / 1000.0,
                Long.parseLong(micros[2]) / 1000.0,
                targetMillis,
                Report.verdict(median <= targetMillis));
    }

    private static double medianRate(List<Measurement> burnDowns) {
        return Medians.median(burnDowns, m -> m.outcome().jobsPerSecond());
    }

    /** Each burn-down's rate in the order measured, e.g. "2,899 / 2,485 / 2,022". */
    private static String rates(List<Measurement> burnDowns) {
        List<String> rates = new ArrayList<>();
        for (Measurement m : burnDowns) {
            rates.add(String.format(Locale.ROOT, "%,.0f", m.outcome().jobsPerSecond()));
        }
        return String.join(" / ", rates);
    }

    private static String perSecond(double jobsPerSecond) {
        return String.format(Locale.ROOT, "%,.0f jobs/s", jobsPerSecond);
    }

    /**
     * The autovacuum's share of the time for a trial ({@code -Dbench.queue.autovacuumDuty=0.05}), or empty for the
     * product's default.
     */
    static Optional<String> autovacuumDuty() {
        return trial("bench.queue.autovacuumDuty");
    }

    /**
     * The autovacuum's share of the time while the workers are busy, for a trial ({@code
     * -Dbench.queue.autovacuumBusyDuty=0.05}), or empty for the product's default.
     */
    static Optional<String> autovacuumBusyDuty() {
        return trial("bench.queue.autovacuumBusyDuty");
    }

    private static Optional<String> trial(String property) {
        return Optional.ofNullable(System.getProperty(property))
                .map(String::strip)
                .filter(value -> !value.isEmpty());
    }

    /** The autovacuum's configuration in the phase: the trial's duties, or the product's defaults. */
    private static AutovacuumConfig vacuumConfig() {
        return AutovacuumConfig.parse(
                "true",
                AutovacuumConfig.DEFAULT_TIME,
                AutovacuumConfig.DEFAULT_CHUNK_SIZE,
                autovacuumDuty().orElse(AutovacuumConfig.DEFAULT_MAX_DUTY),
                autovacuumBusyDuty().orElse(AutovacuumConfig.DEFAULT_BUSY_DUTY));
    }
}
