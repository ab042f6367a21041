package org.queuejob.it.support;

import java.nio.file.Path;
import java.util.List;
import org.queuejob.dev.AppServer;
import org.queuejob.dev.DatabaseSettings;
import org.queuejob.dev.PayaraDomain;
import org.queuejob.dev.WildFlyServer;

/**
 * The two extra servers of the cluster tests ({@code ClusterIT}, {@code RecurringClusterIT}), of the run's kind and
 * from the run's installation: Payara domains at port bases 2,000 and 2,100 above the run's own, or WildFly servers at
 * port offsets 2,000 and 2,100 above the run's, each with a base directory of its own. So two checkouts' cluster tests
 * do not meet, and the default base stays clear of the well-known ports domain1 keeps (4848, 8686, 9009, ...).
 *
 * <p>Both test classes share one start of them: RecurringClusterIT runs first ({@link SuiteOrder}) and leaves them
 * running with its application undeployed, ClusterIT points their data source at its own database and stops them at
 * its end ({@link ItEnvironment} stops whatever is left after the last test).
 */
public final class ClusterServers {

    private static final List<Integer> SHIFTS = List.of(2000, 2100);

    /** The applications the cluster tests deploy on them. */
    private static final List<String> APPLICATIONS = List.of("cluster-it", "recurring-cluster-it");

    private static List<AppServer> servers;

    private ClusterServers() {}

    /**
     * The two servers, running, with no test application deployed and their data source on {@code database} (a pool
     * of {@code poolSize}). Started if they are not, by an earlier test class or after a scenario that stopped one.
     */
    public static synchronized List<AppServer> readyFor(DatabaseSettings database, int poolSize) {
        if (servers == null) {
            Path home = ItEnvironment.domain().home();
            servers = SHIFTS.stream().map(shift -> shifted(home, shift)).toList();
        }
        servers.parallelStream().forEach(server -> {
            if (!server.isRunning()) {
                start(server);
            }
            // An application left on them (the other class's, or one of an interrupted run) would join this
            // database as a second queue under the same server name. Undeployed before its data source is replaced.
            APPLICATIONS.forEach(server::undeploy);
            server.createDataSource(database, poolSize);
        });
        return servers;
    }

    /** Undeploys {@code application} from the servers that run, which stay up for the next class. */
    public static synchronized void release(String application) {
        if (servers != null) {
            servers.parallelStream().filter(AppServer::isRunning).forEach(server -> server.undeploy(application));
        }
    }

    /** After the last two-server class, and at the end of the run: stops whichever of the two is running. */
    public static synchronized void stopAll() {
        if (servers != null) {
            servers.parallelStream().filter(AppServer::isRunning).forEach(AppServer::stop);
            servers = null;
        }
    }

    private static AppServer shifted(Path home, int shift) {
        if (AppServer.isWildFly()) {
            return WildFlyServer.withPortOffset(home, Integer.getInteger("queuejob.wildfly.portoffset", 0) + shift);
        }
        return PayaraDomain.withPortBase(home, Integer.getInteger("queuejob.payara.portbase", 8000) + shift);
    }

    /** Starts {@code server} with what the queue needs of it (on WildFly its subsystems and driver, once per base). */
    private static void start(AppServer server) {
        server.start();
        if (server instanceof WildFlyServer) {
            server.prepare();
        }
    }
}
