package org.queuejob.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where a phase's CPU went inside each process, for the log: the application JVM's threads by kind (JIT compilers,
 * garbage collector and VM threads, the rest) and PostgreSQL's processes by kind (backends, autovacuum, background
 * writers). A system that still compiles its paths, or a table that autovacuum keeps visiting, costs CPU per job
 * that its own statements do not; the totals in the report cannot tell the two apart.
 *
 * <p>Read from {@code /proc/<pid>/task/<tid>/stat} and {@code /proc/<pid>/stat} at the start and the end of the
 * phase: a thread or process gone by the end is not counted in its kind (the JVM's total still has it, as "other").
 */
final class CpuSplit {

    private final long jvm;
    private final long postmaster;
    private final Map<String, Long> jvmBefore;
    private final Map<String, Long> postgresBefore;

    private CpuSplit(long jvm, long postmaster) {
        this.jvm = jvm;
        this.postmaster = postmaster;
        this.jvmBefore = jvmThreads(jvm);
        this.postgresBefore = postgresProcesses(postmaster);
    }

    static CpuSplit start(long jvm, long postmaster) {
        return new CpuSplit(jvm, postmaster);
    }

    /** One line: each kind's milliseconds per job, the JVM's "other" being its total less the kinds named. */
    String perJob(double appTotalMillis, int jobs) {
        Map<String, Double> app = byKind(jvmBefore, jvmThreads(jvm), CpuSplit::threadKind);
        double named = app.values().stream().mapToDouble(Double::doubleValue).sum();
        app.put("other", appTotalMillis - named);
        Map<String, Double> postgres = byKind(postgresBefore, postgresProcesses(postmaster), CpuSplit::processKind);
        StringBuilder line = new StringBuilder("app");
        app.forEach((kind, millis) -> line.append(String.format(Locale.ROOT, " %s %.3f", kind, millis / jobs)));
        line.append(" | PostgreSQL");
        postgres.forEach((kind, millis) -> line.append(String.format(Locale.ROOT, " %s %.3f", kind, millis / jobs)));
        return line.append(" (ms/job)").toString();
    }

    private static Map<String, Double> byKind(
            Map<String, Long> before, Map<String, Long> after, java.util.function.Function<String, String> kindOf) {
        Map<String, Double> millis = new TreeMap<>();
        after.forEach((key, ticks) -> {
            String kind = kindOf.apply(key);
            if (kind != null) {
                long delta = ticks - before.getOrDefault(key, 0L);
                millis.merge(kind, delta * 1000.0 / ProcessCpu.ticksPerSecond(), Double::sum);
            }
        });
        return millis;
    }

    /** "tid name" of each live thread of {@code pid}, with its user + system ticks. */
    private static Map<String, Long> jvmThreads(long pid) {
        Map<String, Long> ticks = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                String stat = read(task.resolve("stat"));
                if (stat != null) {
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    ticks.put(task.getFileName() + " " + name, userAndSystem(stat));
                }
            });
        } catch (IOException e) {
            // The JVM is gone: nothing to split.
        }
        return ticks;
    }

    private static String threadKind(String key) {
        String name = key.substring(key.indexOf(' ') + 1);
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return "JIT";
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
            return "GC+VM";
        }
        return null;
    }

    /** "pid command line" of the postmaster's live children, with their user + system ticks. */
    private static Map<String, Long> postgresProcesses(long postmaster) {
        Map<String, Long> ticks = new HashMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes
                    .filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(process -> {
                        String stat = read(process.resolve("stat"));
                        String command = read(process.resolve("cmdline"));
                        if (stat != null && command != null && parent(stat) == postmaster) {
                            ticks.put(process.getFileName() + " " + command.replace('\0', ' '), userAndSystem(stat));
                        }
                    });
        } catch (IOException e) {
            // /proc unreadable: nothing to split.
        }
        return ticks;
    }

    private static String processKind(String key) {
        if (key.contains("autovacuum")) {
            return "autovacuum";
        }
        if (key.contains("writer") || key.contains("checkpointer") || key.contains("logger")) {
            return "background";
        }
        return "backends";
    }

    private static long parent(String stat) {
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
    }

    private static long userAndSystem(String stat) {
        String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // rest[0] is field 3 (state): utime and stime are fields 14 and 15.
        return Long.parseLong(rest[11]) + Long.parseLong(rest[12]);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return null; // exited meanwhile
        }
    }
}
