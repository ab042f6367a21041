package org.queuejob.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import org.queuejob.application.ServerQueryService;
import org.queuejob.application.ServerQueryService.Server;
import org.queuejob.domain.model.server.ServerStatus;
import org.queuejob.web.format.RunTexts;

/**
 * The dashboard's Servers card: every server sharing the queue, which one leads, whether the leader takes it for alive,
 * and what it holds. Read once per request: the dashboard's poll is a request of its own, so each refresh reads anew.
 */
@Named
@RequestScoped
public class ServersBacking {

    @EJB
    ServerQueryService serverQueries;

    private List<ServerRow> servers;

    public List<ServerRow> getServers() {
        if (servers == null) {
            servers = serverQueries.servers().stream().map(ServersBacking::row).toList();
        }
        return servers;
    }

    static ServerRow row(Server server) {
        ServerStatus status = server.status();
        return new ServerRow(
                status.name(),
                status.leader(),
                server.condition().word(),
                state(server),
                status.startedAt(),
                RunTexts.duration(status.sinceHeartbeat()) + " ago",
                status.workers() == 0 ? "none (enqueues only)" : String.valueOf(status.workers()),
                status.jobsHeld() + (status.jobsStarted() > 0 ? " (" + status.jobsStarted() + " started)" : ""));
    }

    /** Why a server the leader takes for dead is so, and what follows; null for a live one. */
    private static String state(Server server) {
        return switch (server.condition()) {
            case ALIVE -> null;
            case PROCESS_ENDED -> "Its process or its session with the database is gone; its jobs go back to pending.";
            case SILENT ->
                "No heartbeat for over " + server.deadAfter().toSeconds()
                        + " s (queue-job.dead-after-seconds): taken for dead; its jobs go back to pending.";
        };
    }
}
