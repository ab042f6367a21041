package org.queuejob.it.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.queuejob.dev.DevEnvironment;

/**
 * Starts PostgreSQL and the Payara domain once for the whole test run, before any test class, and stops them after
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
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (environment != null) {
            environment.close();
            environment = null;
        }
    }

    public static DevEnvironment environment() {
        if (environment == null) {
            throw new IllegalStateException("The test environment is not started (ItEnvironment listener missing?)");
        }
        return environment;
    }
}
