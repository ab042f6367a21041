package org.queuejob.it.support;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Server settings for one test class, made before its deployment and removed after it: system properties (which
 * MicroProfile Config reads), on either server, and any asadmin commands (Payara only), e.g. a mail resource. Register it before {@link
 * DeployedDemoEar} (with {@code @Order}).
 */
public class ServerSettings implements BeforeAllCallback, AfterAllCallback {

    private final Map<String, String> properties = new LinkedHashMap<>();
    private final List<List<String>> setUp;
    private final List<List<String>> tearDown;
    private volatile Instant appliedAt;

    public ServerSettings(Map<String, String> properties, List<List<String>> setUp, List<List<String>> tearDown) {
        this.properties.putAll(properties);
        this.setUp = setUp;
        this.tearDown = tearDown;
    }

    public ServerSettings(Map<String, String> properties) {
        this(properties, List.of(), List.of());
    }

    /** When the settings were made: just before the deployment. */
    public Instant appliedAt() {
        return appliedAt;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        properties.forEach((name, value) -> ItEnvironment.domain().setSystemProperty(name, value));
        setUp.forEach(command -> ItEnvironment.payara().asadmin(command.toArray(String[]::new)));
        appliedAt = Instant.now();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        for (String name : properties.keySet()) {
            ItEnvironment.domain().removeSystemProperty(name);
        }
        tearDown.forEach(command -> ItEnvironment.payara().tryAsadmin(command.toArray(String[]::new)));
    }
}
