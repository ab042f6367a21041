package org.queuejob.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.queuejob.bench.phase.Phase;

/** The Markdown report: built section by section as the run goes, printed and written at the end. */
final class Report {

    static final String REFERENCE = "db-scheduler";

    private final StringBuilder text = new StringBuilder();

    Report line(String format, Object... arguments) {
        text.append(String.format(Locale.ROOT, format, arguments)).append('\n');
        return this;
    }

    /** Another report's text, built apart (measured earlier than its place in this one). */
    Report append(Report other) {
        text.append(other.text);
        return this;
    }

    Report heading(String title) {
        return line("").line("## %s", title).line("");
    }

    /** One table per phase, a row per system, with each system's ratio to db-scheduler. */
    Report phase(String title, Phase phase, List<Measurement> rows) {
        heading(title);
        Optional<Measurement> reference =
                rows.stream().filter(m -> m.system().equals(REFERENCE)).findFirst();
        if (phase == Phase.LATENCY) {
            line("| system | p50 ms | p99 ms | p50 × db-scheduler | app CPU ms/job | PG CPU ms/job | statements/job"
                    + " | commits/job |");
            line("|---|---|---|---|---|---|---|---|");
            for (Measurement m : rows) {
                line(
                        "| %s | %.2f | %.2f | %s | %s | %s | %.1f | %.1f |",
                        m.system(),
                        m.outcome().p50Micros() / 1000.0,
                        m.outcome().p99Micros() / 1000.0,
                        ratio(m.outcome().p50Micros(), reference.map(r ->
                                (double) r.outcome().p50Micros())),
                        cpu(m.appCpuPerJob()),
                        cpu(m.postgresCpuPerJob()),
                        m.statementsPerJob(),
                        m.commitsPerJob());
            }
        } else {
            line("| system | jobs/s | × db-scheduler | app CPU ms/job | PG CPU ms/job | statements/job | commits/job"
                    + " | longest start gap ms |");
            line("|---|---|---|---|---|---|---|---|");
            for (Measurement m : rows) {
                line(
                        "| %s | %,.0f | %s | %s | %s | %.2f | %.2f | %,d |",
                        m.system(),
                        m.outcome().jobsPerSecond(),
                        ratio(
                                m.outcome().jobsPerSecond(),
                                reference.map(r -> r.outcome().jobsPerSecond())),
                        cpu(m.appCpuPerJob()),
                        cpu(m.postgresCpuPerJob()),
                        m.statementsPerJob(),
                        m.commitsPerJob(),
                        m.outcome().longestGapNanos() / 1_000_000);
            }
        }
        return this;
    }

    Report elapsed(Map<String, Double> parts, double total) {
        heading("Elapsed time");
        line("| part | seconds |");
        line("|---|---|");
        parts.forEach((part, seconds) -> line("| %s | %.1f |", part, seconds));
        return line("| **total** | **%.1f** |", total);
    }

    static String ratio(double value, Optional<Double> reference) {
        return reference
                .filter(r -> r > 0)
                .map(r -> String.format(Locale.ROOT, "%.2f", value / r))
                .orElse("–");
    }

    static String cpu(double millisPerJob) {
        return Double.isNaN(millisPerJob) ? "n/a" : String.format(Locale.ROOT, "%.3f", millisPerJob);
    }

    static String verdict(boolean met) {
        return met ? "met" : "**not met**";
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
