package org.queuejob.it.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.queuejob.dev.AppServer;
import org.queuejob.dev.DevEnvironment;

/**
 * Deploys the demo EAR (library, back office, sample jobs) for one test class and undeploys it after, so that its
 * dispatcher never shares the database with another test deployment's. Tells the browser tests where it is and
 * how to log in, through the system properties they read.
 */
public class DeployedDemoEar implements BeforeAllCallback, AfterAllCallback {

    static final String NAME = "queue-job";

    @Override
    public void beforeAll(ExtensionContext context) {
        Path ear = Path.of(System.getProperty("queuejob.ear"));
        if (!Files.isRegularFile(ear)) {
            throw new IllegalStateException("The demo EAR is not built: " + ear);
        }
        AppServer domain = ItEnvironment.domain();
        domain.deploy(ear, NAME);
        domain.awaitHttp("/queue-job/login.xhtml", Duration.ofMinutes(2));
        System.setProperty("queuejob.baseUrl", domain.baseUrl() + "/queue-job");
        System.setProperty("queuejob.manager.user", DevEnvironment.MANAGER);
        System.setProperty("queuejob.manager.password", ItEnvironment.managerPassword());
        System.setProperty("queuejob.viewer.user", DevEnvironment.VIEWER);
        System.setProperty("queuejob.viewer.password", ItEnvironment.viewerPassword());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ItEnvironment.domain().undeploy(NAME);
    }
}
