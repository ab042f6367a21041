package org.queuejob.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The name this server writes into the jobs it claims. Stable across restarts of the same server, so that on
 * start it can take back what it held when it stopped; different for each server sharing the database.
 */
@ApplicationScoped
public class WorkerIdentity {

    @Inject
    @ConfigProperty(name = "queue-job.worker-name")
    Optional<String> configured;

    private String name;

    public String name() {
        if (name == null) {
            name = configured.filter(n -> !n.isBlank()).orElseGet(WorkerIdentity::defaultName);
        }
        return name;
    }

    /**
     * {@code instance@host/directory}, from what the server says of itself: Payara calls every domain's own server
     * "server" and the domain's directory tells them apart; WildFly names its node and its base directory. Two
     * servers on one host thus get different names, and a server keeps its name across restarts.
     */
    static String defaultName() {
        String instance = firstProperty("com.sun.aas.instanceName", "jboss.node.name");
        String root = firstProperty("com.sun.aas.instanceRoot", "jboss.server.base.dir");
        String directory = root == null ? "" : "/" + Path.of(root).getFileName();
        return (instance == null ? "server" : instance) + "@" + hostName() + directory;
    }

    private static String firstProperty(String payara, String wildFly) {
        String value = System.getProperty(payara);
        return value != null ? value : System.getProperty(wildFly);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
