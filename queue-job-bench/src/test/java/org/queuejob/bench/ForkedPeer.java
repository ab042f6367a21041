package org.queuejob.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.queuejob.bench.peer.PeerKind;
import org.queuejob.bench.peer.PeerMain;
import org.queuejob.bench.phase.Outcome;
import org.queuejob.bench.phase.Phase;
import org.queuejob.dev.DatabaseSettings;

/**
 * A peer measured in a JVM of its own ({@link PeerMain}), one JVM per phase: started and warmed up by
 * {@link #prepare}, told to go by {@link #run}, ended by {@link #finish}. Its log goes to a file in {@code target}.
 */
final class ForkedPeer implements ComparedSystem {

    private final PeerKind kind;
    private final DatabaseSettings database;
    private final String classpath;
    private final int threads;
    private final Path logDirectory;
    private Process process;
    private BufferedReader replies;
    private Writer commands;
    private Path log;

    ForkedPeer(PeerKind kind, DatabaseSettings database, String classpath, int threads, Path logDirectory) {
        this.kind = kind;
        this.database = database;
        this.classpath = classpath;
        this.threads = threads;
        this.logDirectory = logDirectory;
    }

    @Override
    public String name() {
        return kind.label();
    }

    @Override
    public String database() {
        return database.database();
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public void prepare(Phase phase, int n) throws Exception {
        Files.createDirectories(logDirectory);
        log = logDirectory.resolve("peer-" + kind.name().toLowerCase() + "-" + phase.label() + ".log");
        process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dbench.raw.idleSleepMs=" + Long.getLong("bench.raw.idleSleepMs", 50),
                        "-Dbench.warmup=" + PeerMain.WARM_UP_JOBS,
                        "-cp",
                        classpath,
                        PeerMain.class.getName(),
                        kind.name(),
                        database.jdbcUrl(),
                        database.user(),
                        database.password(),
                        Integer.toString(threads),
                        phase.name(),
                        Integer.toString(n)))
                .redirectError(log.toFile())
                .start();
        replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        await(PeerMain.READY);
    }

    @Override
    public Outcome run(Phase phase, int n) throws Exception {
        send("go");
        return Outcome.parse(await(PeerMain.OUTCOME).substring(PeerMain.OUTCOME.length()));
    }

    @Override
    public void finish() throws Exception {
        send("exit");
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(name() + " did not end; see " + log);
        }
    }

    private void send(String command) throws IOException {
        commands.write(command + "\n");
        commands.flush();
    }

    /** The next line starting with {@code prefix}; other output is ignored. */
    private String await(String prefix) throws IOException {
        for (String line; (line = replies.readLine()) != null; ) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IllegalStateException(name() + " ended before saying " + prefix.strip() + "; see " + log);
    }
}
