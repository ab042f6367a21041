package org.queuejob.it.support;

import org.junit.jupiter.api.Assumptions;
import org.queuejob.dev.AppServer;

/**
 * For the few tests that are truly about one server (its own administration tool): they say so here, and are
 * skipped, with the reason, on the other.
 */
public final class Servers {

    private Servers() {}

    public static boolean onWildFly() {
        return AppServer.isWildFly();
    }

    /**
     * Skips a test of the queue's health checks in the demo EAR on WildFly: WildFly registers MicroProfile Health
     * checks of a WAR only, not of an EAR's EJB module where the library's checks live (WFLY-12835, "health checks in
     * subdeployments of EAR deployment are not supported"); its {@code /health} answers with the server's own checks.
     */
    public static void assumeHealthChecksOfEarModules() {
        Assumptions.assumeFalse(
                onWildFly(), "WildFly does not register health checks of an EAR's EJB module (WFLY-12835)");
    }

    /** Skips the test unless it runs on Payara. */
    public static void assumePayara(String why) {
        Assumptions.assumeFalse(onWildFly(), () -> "Payara only: " + why);
    }
}
