package org.queuejob.it.support;

import java.nio.file.Path;
import java.util.List;
import org.queuejob.dev.AppServer;
import org.queuejob.dev.PayaraDomain;
import org.queuejob.dev.WildFlyServer;

/**
 * The two extra servers of the cluster tests ({@code ClusterIT}, {@code RecurringClusterIT}), of the run's kind and
 * from the run's installation: Payara domains at port bases 2,000 and 2,100 above the run's own, or WildFly servers at
 * port offsets 2,000 and 2,100 above the run's, each with a base directory of its own. So two checkouts' cluster tests
 * do not meet, and the default base stays clear of the well-known ports domain1 keeps (4848, 8686, 9009, ...).
 */
public final class ClusterServers {

    private static final List<Integer> SHIFTS = List.of(2000, 2100);

    private ClusterServers() {}

    /** The two servers, not started. */
    public static List<AppServer> two() {
        Path home = ItEnvironment.domain().home();
        return SHIFTS.stream().map(shift -> shifted(home, shift)).toList();
    }

    private static AppServer shifted(Path home, int shift) {
        if (AppServer.isWildFly()) {
            return WildFlyServer.withPortOffset(home, Integer.getInteger("queuejob.wildfly.portoffset", 0) + shift);
        }
        return PayaraDomain.withPortBase(home, Integer.getInteger("queuejob.payara.portbase", 8000) + shift);
    }

    /** Starts {@code server} with what the queue needs of it (on WildFly its subsystems and driver, once per base). */
    public static void start(AppServer server) {
        server.start();
        if (server instanceof WildFlyServer) {
            server.prepare();
        }
    }
}
