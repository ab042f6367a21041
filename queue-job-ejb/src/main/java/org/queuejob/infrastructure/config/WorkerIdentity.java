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

    /** {@code instance@host/domain}: Payara calls every domain's own server "server", the domain tells them apart. */
    static String defaultName() {
        String instance = System.getProperty("com.sun.aas.instanceName", "server");
        String root = System.getProperty("com.sun.aas.instanceRoot");
        String domain = root == null ? "" : "/" + Path.of(root).getFileName();
        return instance + "@" + hostName() + domain;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
