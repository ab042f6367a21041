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
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A WildFly standalone server driven through {@code jboss-cli.sh} and {@code add-user.sh}: the commands an operator
 * types (README "Running on WildFly"). It runs {@code standalone-full.xml} (EJB, Faces, Batch, Mail, MicroProfile
 * Config) with MicroProfile Health, OpenAPI and Micrometer's Prometheus registry added, EclipseLink as WildFly's
 * {@code org.eclipse.persistence} module and PostgreSQL's driver as the module {@code org.postgresql}.
 *
 * <p>{@code queuejob.wildfly.portoffset} moves every port (HTTP 8080 + offset, management 9990 + offset); a server
 * with an offset keeps its configuration, logs and data in a base directory of its own ({@code standalone-<offset>}),
 * so several can run side by side from one installation.
 */
public final class WildFlyServer implements AppServer {

    public static final String CONFIG = "standalone-full.xml";
    public static final String JNDI_NAME = "java:/jdbc/queue-job";
    public static final String POOL = "queue-job";

    private static final Logger LOG = Logger.getLogger(WildFlyServer.class.getName());

    /** The realm of the back office's users, whose name is part of each password's digest. */
    private static final String REALM = "ApplicationRealm";

    /** The undertow filter that makes the session cookie {@code SameSite=Lax} (see {@link #prepare()}). */
    static final String SAME_SITE_FILTER = "session-cookie-same-site";

    private final Path home;
    private final int offset;
    private final Path base;
    private final Map<String, String> runtimeNames = new ConcurrentHashMap<>();
    private volatile boolean startedBefore;

    private WildFlyServer(Path home, int offset) {
        this.home = home;
        this.offset = offset;
        this.base = home.resolve(offset == 0 ? "standalone" : "standalone-" + offset);
        if (!Files.isRegularFile(home.resolve("bin/jboss-cli.sh"))) {
            throw new IllegalStateException(
                    "No WildFly at " + home + ": build the queue-job-dev module with -Pwildfly, or src-it-wildfly "
                            + "first (it unpacks WildFly from Maven Central).");
        }
    }

    /** The WildFly the build unpacked ({@code wildfly.home}), on the ports {@code queuejob.wildfly.portoffset} gives. */
    public static WildFlyServer fromSystemProperties() {
        String home = System.getProperty("wildfly.home");
        if (home == null) {
            throw new IllegalStateException("System property wildfly.home is not set.");
        }
        return withPortOffset(Path.of(home), Integer.getInteger("queuejob.wildfly.portoffset", 0));
    }

    public static WildFlyServer withPortOffset(Path home, int offset) {
        return new WildFlyServer(home, offset);
    }

    @Override
    public String product() {
        return "WildFly";
    }

    @Override
    public String name() {
        return base.getFileName().toString();
    }

    @Override
    public Path serverLog() {
        return base.resolve("log/server.log");
    }

    @Override
    public Path home() {
        return home;
    }

    @Override
    public String baseUrl() {
        return "http://localhost:" + httpPort();
    }

    @Override
    public int httpPort() {
        return 8080 + offset;
    }

    @Override
    public int adminPort() {
        return 9990 + offset;
    }

    /** WildFly serves health and metrics on its management interface, not beside the applications. */
    @Override
    public String managementUrl() {
        return "http://localhost:" + adminPort();
    }

    @Override
    public void start() {
        installModules();
        if (!Files.isDirectory(base.resolve("configuration"))) {
            copyConfiguration();
        }
        // A server left running by an interrupted run would make the start fail on busy ports.
        stop();
        Path log = base.resolve("log");
        try {
            Files.createDirectories(log);
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!startedBefore) {
            forgetDeployments();
        }
        startedBefore = true;
        launch();
        awaitReady(Duration.ofMinutes(3));
    }

    /**
     * Deployments of an interrupted run would be deployed again at start, against a database now gone; a restart of
     * a server this object started (after a crash, in failure tests) keeps them, as a restarted server would.
     */
    private void forgetDeployments() {
        try {
            Path config = base.resolve("configuration").resolve(CONFIG);
            String xml = Files.readString(config);
            String cleaned = xml.replaceAll("(?s)\\s*<deployments>.*?</deployments>", "");
            if (!cleaned.equals(xml)) {
                Files.writeString(config, cleaned);
            }
            Path content = base.resolve("data/content");
            if (Files.isDirectory(content)) {
                deleteTree(content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The transaction manager's name for this server, its own on each one (WildFly's default, 1, is the same
     * everywhere, and WildFly warns that it is a danger for several servers): the base directory's name, which differs
     * per port offset, cut to the 23 bytes WildFly allows, keeping its end.
     */
    String transactionNodeId() {
        String name = name();
        return name.length() <= 23 ? name : name.substring(name.length() - 23);
    }

    private void launch() {
        Path log = base.resolve("log");
        ProcessBuilder builder = new ProcessBuilder(
                        home.resolve("bin/standalone.sh").toString(),
                        "-c",
                        CONFIG,
                        "-Djboss.server.base.dir=" + base,
                        "-Djboss.socket.binding.port-offset=" + offset,
                        "-Djboss.node.name=" + name(),
                        "-Djboss.tx.node.id=" + transactionNodeId())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        log.resolve("console.log").toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        builder.environment().put("JBOSS_PIDFILE", pidFile().toString());
        try {
            builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start WildFly", e);
        }
    }

    private Path pidFile() {
        return base.resolve("server.pid");
    }

    /** The server answers its management health check once booted (boot errors would make it answer DOWN). */
    private void awaitReady(Duration timeout) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(URI.create(managementUrl() + "/health/ready"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                // not up yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(Duration.ofMillis(250));
        }
        throw new IllegalStateException("WildFly " + name() + " was not ready within " + timeout + " (" + last
                + "); see " + base.resolve("log/server.log"));
    }

    @Override
    public boolean isRunning() {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("localhost", adminPort()), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void stop() {
        if (isRunning()) {
            cli(":shutdown");
        }
        awaitGone(Duration.ofSeconds(60));
    }

    private void awaitGone(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isRunning() && System.nanoTime() < deadline) {
            pause(Duration.ofMillis(200));
        }
        process().ifPresent(process -> {
            try {
                process.onExit().get(Math.max(1, (deadline - System.nanoTime()) / 1_000_000_000), TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        });
    }

    /**
     * The server's JVM itself, not the {@code standalone.sh} that launched it: with {@code
     * LAUNCH_JBOSS_IN_BACKGROUND} the script starts the JVM as a background job and writes that job's pid to {@code
     * JBOSS_PIDFILE}.
     */
    @Override
    public long pid() {
        return readPid()
                .orElseThrow(() -> new IllegalStateException(
                        "WildFly " + name() + " has no pid file at " + pidFile() + " (not started?)"));
    }

    private java.util.Optional<ProcessHandle> process() {
        OptionalLong pid = readPid();
        return pid.isPresent() ? ProcessHandle.of(pid.getAsLong()) : java.util.Optional.empty();
    }

    /** Empty while there is no pid file, or while the script is still writing it. */
    private OptionalLong readPid() {
        try {
            if (!Files.isRegularFile(pidFile())) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(Files.readString(pidFile()).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public Instant killProcess() {
        ProcessHandle process = process()
                .orElseThrow(
                        () -> new IllegalStateException("WildFly " + name() + " has no process (" + pidFile() + ")"));
        process.destroyForcibly();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not kill WildFly " + name(), e);
        }
        return Instant.now();
    }

    /**
     * The subsystems the queue uses that {@code standalone-full.xml} lacks: MicroProfile Health and OpenAPI, and
     * Micrometer with its Prometheus registry at {@code /metrics} (in place of WildFly's base metrics subsystem,
     * which would hold that address). Then PostgreSQL's JDBC driver, and {@code SameSite=Lax} on the session cookie.
     * Once per base directory; a reload applies it.
     */
    @Override
    public void prepare() {
        if (!configuration().contains("microprofile-health-smallrye")) {
            // Extensions first: the CLI checks a subsystem's operations against definitions its extension brings.
            cli(
                    "/extension=org.wildfly.extension.microprofile.health-smallrye:add",
                    "/extension=org.wildfly.extension.microprofile.openapi-smallrye:add",
                    "/extension=org.wildfly.extension.micrometer:add");
            cli(
                    "batch",
                    "/subsystem=microprofile-health-smallrye:add(security-enabled=false)",
                    "/subsystem=microprofile-openapi-smallrye:add",
                    "/subsystem=metrics:remove",
                    "/extension=org.wildfly.extension.metrics:remove",
                    "/subsystem=micrometer:add",
                    "/subsystem=datasources/jdbc-driver=postgresql:add(driver-name=postgresql,"
                            + " driver-module-name=org.postgresql,"
                            + " driver-xa-datasource-class-name=org.postgresql.xa.PGXADataSource)",
                    "run-batch");
            reload();
        }
        if (!configuration().contains("prometheus-registry")) {
            // Only once the base metrics subsystem is gone (after the reload above) is /metrics free.
            cli("/subsystem=micrometer/registry=prometheus:add(context=/metrics, security-enabled=false)");
            reload();
        }
        if (!configuration().contains(SAME_SITE_FILTER)) {
            // The session cookie is SameSite=Lax: a browser sends it with no post from another site. Undertow applies
            // neither a Servlet 6 cookie-config attribute nor SessionCookieConfig.setAttribute to its session cookie;
            // its samesite-cookie handler does (here for the whole host; a WAR's undertow-handlers.conf could, but the
            // back office's WAR keeps to standard descriptors).
            cli(
                    "batch",
                    "/subsystem=undertow/configuration=filter/expression-filter=" + SAME_SITE_FILTER
                            + ":add(expression=\"samesite-cookie(mode=Lax)\")",
                    "/subsystem=undertow/server=default-server/host=default-host/filter-ref=" + SAME_SITE_FILTER
                            + ":add",
                    "run-batch");
            reload();
        }
        if (!configuration().contains("<global-modules>")) {
            // Deployments see the driver's own classes: the queue's LISTEN/NOTIFY wake-ups unwrap PGConnection.
            cli("/subsystem=ee:list-add(name=global-modules, value={name=org.postgresql})");
            reload();
        }
    }

    private void reload() {
        cli("reload");
        pause(Duration.ofSeconds(1));
        awaitReady(Duration.ofMinutes(2));
    }

    private String configuration() {
        try {
            return Files.readString(base.resolve("configuration").resolve(CONFIG));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The queue's data source at {@code java:/jdbc/queue-job} (where WildFly finds the persistence unit's {@code
     * jdbc/queue-job}), its idle connections validated every second so that a restarted database is noticed within
     * about a second. Payara's pool drops all its connections at the first one found broken; WildFly's PostgreSQL
     * exception sorter takes only SQL state 08006 for fatal, not what a restart gives a pooled connection (57P01,
     * then 08003 "connection has been closed"), so until the sweep the pool would hand out dead connections again
     * and again (with the sweep every 5 s, a server ran jobs again 2.4 s after a restart). The sweep is one empty
     * statement per idle connection per second, never one per job. When an error is fatal, the idle connections
     * are validated at once ({@code InvalidIdleConnections}).
     */
    @Override
    public void createDataSource(DatabaseSettings db, int maxPoolSize) {
        String url =
                db.jdbcUrl() + "?stringtype=unspecified&reWriteBatchedInserts=true&ApplicationName=queue-job-" + name();
        List<String> commands = new ArrayList<>();
        boolean existed = configuration().contains("pool-name=\"" + POOL + "\"");
        if (existed) {
            commands.add("data-source remove --name=" + POOL);
        }
        commands.add("data-source add --name=" + POOL + " --jndi-name=" + JNDI_NAME + " --driver-name=postgresql"
                + " --connection-url=\"" + url + "\" --user-name=" + quote(db.user()) + " --password="
                + quote(db.password()) + " --min-pool-size=8 --max-pool-size=" + maxPoolSize
                + " --valid-connection-checker-class-name="
                + "org.jboss.jca.adapters.jdbc.extensions.postgres.PostgreSQLValidConnectionChecker"
                + " --exception-sorter-class-name="
                + "org.jboss.jca.adapters.jdbc.extensions.postgres.PostgreSQLExceptionSorter"
                + " --background-validation=true --background-validation-millis=1000"
                + " --flush-strategy=InvalidIdleConnections");
        cli(commands.toArray(String[]::new));
        if (existed) {
            reload();
        }
        cli("/subsystem=datasources/data-source=" + POOL + ":test-connection-in-pool");
    }

    /** An application user ({@code add-user.sh -a}); its groups are its roles in WildFly's ApplicationDomain. */
    @Override
    public void createUser(String user, String password, String... groups) {
        // What add-user.sh -a writes, without a JVM to write it (two or three seconds a user on a busy machine): the
        // digest of user:realm:password in the application realm's users file, the groups in its roles file.
        if (!user.matches("[A-Za-z0-9._@-]+")) {
            throw new IllegalArgumentException("A user name of letters, digits and . _ @ - only, not '" + user + "'");
        }
        Path configuration = base.resolve("configuration");
        replaceEntry(
                configuration.resolve("application-users.properties"),
                user,
                digest(user + ":" + REALM + ":" + password));
        replaceEntry(configuration.resolve("application-roles.properties"), user, String.join(",", groups));
        if (isRunning()) {
            cli("/subsystem=elytron/properties-realm=" + REALM + ":load");
        }
    }

    /** Sets {@code user}'s line in a realm's properties file, in place of any it had. */
    private static void replaceEntry(Path file, String user, String value) {
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
            lines.removeIf(line -> line.startsWith(user + "="));
            lines.add(user + "=" + value);
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String digest(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("MD5")
                            .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void setSystemProperty(String name, String value) {
        setSystemProperties(Map.of(name, value));
    }

    @Override
    public void removeSystemProperty(String name) {
        tryCli("/system-property=" + name + ":remove");
    }

    /**
     * One CLI call for all of them, each replaced if it is there: each call starts a JVM, 2-3 s here (eight
     * properties one by one took half a minute).
     */
    @Override
    public void setSystemProperties(Map<String, String> properties) {
        List<String> commands = new ArrayList<>();
        properties.forEach((name, value) -> {
            commands.addAll(removalOf(name));
            commands.add("/system-property=" + name + ":add(value=" + quote(value) + ")");
        });
        cli(commands.toArray(String[]::new));
    }

    @Override
    public void removeSystemProperties(Collection<String> names) {
        cli(names.stream().flatMap(name -> removalOf(name).stream()).toArray(String[]::new));
    }

    /** Removes the property if it is there (a script stops at its first failed command). */
    private static List<String> removalOf(String name) {
        return List.of(
                "if (outcome == success) of /system-property=" + name + ":read-resource",
                "/system-property=" + name + ":remove",
                "end-if");
    }

    @Override
    public void flushConnectionPool() {
        cli("/subsystem=datasources/data-source=" + POOL + ":flush-all-connection-in-pool");
    }

    /** WildFly binds {@code mail/x} at {@code java:/mail/x}, where a lookup of {@code mail/x} finds it. */
    @Override
    public void createMailSession(String name, String host, int port, String from) {
        String id = resourceId(name);
        // One composite operation: a session added before its server would be made without it (localhost:25).
        cli(
                "batch",
                "/socket-binding-group=standard-sockets/remote-destination-outbound-socket-binding=" + id
                        + "-smtp:add(host=" + host + ", port=" + port + ")",
                "/subsystem=mail/mail-session=" + id + ":add(jndi-name=\"java:/" + name + "\", from=" + quote(from)
                        + ")",
                "/subsystem=mail/mail-session=" + id + "/server=smtp:add(outbound-socket-binding-ref=" + id + "-smtp)",
                "run-batch");
    }

    @Override
    public void deleteMailSession(String name) {
        String id = resourceId(name);
        tryCli("/subsystem=mail/mail-session=" + id + ":remove");
        tryCli("/socket-binding-group=standard-sockets/remote-destination-outbound-socket-binding=" + id
                + "-smtp:remove");
    }

    private static String resourceId(String jndiName) {
        return jndiName.replaceAll("[^A-Za-z0-9-]", "-");
    }

    @Override
    public void deploy(Path archive, String name) {
        Result result = tryDeploy(archive, name);
        if (!result.succeeded()) {
            throw new IllegalStateException("Deploying " + archive + " failed: " + result.output());
        }
    }

    /** WildFly tells an archive's kind by its name's extension: {@code name} gets the archive's. */
    @Override
    public Result tryDeploy(Path archive, String name) {
        String file = archive.getFileName().toString();
        String runtimeName = name + file.substring(file.lastIndexOf('.'));
        runtimeNames.put(name, runtimeName);
        Result result = tryCli("deploy " + quote(archive.toString()) + " --name=" + runtimeName + " --force");
        // The CLI prints failures as DMR strings, quotes escaped: unescaped, they read as the server wrote them.
        return new Result(result.exitCode(), result.output().replace("\\\"", "\""));
    }

    @Override
    public void undeploy(String name) {
        String runtimeName = runtimeNames.remove(name);
        if (runtimeName != null) {
            tryCli("undeploy " + runtimeName);
        } else {
            // Deployed by another run, as an EAR or a WAR: whichever is there goes, in one CLI call (one JVM).
            tryCli(undeployIfThere(name + ".ear"), undeployIfThere(name + ".war"));
        }
    }

    private static String undeployIfThere(String runtimeName) {
        return "if (outcome == success) of /deployment=" + runtimeName + ":read-resource\n"
                + "undeploy " + runtimeName + "\n"
                + "end-if";
    }

    /** Runs management commands in one {@code jboss-cli.sh} call, failing on the first that fails. */
    public void cli(String... commands) {
        Result result = tryCli(commands);
        if (!result.succeeded()) {
            throw new IllegalStateException("jboss-cli " + String.join("; ", commands) + " failed with exit code "
                    + result.exitCode() + ": " + result.output());
        }
    }

    /** Runs management commands and returns what the CLI said, without failing. */
    public Result tryCli(String... commands) {
        Path script = null;
        try {
            script = Files.createTempFile("queue-job", ".cli");
            Files.writeString(script, String.join("\n", commands) + "\n");
            return run(List.of(
                    home.resolve("bin/jboss-cli.sh").toString(),
                    "--connect",
                    "--controller=remote+http://localhost:" + adminPort(),
                    "--timeout=60000",
                    "--file=" + script));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (script != null) {
                try {
                    Files.deleteIfExists(script);
                } catch (IOException e) {
                    LOG.fine(() -> "Could not delete a CLI script: " + e.getMessage());
                }
            }
        }
    }

    private Result run(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // WildFly's tools must run on the JDK that runs the build, not whatever else is installed.
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("NOPAUSE", "true");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish in 5 minutes");
            }
            int exit = process.exitValue();
            LOG.fine(() -> String.join(" ", command) + " -> " + exit + "\n" + output);
            return new Result(exit, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * EclipseLink in WildFly's own {@code org.eclipse.persistence} module (WildFly ships the module with its
     * integration only; the build copies EclipseLink's jars beside it) and PostgreSQL's driver as {@code
     * org.postgresql} (the build copies {@code postgresql.jar} there): each module.xml lists the jars found.
     */
    private void installModules() {
        Path eclipseLink = home.resolve("modules/system/layers/base/org/eclipse/persistence/main");
        Path moduleXml = eclipseLink.resolve("module.xml");
        try {
            String module = Files.readString(moduleXml);
            StringBuilder roots = new StringBuilder();
            try (Stream<Path> jars = Files.list(eclipseLink)) {
                jars.map(jar -> jar.getFileName().toString())
                        .filter(jar -> jar.startsWith("org.eclipse.persistence") && jar.endsWith(".jar"))
                        .sorted()
                        .filter(jar -> !module.contains("\"" + jar + "\""))
                        .forEach(jar -> roots.append("        <resource-root path=\"")
                                .append(jar)
                                .append("\"/>\n"));
            }
            // EclipseLink itself needs JDK modules that WildFly's descriptor (written for its integration) lacks.
            StringBuilder jdk = new StringBuilder();
            for (String needed : List.of("java.rmi", "java.sql", "java.xml", "java.desktop")) {
                if (!module.contains("\"" + needed + "\"")) {
                    jdk.append("        <module name=\"").append(needed).append("\"/>\n");
                }
            }
            if (roots.length() > 0 || jdk.length() > 0) {
                Files.writeString(
                        moduleXml,
                        module.replace("<resources>\n", "<resources>\n" + roots)
                                .replace("<dependencies>\n", "<dependencies>\n" + jdk));
            }
            Path postgres = home.resolve("modules/org/postgresql/main");
            if (!Files.isRegularFile(postgres.resolve("postgresql.jar"))) {
                throw new IllegalStateException(
                        "No PostgreSQL driver at " + postgres + ": build queue-job-dev -Pwildfly, or src-it-wildfly");
            }
            Files.writeString(postgres.resolve("module.xml"), """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <module name="org.postgresql" xmlns="urn:jboss:module:1.9">
                        <resources>
                            <resource-root path="postgresql.jar"/>
                        </resources>
                        <dependencies>
                            <module name="java.sql"/>
                            <module name="java.logging"/>
                            <module name="java.naming"/>
                            <module name="java.security.jgss"/>
                            <module name="java.xml"/>
                            <module name="java.management"/>
                            <module name="jakarta.transaction.api"/>
                        </dependencies>
                    </module>
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not install WildFly's modules", e);
        }
    }

    /** A base directory of its own: the installation's configuration, nothing else. */
    private void copyConfiguration() {
        Path source = home.resolve("standalone/configuration");
        Path target = base.resolve("configuration");
        try {
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(source)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.createDirectories(base.resolve("deployments"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** A value in the CLI's syntax: quoted, with quotes and backslashes escaped. */
    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
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
