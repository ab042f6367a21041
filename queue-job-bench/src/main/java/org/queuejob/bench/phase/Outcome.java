package org.queuejob.bench.phase;

import java.util.Locale;

/**
 * What one phase gave, as measured by the system's own JVM (System.nanoTime around its own calls): elapsed time,
 * the longest stretch without a job start, and for latency probes the commit→start percentiles. Travels as one text
 * line between the JVMs.
 */
public record Outcome(int jobs, long elapsedNanos, long longestGapNanos, long p50Micros, long p99Micros) {

    public double jobsPerSecond() {
        return jobs / (elapsedNanos / 1e9);
    }

    public String toLine() {
        return String.format(Locale.ROOT, "%d %d %d %d %d", jobs, elapsedNanos, longestGapNanos, p50Micros, p99Micros);
    }

    public static Outcome parse(String line) {
        String[] parts = line.strip().split(" ");
        if (parts.length != 5) {
            throw new IllegalArgumentException("Not an outcome: " + line);
        }
        return new Outcome(
                Integer.parseInt(parts[0]),
                Long.parseLong(parts[1]),
                Long.parseLong(parts[2]),
                Long.parseLong(parts[3]),
                Long.parseLong(parts[4]));
    }
}
