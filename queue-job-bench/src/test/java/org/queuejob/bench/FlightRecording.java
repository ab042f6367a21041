package org.queuejob.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Java Flight Recorder profile of exactly a measured phase of a system's JVM, for finding where its CPU goes:
 * {@code -Dbench.jfr=DIR} writes {@code DIR/<system>-<phase>.jfr} for each measured phase (off by default, since the
 * recorder adds its own cost to the figures). Driven through {@code jcmd}, so the JVMs under test need no option.
 */
final class FlightRecording {

    private static final String NAME = "bench-phase";

    private final Path directory;

    private FlightRecording(Path directory) {
        this.directory = directory;
    }

    /** The recorder asked for on the command line, or none. */
    static FlightRecording fromSystemProperties() {
        String directory = System.getProperty("bench.jfr", "");
        return directory.isBlank()
                ? null
                : new FlightRecording(Path.of(directory).toAbsolutePath());
    }

    void start(long pid) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        // Deep stacks: a container's call path to a job is well over JFR's default of 64 frames.
        jcmd(pid, "JFR.configure", "stackdepth=512");
        jcmd(pid, "JFR.start", "name=" + NAME, "settings=" + denseProfile());
    }

    /**
     * JFR's "profile" settings with Java methods sampled every millisecond instead of every 10: a measured phase
     * lasts seconds and its threads mostly wait on PostgreSQL, so at 10 ms a phase gave only about 130 samples.
     */
    private Path denseProfile() throws IOException {
        Path file = directory.resolve("dense-profile.jfc");
        String profile = Files.readString(Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc"));
        Files.writeString(
                file,
                profile.replace(
                        "<setting name=\"period\" control=\"method-sampling-java-interval\">10 ms</setting>",
                        "<setting name=\"period\" control=\"method-sampling-java-interval\">1 ms</setting>"));
        return file;
    }

    void stop(long pid, String file) throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=" + NAME, "filename=" + directory.resolve(file + ".jfr"));
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("jcmd", Long.toString(pid)));
        arguments.addAll(List.of(command));
        Process process =
                new ProcessBuilder(arguments).redirectErrorStream(true).start();
        String said = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + said);
        }
    }
}
