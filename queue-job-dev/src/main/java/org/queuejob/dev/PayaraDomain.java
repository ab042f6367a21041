package org.queuejob.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A Payara Server domain driven through {@code asadmin}: the same commands an operator would type, so what the demo
 * and the tests set up is what the README tells people to set up.
 */
public final class PayaraDomain {

    public static final String POOL = "queue-job-pool";
    public static final String DATA_SOURCE = "jdbc/queue-job";

    private static final Logger LOG = Logger.getLogger(PayaraDomain.class.getName());

    private final Path home;
    private final String domain;
    private final int httpPort;

    public PayaraDomain(Path home, String domain, int httpPort) {
        this.home = home;
        this.domain = domain;
        this.httpPort = httpPort;
        if (!Files.isRegularFile(asadmin())) {
            throw new IllegalStateException("No Payara Server at " + home + ": build the queue-job-dev module first "
                    + "(it unpacks Payara from Maven Central).");
        }
    }

    /** The Payara the build unpacked, from the {@code payara.home} system property. */
    public static PayaraDomain fromSystemProperties() {
        String home = System.getProperty("payara.home");
        if (home == null) {
            throw new IllegalStateException("System property payara.home is not set.");
        }
        return new PayaraDomain(Path.of(home), "domain1", 8080);
    }

    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    public Path home() {
        return home;
    }

    public void start() {
        // A domain left running by an interrupted run would make the start fail on busy ports.
        asadminQuietly("stop-domain", domain);
        asadmin("start-domain", domain);
    }

    public void stop() {
        asadminQuietly("stop-domain", domain);
    }

    public void createDataSource(DatabaseSettings db, int maxPoolSize) {
        asadminQuietly("delete-jdbc-resource", DATA_SOURCE);
        asadminQuietly("delete-jdbc-connection-pool", POOL);
        String properties = String.join(
                ":",
                "serverName=" + db.host(),
                "portNumber=" + db.port(),
                "databaseName=" + db.database(),
                "user=" + db.user(),
                "password=" + escape(db.password()),
                // uuid and jsonb columns take the driver's text parameters only with this.
                "stringtype=unspecified",
                // Batched inserts (a graph of jobs, many enqueues in one transaction) become multi-row inserts.
                "reWriteBatchedInserts=true");
        asadmin(
                "create-jdbc-connection-pool",
                "--datasourceclassname=org.postgresql.ds.PGSimpleDataSource",
                "--restype=javax.sql.DataSource",
                "--steadypoolsize=8",
                "--maxpoolsize=" + maxPoolSize,
                "--isconnectvalidatereq=true",
                "--validationmethod=auto-commit",
                "--failconnection=true",
                "--property",
                properties,
                POOL);
        asadmin("create-jdbc-resource", "--connectionpoolid=" + POOL, DATA_SOURCE);
        asadmin("ping-connection-pool", POOL);
    }

    /** A back-office user in the server's file realm; groups map to the roles of the same names. */
    public void createUser(String user, String password, String... groups) {
        asadminQuietly("delete-file-user", user);
        Path passwordFile = writePasswordFile("AS_ADMIN_USERPASSWORD=" + password);
        try {
            asadmin("--passwordfile=" + passwordFile, "create-file-user", "--groups=" + String.join(":", groups), user);
        } finally {
            deleteQuietly(passwordFile);
        }
    }

    public void setSystemProperty(String name, String value) {
        asadmin("create-system-properties", name + "=" + escape(value));
    }

    public void deploy(Path archive, String name) {
        asadmin("deploy", "--force=true", "--name=" + name, archive.toString());
    }

    /** Deploys and returns what asadmin said, without failing: for tests of deployments that must be refused. */
    public Result tryDeploy(Path archive, String name) {
        return run("deploy", "--force=true", "--name=" + name, archive.toString());
    }

    /** The exit code and output of one asadmin command. */
    public record Result(int exitCode, String output) {

        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    public void undeploy(String name) {
        asadminQuietly("undeploy", name);
    }

    /** Waits until {@code path} answers (applications load after {@code start-domain} returns). */
    public void awaitHttp(String path, Duration timeout) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> response = client.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + path))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() < 500 && response.statusCode() != 404) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(Duration.ofMillis(250));
        }
        throw new IllegalStateException(baseUrl() + path + " did not answer within " + timeout);
    }

    public void asadmin(String... arguments) {
        Result result = run(arguments);
        if (!result.succeeded()) {
            throw new IllegalStateException("asadmin " + String.join(" ", arguments) + " failed with exit code "
                    + result.exitCode() + ": " + result.output());
        }
    }

    private void asadminQuietly(String... arguments) {
        run(arguments);
    }

    private Result run(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(asadmin().toString());
        command.add("--interactive=false");
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Payara must run on the JDK that runs the build, not whatever else is installed.
        builder.environment().put("AS_JAVA", System.getProperty("java.home"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("asadmin " + arguments[0] + " did not finish in 5 minutes");
            }
            int exit = process.exitValue();
            LOG.fine(() -> "asadmin " + String.join(" ", arguments) + " -> " + exit + "\n" + output);
            if (exit != 0
                    && !arguments[0].startsWith("stop")
                    && !arguments[0].startsWith("delete")
                    && !arguments[0].startsWith("undeploy")) {
                LOG.warning(() -> "asadmin " + arguments[0] + " said:\n" + output);
            }
            return new Result(exit, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Path asadmin() {
        return home.resolve("bin").resolve("asadmin");
    }

    /** asadmin separates properties with ':' and treats '=' specially, so both are escaped in values. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
    }

    private static Path writePasswordFile(String content) {
        try {
            Path file = Files.createTempFile("asadmin", ".pw");
            Files.writeString(file, content + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.fine(() -> "Could not delete " + file);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
