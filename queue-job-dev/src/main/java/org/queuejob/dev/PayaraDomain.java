package org.queuejob.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A Payara Server domain driven through {@code asadmin}'s commands: the same commands an operator would type, so what
 * the demo and the tests set up is what the README tells people to set up. The domain's start and stop run {@code
 * asadmin} itself; the other commands go straight to the running domain's admin listener ({@link AdminCommands}).
 */
public final class PayaraDomain implements AppServer {

    public static final String POOL = "queue-job-pool";

    private static final Logger LOG = Logger.getLogger(PayaraDomain.class.getName());

    /**
     * The default domain's HTTP port base (8080); other domains are created with a port base of their own (admin =
     * base + 48, HTTP = base + 80).
     */
    private static final int DEFAULT_PORT_BASE = 8000;

    private final Path home;
    private final String domain;
    private final int portBase;
    private final AdminCommands commands;

    private PayaraDomain(Path home, String domain, int portBase) {
        this.home = home;
        this.domain = domain;
        this.portBase = portBase;
        this.commands = new AdminCommands(adminPort());
        if (!Files.isRegularFile(asadmin())) {
            throw new IllegalStateException("No Payara Server at " + home + ": build the queue-job-dev module first "
                    + "(it unpacks Payara from Maven Central).");
        }
    }

    /**
     * The Payara the build unpacked, from the {@code payara.home} system property; {@code queuejob.payara.portbase}
     * selects another domain on other ports (so two checkouts, or two cluster members, can run side by side).
     */
    public static PayaraDomain fromSystemProperties() {
        String home = System.getProperty("payara.home");
        if (home == null) {
            throw new IllegalStateException("System property payara.home is not set.");
        }
        return withPortBase(Path.of(home), Integer.getInteger("queuejob.payara.portbase", DEFAULT_PORT_BASE));
    }

    /** {@code domain1} on Payara's usual ports for the default base, else a domain of its own named after the base. */
    public static PayaraDomain withPortBase(Path home, int portBase) {
        return new PayaraDomain(home, portBase == DEFAULT_PORT_BASE ? "domain1" : "domain" + portBase, portBase);
    }

    @Override
    public String product() {
        return "Payara";
    }

    @Override
    public String managementUrl() {
        return baseUrl();
    }

    @Override
    public void prepare() {
        hardenHttpListeners();
    }

    @Override
    public void flushConnectionPool() {
        asadmin("flush-connection-pool", POOL);
    }

    @Override
    public void createMailSession(String name, String host, int port, String from) {
        asadmin(
                "create-javamail-resource",
                "--mailhost=" + host,
                "--mailuser=queue-job",
                "--fromaddress=" + from,
                "--property=mail-smtp-port=" + port + ":mail.smtp.port=" + port,
                name);
    }

    @Override
    public void deleteMailSession(String name) {
        tryAsadmin("delete-javamail-resource", name);
    }

    @Override
    public void removeSystemProperty(String name) {
        tryAsadmin("delete-system-property", name);
    }

    @Override
    public String baseUrl() {
        return "http://localhost:" + httpPort();
    }

    @Override
    public int httpPort() {
        return portBase + 80;
    }

    @Override
    public int adminPort() {
        // domain1 as unpacked keeps Payara's well-known admin port, which is not on the port base's pattern.
        return portBase == DEFAULT_PORT_BASE ? 4848 : portBase + 48;
    }

    @Override
    public String name() {
        return domain;
    }

    @Override
    public Path serverLog() {
        return home.resolve("glassfish/domains").resolve(domain).resolve("logs/server.log");
    }

    @Override
    public Path home() {
        return home;
    }

    @Override
    public void start() {
        if (!Files.isDirectory(home.resolve("glassfish/domains").resolve(domain))) {
            asadmin("create-domain", "--nopassword=true", "--portbase=" + portBase, domain);
        }
        // A domain left running by an interrupted run would make the start fail on busy ports.
        asadminQuietly("stop-domain", domain);
        asadmin("start-domain", domain);
    }

    /**
     * No version banners: HTTP responses carry neither {@code Server} nor {@code X-Powered-By} (Payara sends both by
     * default, naming its version). And the session cookie is {@code SameSite=Lax}: a browser sends it with no post
     * from another site (the back office's forms and API calls made from another site's page run without the login).
     * Payara applies neither a Servlet 6 {@code cookie-config} attribute nor {@code SessionCookieConfig.setAttribute}
     * to its session cookie; its HTTP listener's setting does, and the back office's WAR keeps to standard descriptors.
     * Set once per domain, then the domain restarts: each {@code set} on a listener's
     * protocol restarts that listener in the background, and two such restarts in a row have been seen to leave
     * {@code http-listener-1} stopped for good ("GrizzlyProxy is NULL", nothing on the HTTP port), which failed every
     * test of a CI run. A domain that already has the settings starts with them and needs neither.
     */
    public void hardenHttpListeners() {
        List<String> settings = new ArrayList<>();
        for (String listener : List.of("http-listener-1", "http-listener-2")) {
            String http = "configs.config.server-config.network-config.protocols.protocol." + listener + ".http.";
            settings.add(http + "xpowered-by=false");
            settings.add(http + "server-header=false");
            settings.add(http + "cookie-same-site-enabled=true");
            settings.add(http + "cookie-same-site-value=Lax");
        }
        // asadmin get takes one name, with wildcards.
        String current = run("get", "configs.config.server-config.network-config.protocols.protocol.*.http.*")
                .output();
        if (settings.stream().allMatch(current::contains)) {
            return;
        }
        asadmin(Stream.concat(Stream.of("set"), settings.stream()).toArray(String[]::new));
        asadmin("restart-domain", domain);
    }

    /** Whether the domain's admin port answers. */
    @Override
    public boolean isRunning() {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("localhost", adminPort()), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the domain's process at once, as a crash would ({@code kill -9}), for failure tests. */
    public void kill() {
        asadminQuietly("stop-domain", "--kill=true", domain);
    }

    /**
     * Kills the domain's process with SIGKILL (a crash, with no asadmin in between) and returns once it is gone: the
     * instant returned is the process's death, from which failure tests count.
     */
    @Override
    public java.time.Instant killProcess() {
        long pid = pid();
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("Domain " + domain + " has no process " + pid));
        try {
            process.destroyForcibly();
            process.onExit().get(30, TimeUnit.SECONDS);
            return java.time.Instant.now();
        } catch (Exception e) {
            throw new IllegalStateException("Could not kill domain " + domain, e);
        }
    }

    /** The domain's JVM, from the pid file Payara writes at each start ({@code config/pid} in the domain). */
    @Override
    public long pid() {
        Path pidFile = home.resolve("glassfish/domains").resolve(domain).resolve("config/pid");
        try {
            return Long.parseLong(Files.readString(pidFile).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("No Payara pid file at " + pidFile, e);
        }
    }

    @Override
    /**
     * Stops the domain and returns once its process is gone, killing it after a minute. {@code stop-domain} alone
     * fails quietly on a timeout and leaves the JVM to finish on its own: until it does, it holds its database
     * sessions, and with them perhaps the queue's leader lock, while the caller goes on as if it were stopped.
     */
    public void stop() {
        Optional<ProcessHandle> process = pidIfStarted().flatMap(ProcessHandle::of);
        asadminQuietly("stop-domain", domain);
        process.ifPresent(jvm -> {
            long returned = System.nanoTime();
            try {
                jvm.onExit().get(60, TimeUnit.SECONDS);
                long outlived = (System.nanoTime() - returned) / 1_000_000;
                if (outlived > 1_000) {
                    LOG.info(() -> "Domain " + domain + "'s JVM ended " + outlived + " ms after stop-domain returned");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.warning(() -> "Domain " + domain + " still running a minute after stop-domain: killed");
                jvm.destroyForcibly();
            }
        });
    }

    private Optional<Long> pidIfStarted() {
        try {
            return Optional.of(pid());
        } catch (UncheckedIOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
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
                "reWriteBatchedInserts=true",
                // The domain's name in pg_stat_activity: which server holds which connection.
                "ApplicationName=queue-job-" + domain);
        asadmin(
                "create-jdbc-connection-pool",
                "--datasourceclassname=org.postgresql.ds.PGSimpleDataSource",
                "--restype=javax.sql.DataSource",
                "--steadypoolsize=8",
                "--maxpoolsize=" + maxPoolSize,
                // A dead connection (database restarted) is found by a real round trip at most a second after its last
                // check, and one found dead makes the pool drop them all. A connection checked less than that period
                // ago is handed out unchecked and fails its use; at 5 s, one ClusterIT run had a server run nothing for
                // 4.7 s after a restart (probably that). One `SELECT 1` per connection per second at most.
                "--isconnectvalidatereq=true",
                "--validationmethod=custom-validation",
                "--validationclassname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
                "--validateatmostonceperiod=1",
                "--failconnection=true",
                // Payara names a do-nothing SQL trace listener by default, and any listener wraps every JDBC call in a
                // reflective proxy: about a sixth of a job's CPU in the server. "null" is the value that turns it off.
                "--sqltracelisteners=null",
                "--property",
                properties,
                POOL);
        asadmin("create-jdbc-resource", "--connectionpoolid=" + POOL, DATA_SOURCE);
        asadmin("ping-connection-pool", POOL);
    }

    /** A back-office user in the server's file realm; groups map to the roles of the same names. */
    @Override
    public void createUser(String user, String password, String... groups) {
        asadminQuietly("delete-file-user", user);
        // The endpoint takes the password as the option asadmin reads from a password file (AS_ADMIN_USERPASSWORD).
        asadmin("create-file-user", "--groups=" + String.join(":", groups), "--userpassword=" + password, user);
    }

    @Override
    public void setSystemProperty(String name, String value) {
        setSystemProperties(Map.of(name, value));
    }

    /** One asadmin call for all of them (each call starts a JVM). */
    @Override
    public void setSystemProperties(Map<String, String> properties) {
        if (!properties.isEmpty()) {
            asadmin(
                    "create-system-properties",
                    String.join(
                            ":",
                            properties.entrySet().stream()
                                    .map(property -> property.getKey() + "=" + escape(property.getValue()))
                                    .toList()));
        }
    }

    @Override
    public void deploy(Path archive, String name) {
        asadmin("deploy", "--force=true", "--name=" + name, archive.toString());
    }

    /** Runs an asadmin command and returns what it said, without failing (e.g. removing what may not exist). */
    public Result tryAsadmin(String... arguments) {
        return run(arguments);
    }

    /** Deploys and returns what asadmin said, without failing: for tests of deployments that must be refused. */
    @Override
    public Result tryDeploy(Path archive, String name) {
        return run("deploy", "--force=true", "--name=" + name, archive.toString());
    }

    @Override
    public void undeploy(String name) {
        asadminQuietly("undeploy", name);
    }

    public void asadmin(String... arguments) {
        Result result = run(arguments);
        if (!result.succeeded()) {
            throw new IllegalStateException("asadmin " + shown(arguments) + " failed with exit code "
                    + result.exitCode() + ": " + result.output());
        }
    }

    private void asadminQuietly(String... arguments) {
        run(arguments);
    }

    /**
     * Runs a command: the domain's own life through {@code asadmin}, anything else on the running domain through its
     * admin listener ({@link AdminCommands}), without a client JVM each time.
     */
    private Result run(String... arguments) {
        Result result = arguments[0].endsWith("-domain") ? cli(arguments) : commands.run(List.of(arguments));
        LOG.fine(() -> "asadmin " + shown(arguments) + " -> " + result.exitCode() + "\n" + result.output());
        if (!result.succeeded()
                && !arguments[0].startsWith("stop")
                && !arguments[0].startsWith("delete")
                && !arguments[0].startsWith("undeploy")) {
            LOG.warning(() -> "asadmin " + arguments[0] + " said:\n" + result.output());
        }
        return result;
    }

    private Result cli(String... arguments) {
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
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The arguments as a log or an error may show them: a password option's value hidden. */
    private static String shown(String... arguments) {
        return Stream.of(arguments)
                .map(argument -> argument.startsWith("--userpassword=") ? "--userpassword=(hidden)" : argument)
                .collect(java.util.stream.Collectors.joining(" "));
    }

    private Path asadmin() {
        return home.resolve("bin").resolve("asadmin");
    }

    /** asadmin separates properties with ':' and treats '=' specially, so both are escaped in values. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
    }
}
