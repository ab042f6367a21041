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

    /** Skips the test unless it runs on Payara. */
    public static void assumePayara(String why) {
        Assumptions.assumeFalse(onWildFly(), () -> "Payara only: " + why);
    }
}
