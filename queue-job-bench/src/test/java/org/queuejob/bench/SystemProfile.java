package org.queuejob.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A {@code perf} profile of the whole machine during exactly a measured phase, for finding where PostgreSQL's CPU
 * goes (its backends are forked per connection, so the profile is system-wide; read one process name with {@code perf
 * report -i FILE --comm postgres --no-children --sort symbol}). {@code -Dbench.perf=DIR} writes {@code
 * DIR/<system>-<phase>.perf.data} for each measured phase; off by default, since sampling adds its own cost. The
 * JVMs' own frames show as addresses: their profile is the flight recording's ({@code -Dbench.jfr}).
 */
final class SystemProfile {

    private final Path directory;
    private Process perf;
    private Path data;

    private SystemProfile(Path directory) {
        this.directory = directory;
    }

    /** The profile asked for on the command line, or none. */
    static SystemProfile fromSystemProperties() {
        String directory = System.getProperty("bench.perf", "");
        return directory.isBlank() ? null : new SystemProfile(Path.of(directory).toAbsolutePath());
    }

    void start(String file) throws IOException {
        Files.createDirectories(directory);
        data = directory.resolve(file + ".perf.data");
        perf = new ProcessBuilder("perf", "record", "-e", "cpu-clock", "-F", "999", "-a", "-g", "-o", data.toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve(file + ".perf.log").toFile())
                .start();
    }

    /** Ends the recording as its Ctrl-C would, so that perf writes its file whole. */
    void stop() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", Long.toString(perf.pid())).start().waitFor();
        if (!perf.waitFor(1, TimeUnit.MINUTES) || !Files.isRegularFile(data)) {
            throw new IllegalStateException("perf record did not end cleanly; see its .perf.log in " + directory);
        }
    }
}
