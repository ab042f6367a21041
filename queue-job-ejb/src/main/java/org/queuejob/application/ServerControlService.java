package org.queuejob.application;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.queuejob.application.ServerQueryService.Server;
import org.queuejob.domain.model.server.ServerDirectory;
import org.queuejob.domain.model.server.ServerNotRunningException;
import org.queuejob.domain.model.server.ServerQuietChanged;
import org.queuejob.domain.model.server.UnknownServerException;

/**
 * Makes a server quiet and lets it take jobs again, for the back office and the API. A quiet server gets no new job
 * from the leader and passes no slot on; it finishes the jobs it holds (those running and the few ready in its
 * buffer), so that it can be stopped, redeployed or looked at without cutting a job short. It stays quiet until it
 * is let take jobs again, or until it starts anew.
 */
@Stateless
public class ServerControlService {

    private static final Logger LOG = Logger.getLogger(ServerControlService.class.getName());

    @Inject
    ServerDirectory directory;

    @Inject
    ServerQueryService queries;

    @Inject
    Event<ServerQuietChanged> changed;

    /**
     * Makes {@code name} quiet, by {@code user}. A server quiet already stays so, with its first time and user.
     *
     * @throws UnknownServerException when it has no record
     * @throws ServerNotRunningException when the leader takes it for dead
     */
    public Server quiet(String name, String user) {
        Server server = queries.server(name);
        server.status().requireRunning(server.deadAfter());
        directory.quiet(name, user);
        changed.fire(new ServerQuietChanged(name, true));
        LOG.info(() -> "Server " + name + " made quiet by " + user + ": it takes no new jobs");
        return queries.server(name);
    }

    /**
     * Lets {@code name} take jobs again, by {@code user}; a server that takes jobs already is left as it is.
     *
     * @throws UnknownServerException when it has no record
     */
    public Server resume(String name, String user) {
        queries.server(name);
        directory.resume(name);
        changed.fire(new ServerQuietChanged(name, false));
        LOG.info(() -> "Server " + name + " takes jobs again, by " + user);
        return queries.server(name);
    }
}
