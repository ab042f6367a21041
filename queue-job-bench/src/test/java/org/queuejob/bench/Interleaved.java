package org.queuejob.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The hot path with and without some work beside it, measured in turns: alone, beside, alone, … alone. One
 * burn-down here differs from the next by up to a third as the JVM and the database settle (runs E and F of
 * 2026-12-02: the three burn-downs around one autovacuum phase), more than the tenth or fifth the work beside it is
 * allowed to take, so a single pair of phases cannot tell whether a target is met. Each phase beside the work is
 * compared with the mean of the two alone just before and after it, and the verdict is the median of those ratios.
 */
final class Interleaved {

    /** Phases beside the work, from {@code -Dbench.interleave} (at least 1). */
    static int rounds() {
        return Math.max(1, Integer.getInteger("bench.interleave", 3));
    }

    /** One phase of either kind, as the caller measures it. */
    @FunctionalInterface
    interface Phase {
        Measurement measure(int round) throws Exception;
    }

    /** The phases in the order they ran: {@code alone.size() == beside.size() + 1}. */
    record Turns(List<Measurement> alone, List<Measurement> beside) {

        /** Each phase beside the work over the mean of its two neighbours alone. */
        double[] ratios() {
            double[] ratios = new double[beside.size()];
            for (int i = 0; i < ratios.length; i++) {
                double around = (rate(alone.get(i)) + rate(alone.get(i + 1))) / 2;
                ratios[i] = rate(beside.get(i)) / around;
            }
            return ratios;
        }

        double medianRatio() {
            double[] sorted = ratios();
            Arrays.sort(sorted);
            int middle = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }

        /** The ratios in the order they were measured, e.g. "0.91, 1.02, 0.88". */
        String describeRatios() {
            List<String> parts = new ArrayList<>();
            for (double ratio : ratios()) {
                parts.add(String.format(Locale.ROOT, "%.2f", ratio));
            }
            return String.join(", ", parts);
        }

        /** Writes the verdict's row: the median ratio, every turn's ratio, and whether it meets {@code target}. */
        void medianRow(Report report, double target) {
            double ratio = medianRatio();
            report.line(
                    "| **median ratio** | | **%.2f** (%s) — target ≥ %.1f: %s | | | |",
                    ratio, describeRatios(), target, Report.verdict(ratio >= target));
        }

        /** Writes one row per phase in the order they ran, the ratio on the rows beside the work. */
        void rows(Report report, String aloneLabel, String besideLabel) {
            double[] ratios = ratios();
            for (int i = 0; i < alone.size(); i++) {
                row(report, aloneLabel + " " + (i + 1), alone.get(i), "");
                if (i < beside.size()) {
                    row(
                            report,
                            besideLabel + " " + (i + 1),
                            beside.get(i),
                            String.format(Locale.ROOT, "%.2f", ratios[i]));
                }
            }
        }

        private static void row(Report report, String what, Measurement m, String ratio) {
            report.line(
                    "| %s | %,.0f | %s | %s | %s | %.2f |",
                    what,
                    rate(m),
                    ratio,
                    Report.cpu(m.appCpuPerJob()),
                    Report.cpu(m.postgresCpuPerJob()),
                    m.statementsPerJob());
        }

        private static double rate(Measurement m) {
            return m.outcome().jobsPerSecond();
        }
    }

    private Interleaved() {}

    static Turns run(int rounds, Phase alone, Phase beside) throws Exception {
        List<Measurement> alones = new ArrayList<>();
        List<Measurement> besides = new ArrayList<>();
        alones.add(alone.measure(1));
        for (int round = 1; round <= rounds; round++) {
            besides.add(beside.measure(round));
            alones.add(alone.measure(round + 1));
        }
        return new Turns(List.copyOf(alones), List.copyOf(besides));
    }
}
