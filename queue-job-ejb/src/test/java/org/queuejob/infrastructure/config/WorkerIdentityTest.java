package org.queuejob.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkerIdentityTest {

    private static final String[] PROPERTIES = {
        "com.sun.aas.instanceName", "com.sun.aas.instanceRoot", "jboss.node.name", "jboss.server.base.dir"
    };

    @AfterEach
    void clear() {
        for (String property : PROPERTIES) {
            System.clearProperty(property);
        }
    }

    @Test
    void aPayaraServerIsNamedByItsInstanceAndDomain() {
        set(Map.of("com.sun.aas.instanceName", "server", "com.sun.aas.instanceRoot", "/opt/payara/domains/domain1"));

        assertThat(WorkerIdentity.defaultName()).startsWith("server@").endsWith("/domain1");
    }

    @Test
    void twoWildFlyServersOfOneInstallationAreNamedApartByNodeAndBaseDirectory() {
        set(Map.of("jboss.node.name", "node-a", "jboss.server.base.dir", "/opt/wildfly/standalone-22000"));
        String first = WorkerIdentity.defaultName();
        set(Map.of("jboss.node.name", "node-b", "jboss.server.base.dir", "/opt/wildfly/standalone-22100"));
        String second = WorkerIdentity.defaultName();

        assertThat(first).startsWith("node-a@").endsWith("/standalone-22000");
        assertThat(second).startsWith("node-b@").endsWith("/standalone-22100");
    }

    private static void set(Map<String, String> properties) {
        properties.forEach(System::setProperty);
    }
}
