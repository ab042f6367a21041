package org.queuejob.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of processes from {@code /proc/<pid>/stat}, in milliseconds. For a JVM, its own user + system time
 * (fields 14 and 15). For PostgreSQL, the postmaster's own time, that of its live children (backends, checkpointer,
 * WAL writer, autovacuum...), and the postmaster's cutime + cstime (fields 16 and 17), which hold the time of the
 * children that exited (backends of closed connections), so that nothing is lost when a peer's JVM disconnects.
 */
final class ProcessCpu {

    private static final long TICKS_PER_SECOND = clockTicks();

    private ProcessCpu() {}

    static double processMillis(long pid) {
        long[] fields = stat(pid);
        if (fields == null) {
            throw new IllegalStateException("No process " + pid);
        }
        return toMillis(fields[14] + fields[15]);
    }

    /** The postmaster {@code pid} and all its children, living or exited. */
    static double processTreeMillis(long pid) {
        long[] postmaster = stat(pid);
        if (postmaster == null) {
            throw new IllegalStateException("No process " + pid);
        }
        long ticks = postmaster[14] + postmaster[15] + postmaster[16] + postmaster[17];
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            ticks += processes
                    .map(path -> path.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(name -> stat(Long.parseLong(name)))
                    .filter(fields -> fields != null && fields[4] == pid)
                    .mapToLong(fields -> fields[14] + fields[15])
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return toMillis(ticks);
    }

    static long ticksPerSecond() {
        return TICKS_PER_SECOND;
    }

    private static double toMillis(long ticks) {
        return ticks * 1000.0 / TICKS_PER_SECOND;
    }

    /**
     * The stat fields numbered as in proc(5) (index 1 = pid; fields after the command name, which may hold spaces,
     * from 3 on); null when the process is gone.
     */
    private static long[] stat(long pid) {
        String line;
        try {
            line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            // A process exiting while read.
            return null;
        }
        String[] rest = line.substring(line.lastIndexOf(')') + 2).split(" ");
        // Up to cstime (17): later fields may be unsigned 64-bit values that a long does not hold.
        long[] fields = new long[18];
        fields[1] = pid;
        for (int i = 1; i + 3 < fields.length; i++) {
            fields[i + 3] = Long.parseLong(rest[i].strip());
        }
        return fields;
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
            String ticks = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            getconf.waitFor();
            return Long.parseLong(ticks);
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
