package org.queuejob.it.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.queuejob.dev.AppServer;
import org.queuejob.dev.DatabaseSettings;
import org.queuejob.dev.DevEnvironment;

/**
 * Starts PostgreSQL and the server (Payara in src-it, WildFly in src-it-wildfly) once for the whole test run, before any test class, and stops them after
 * the last: every Arquillian deployment and browser test shares them (a Payara start costs ~10 s).
 */
public class ItEnvironment implements LauncherSessionListener {

    /** Set to use a domain already started by {@code RunServer} (the fast local loop). */
    static final boolean EXTERNAL = Boolean.getBoolean("queuejob.it.external");

    private static DevEnvironment environment;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (environment == null && !EXTERNAL) {
            environment = DevEnvironment.start();
        }
        // arquillian.xml and the browser tests read these, so a domain on other ports (queuejob.payara.portbase)
        // is found without further settings.
        System.setProperty("queuejob.payara.adminport", String.valueOf(domain().adminPort()));
        System.setProperty("queuejob.wildfly.managementport", String.valueOf(domain().adminPort()));
        System.setProperty("queuejob.baseUrl", domain().baseUrl() + "/queue-job");
        System.setProperty("queuejob.managementUrl", domain().managementUrl());
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        DeployedDemoEar.undeploy();
        ClusterServers.stopAll();
        if (environment != null) {
            environment.close();
            environment = null;
        }
    }

    /** The server the tests deploy to: the one started here, or the running one in external mode. */
    public static AppServer domain() {
        return EXTERNAL ? AppServer.fromSystemProperties() : started().domain();
    }

    /** The back-office manager's password: generated for this run, or given to {@code RunServer} in external mode. */
    public static String managerPassword() {
        return EXTERNAL
                ? System.getProperty("queuejob.manager.password", "manager-pw")
                : started().managerPassword();
    }

    /** The back-office viewer's password, as {@link #managerPassword()}. */
    public static String viewerPassword() {
        return EXTERNAL
                ? System.getProperty("queuejob.viewer.password", "viewer-pw")
                : started().viewerPassword();
    }

    /** The database the tests' server uses: started here, or given as {@code -Dqueuejob.db.url} in external mode. */
    public static DatabaseSettings database() {
        return EXTERNAL
                ? DatabaseSettings.fromJdbcUrl(System.getProperty("queuejob.db.url"), "postgres", "postgres")
                : started().database();
    }

    private static DevEnvironment started() {
        if (environment == null) {
            throw new IllegalStateException("The test environment is not started (ItEnvironment listener missing?)");
        }
        return environment;
    }
}
