package org.queuejob.dev;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * The application server the demo, the integration tests and the benchmark run: Payara ({@link PayaraDomain}) or
 * WildFly ({@link WildFlyServer}), each driven by its own administration tool with the commands an operator types.
 * {@code queuejob.server} chooses ({@code payara}, the default, or {@code wildfly}).
 */
public interface AppServer {

    /** The JNDI name the queue's data source is bound under (WildFly binds it as {@code java:/jdbc/queue-job}). */
    String DATA_SOURCE = "jdbc/queue-job";

    String PAYARA = "payara";
    String WILDFLY = "wildfly";

    /** The server the system properties name, unpacked by the build. */
    static AppServer fromSystemProperties() {
        return isWildFly() ? WildFlyServer.fromSystemProperties() : PayaraDomain.fromSystemProperties();
    }

    /** Whether {@code queuejob.server} asks for WildFly. */
    static boolean isWildFly() {
        return WILDFLY.equalsIgnoreCase(System.getProperty("queuejob.server", PAYARA));
    }

    /** "Payara" or "WildFly", for messages. */
    String product();

    /** This server's name among others of its kind (a Payara domain, a WildFly base directory). */
    String name();

    Path home();

    /** The server's log file, where it says why an application failed to start (its deploy answer may not). */
    Path serverLog();

    String baseUrl();

    int httpPort();

    int adminPort();

    /** Where the server answers MicroProfile Health ({@code /health}) and metrics ({@code /metrics}). */
    String managementUrl();

    void start();

    void stop();

    boolean isRunning();

    /** What the queue needs of the server beyond a data source: subsystems, no version banners. */
    void prepare();

    void createDataSource(DatabaseSettings db, int maxPoolSize);

    /** A back-office user; groups map to the roles of the same names. */
    void createUser(String user, String password, String... groups);

    /** A server-wide system property (MicroProfile Config reads them). */
    void setSystemProperty(String name, String value);

    void removeSystemProperty(String name);

    /** Several at once, in one management call where the server takes them so (each call may start a JVM). */
    default void setSystemProperties(Map<String, String> properties) {
        properties.forEach(this::setSystemProperty);
    }

    /** Several at once, as {@link #setSystemProperties}; a property that is not there is no error. */
    default void removeSystemProperties(Collection<String> names) {
        names.forEach(this::removeSystemProperty);
    }

    /**
     * Closes every connection of the queue's pool, idle or not yet validated, so that the next request opens a fresh
     * one: after the database refused or dropped connections, the pool may otherwise hand out a connection it has
     * not noticed is closed (the operator's command after an outage, and a test's clean-up after simulating one).
     */
    void flushConnectionPool();

    /**
     * A Jakarta Mail session bound where {@code InitialContext.lookup(name)} finds it (e.g. {@code mail/queue-job}),
     * sending through the SMTP server at {@code host:port}.
     */
    void createMailSession(String name, String host, int port, String from);

    void deleteMailSession(String name);

    void deploy(Path archive, String name);

    /** Deploys and returns what the tool said, without failing: for tests of deployments that must be refused. */
    Result tryDeploy(Path archive, String name);

    void undeploy(String name);

    /** Waits until {@code path} answers (applications may load after the server is up). */
    default void awaitHttp(String path, Duration timeout) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (answers(client, baseUrl() + path)) {
                    return;
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException(baseUrl() + path + " did not answer within " + timeout);
    }

    /** Whether {@code url} gives an answer an application gives (not a 404 or 5xx of a server still loading it). */
    private static boolean answers(HttpClient client, String url) throws InterruptedException {
        try {
            int status = client.send(
                            HttpRequest.newBuilder(URI.create(url)).GET().build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            return status < 500 && status != 404;
        } catch (IOException e) {
            return false; // not up yet
        }
    }

    /**
     * The process id of the server's JVM, read from the pid file the server writes at each start (so a restarted
     * server gives its new process): the benchmark counts this process's CPU.
     */
    long pid();

    /** Kills the server's process with SIGKILL (a crash) and returns once it is gone. */
    Instant killProcess();

    /** The exit code and output of one administration command. */
    record Result(int exitCode, String output) {

        public boolean succeeded() {
            return exitCode == 0;
        }
    }
}
