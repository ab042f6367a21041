package org.queuejob.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Wall time of each part of the run, printed as it ends and listed in the report. */
final class Timeline {

    private final long start = System.nanoTime();
    private final Map<String, Double> seconds = new LinkedHashMap<>();

    <T> T time(String part, Timed<T> work) throws Exception {
        long started = System.nanoTime();
        try {
            return work.run();
        } finally {
            double took = (System.nanoTime() - started) / 1e9;
            seconds.merge(part, took, Double::sum);
            System.out.printf(Locale.ROOT, "[bench] %s: %.1f s%n", part, took);
        }
    }

    Map<String, Double> parts() {
        return seconds;
    }

    double totalSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    @FunctionalInterface
    interface Timed<T> {
        T run() throws Exception;
    }
}
