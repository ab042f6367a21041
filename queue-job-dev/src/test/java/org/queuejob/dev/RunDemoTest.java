package org.queuejob.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDemoTest {

    @TempDir
    Path payara;

    @Test
    void bannerPrintsTheAddressesOfTheDomainReallyUsed() throws IOException {
        Files.createDirectories(payara.resolve("bin"));
        Files.createFile(payara.resolve("bin/asadmin"));

        String other = RunDemo.banner(12, PayaraDomain.withPortBase(payara, 23000), "m", "v", "jdbc:postgresql://x/db");
        String usual = RunDemo.banner(12, PayaraDomain.withPortBase(payara, 8000), "m", "v", "jdbc:postgresql://x/db");

        assertThat(other)
                .contains("http://localhost:23080/queue-job/")
                .contains("Payara admin console: http://localhost:23048")
                .doesNotContain("4848");
        assertThat(usual)
                .contains("http://localhost:8080/queue-job/")
                .contains("Payara admin console: http://localhost:4848");
    }

    @Test
    void bannerPrintsTheAddressesOfTheWildFlyServerReallyUsed(@TempDir Path wildfly) throws IOException {
        Files.createDirectories(wildfly.resolve("bin"));
        Files.createFile(wildfly.resolve("bin/jboss-cli.sh"));

        String banner =
                RunDemo.banner(12, WildFlyServer.withPortOffset(wildfly, 20000), "m", "v", "jdbc:postgresql://x/db");

        assertThat(banner)
                .contains("http://localhost:28080/queue-job/")
                .contains("WildFly admin console: http://localhost:29990")
                .doesNotContain("9990 ");
    }
}
