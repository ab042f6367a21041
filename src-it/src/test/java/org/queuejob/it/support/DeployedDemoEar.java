package org.queuejob.it.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.queuejob.dev.AppServer;
import org.queuejob.dev.DevEnvironment;

/**
 * Deploys the demo EAR (library, back office, sample jobs) for the test classes that use it, once for all of them:
 * {@link SuiteOrder} runs them one after the other after every class with a deployment of its own, so that the
 * demo's dispatcher never shares the database with another test deployment's. A deploy and undeploy cost 7-12 s;
 * once per class that was four to five minutes of the suite. Each class still starts from a known state of its
 * own making: its jobs are in a channel of its own, its users new or the demo's (never locked out), and
 * {@link ServerSettings} undeploys the EAR before and after a class that needs other settings, which apply at
 * deployment (the demo's channel records are set from its configuration again at the next deployment).
 *
 * <p>Tells the browser tests where it is and how to log in, through the system properties they read.
 */
public class DeployedDemoEar implements BeforeAllCallback {

    static final String NAME = "queue-job";

    private static boolean deployed;

    @Override
    public void beforeAll(ExtensionContext context) {
        deploy();
        AppServer domain = ItEnvironment.domain();
        System.setProperty("queuejob.baseUrl", domain.baseUrl() + "/queue-job");
        System.setProperty("queuejob.manager.user", DevEnvironment.MANAGER);
        System.setProperty("queuejob.manager.password", ItEnvironment.managerPassword());
        System.setProperty("queuejob.viewer.user", DevEnvironment.VIEWER);
        System.setProperty("queuejob.viewer.password", ItEnvironment.viewerPassword());
    }

    private static synchronized void deploy() {
        if (deployed) {
            return;
        }
        Path ear = Path.of(System.getProperty("queuejob.ear"));
        if (!Files.isRegularFile(ear)) {
            throw new IllegalStateException("The demo EAR is not built: " + ear);
        }
        AppServer domain = ItEnvironment.domain();
        domain.deploy(ear, NAME);
        domain.awaitHttp("/queue-job/login.xhtml", Duration.ofMinutes(2));
        deployed = true;
    }

    /** Before settings change (they apply at deployment), and after the last test. */
    static synchronized void undeploy() {
        if (deployed) {
            ItEnvironment.domain().undeploy(NAME);
            deployed = false;
        }
    }
}
