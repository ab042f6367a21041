package org.queuejob.it.support;

import com.cronutils.model.Cron;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.flywaydb.core.Flyway;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.queuejob.dev.AppServer;
import org.queuejob.it.jobs.TestJobs;
import org.slf4j.LoggerFactory;

/**
 * Builds the archives the in-container tests deploy: the queue library as it ships (its built jar, with Flyway
 * beside it), plus the test's own beans, as an application would bundle it in a WAR.
 */
public final class TestDeployments {

    private TestDeployments() {}

    /**
     * The tests' configuration ({@code it-microprofile-config.properties}) with {@code lines} added, for a deployment
     * whose settings name beans only it has: a setting naming a job function or recurring job the application lacks
     * refuses its deployment.
     */
    public static StringAsset configWith(String... lines) {
        try (InputStream in = TestDeployments.class.getResourceAsStream("/it-microprofile-config.properties")) {
            String base = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new StringAsset(base + (base.endsWith("\n") ? "" : "\n") + String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static WebArchive queueJobWar(String name) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addPackage(TestJobs.class.getPackage())
                .addClasses(TestDeployments.class, DatabaseCounts.class, DatabaseRows.class, HeldLock.class)
                .addAsResource("it-persistence.xml", "META-INF/persistence.xml")
                .addAsResource("it-microprofile-config.properties", "META-INF/microprofile-config.properties")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsLibraries(queueJobLibrary())
                .addAsLibraries(jarOf(Flyway.class), jarOf(PostgreSQLConfigurationExtension.class))
                .addAsLibraries(jarOf(Cron.class), jarOf(LoggerFactory.class))
                .addAsLibraries(jarOf(Assertions.class), jarOf(Awaitility.class), jarOf(org.hamcrest.Matcher.class));
    }

    /**
     * Deploys {@code war} on the run's server and returns what the server said, then takes it away again: for
     * deployments that must be refused.
     */
    public static AppServer.Result tryDeploying(WebArchive war) throws IOException {
        String name = war.getName().replaceFirst("\\.war$", "");
        Path file = Files.createTempFile(name, ".war");
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        AppServer domain = ItEnvironment.domain();
        try {
            return domain.tryDeploy(file, name);
        } finally {
            domain.undeploy(name);
            Files.deleteIfExists(file);
        }
    }

    /**
     * Deploys {@code war} on the run's server until the returned handle is closed: a second application beside the
     * class's own, for tests of what two applications on one server do.
     */
    public static AutoCloseable deployedUntilClosed(WebArchive war) throws IOException {
        String name = war.getName().replaceFirst("\\.war$", "");
        Path file = Files.createTempFile(name, ".war");
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        AppServer domain = ItEnvironment.domain();
        try {
            domain.deploy(file, name);
        } finally {
            Files.deleteIfExists(file);
        }
        return () -> domain.undeploy(name);
    }

    /** The queue as an application bundles it: its jar, Flyway's, and cron-utils' (with slf4j-api). */
    public static File[] queueJobRuntime() {
        return new File[] {
            queueJobLibrary(),
            jarOf(Flyway.class),
            jarOf(PostgreSQLConfigurationExtension.class),
            jarOf(Cron.class),
            jarOf(LoggerFactory.class)
        };
    }

    private static File queueJobLibrary() {
        String jar = System.getProperty("queuejob.ejbJar");
        if (jar == null || !new File(jar).isFile()) {
            throw new IllegalStateException("The queue-job-ejb jar is not built: " + jar);
        }
        return new File(jar);
    }

    private static File jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toFile();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
