package org.queuejob.it.support;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.queuejob.dev.AppServer;

/**
 * Server settings for one test class, made before its deployment and removed after it (the shared demo EAR is
 * deployed again with them, and again without them for the next class): system properties (which
 * MicroProfile Config reads) and anything else done to the server, e.g. a mail session, on either server. Register it before {@link
 * DeployedDemoEar} (with {@code @Order}).
 */
public class ServerSettings implements BeforeAllCallback, AfterAllCallback {

    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Consumer<AppServer> setUp;
    private final Consumer<AppServer> tearDown;
    private volatile Instant appliedAt;

    public ServerSettings(Map<String, String> properties, Consumer<AppServer> setUp, Consumer<AppServer> tearDown) {
        this.properties.putAll(properties);
        this.setUp = setUp;
        this.tearDown = tearDown;
    }

    public ServerSettings(Map<String, String> properties) {
        this(properties, server -> {}, server -> {});
    }

    /** When the settings were made: just before the deployment. */
    public Instant appliedAt() {
        return appliedAt;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // The demo EAR, still deployed for the class before, reads its settings at deployment.
        DeployedDemoEar.undeploy();
        ItEnvironment.domain().setSystemProperties(properties);
        setUp.accept(ItEnvironment.domain());
        appliedAt = Instant.now();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // Undeployed with these settings, so that the next class deploys it with its own, and before what it uses
        // (a mail session) goes away.
        DeployedDemoEar.undeploy();
        ItEnvironment.domain().removeSystemProperties(properties.keySet());
        tearDown.accept(ItEnvironment.domain());
    }
}
