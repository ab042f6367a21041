package org.queuejob.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.omnifaces.util.Faces;
import org.queuejob.application.ServerControlService;
import org.queuejob.application.ServerQueryService;
import org.queuejob.application.ServerQueryService.Server;
import org.queuejob.domain.model.server.ServerStatus;
import org.queuejob.domain.model.server.ServerStatus.Condition;
import org.queuejob.web.format.RunTexts;
import org.queuejob.web.security.ManagerOnly;
import org.queuejob.web.security.Roles;

/**
 * The dashboard's Servers card: every server sharing the queue, which one leads, whether the leader takes it for alive,
 * whether it is quiet, and what it holds; a manager makes a server quiet or lets it take jobs again. Read once per
 * request: the dashboard's poll is a request of its own, so each refresh reads anew.
 */
@Named
@RequestScoped
public class ServersBacking {

    /** The request parameter that names the server of the row whose button was pressed, rendered into the button. */
    static final String ROW = "server";

    static final String QUIETED = "Server %s is quiet: it takes no new jobs and finishes those it holds.";
    static final String RESUMED = "Server %s takes jobs again.";
    static final String NONE_TAKES_JOBS =
            "No running server takes new jobs: every one is quiet. Jobs wait until one takes jobs again.";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @EJB
    ServerQueryService serverQueries;

    @EJB
    ServerControlService serverControl;

    private List<ServerRow> servers;

    public List<ServerRow> getServers() {
        if (servers == null) {
            servers = serverQueries.servers().stream().map(ServersBacking::row).toList();
        }
        return servers;
    }

    /** A warning when servers run but none takes jobs; null otherwise. */
    public String getWarning() {
        List<ServerRow> running =
                getServers().stream().filter(ServerRow::running).toList();
        return !running.isEmpty() && running.stream().allMatch(ServerRow::quiet) ? NONE_TAKES_JOBS : null;
    }

    public boolean isManager() {
        return Roles.isManager();
    }

    /** Makes the pressed row's server quiet. */
    @ManagerOnly
    public void quiet() {
        String name = pressed();
        act(() -> serverControl.quiet(name, Faces.getRemoteUser()), String.format(QUIETED, name));
    }

    /** Lets the pressed row's server take jobs again. */
    @ManagerOnly
    public void resume() {
        String name = pressed();
        act(() -> serverControl.resume(name, Faces.getRemoteUser()), String.format(RESUMED, name));
    }

    private void act(Runnable action, String done) {
        try {
            Refusals.act(action, done);
        } finally {
            servers = null; // the card is drawn again with this click, as the action left it
        }
    }

    private static String pressed() {
        return String.valueOf(Faces.getRequestParameter(ROW));
    }

    static ServerRow row(Server server) {
        ServerStatus status = server.status();
        boolean running = server.condition() == Condition.ALIVE;
        return new ServerRow(
                status.name(),
                status.leader(),
                server.condition().word(),
                state(server),
                running,
                status.quiet(),
                status.startedAt(),
                RunTexts.duration(status.sinceHeartbeat()) + " ago",
                status.workers() == 0 ? "none (enqueues only)" : String.valueOf(status.workers()),
                status.jobsHeld() + (status.jobsStarted() > 0 ? " (" + status.jobsStarted() + " started)" : ""));
    }

    /** Why a server the leader takes for dead is so, and what follows; for a live one, whether it is quiet. */
    private static String state(Server server) {
        ServerStatus status = server.status();
        return switch (server.condition()) {
            case ALIVE -> status.quiet() ? quietState(status) : null;
            case PROCESS_ENDED -> "Its process or its session with the database is gone; its jobs go back to pending.";
            case SILENT ->
                "No heartbeat for over " + server.deadAfter().toSeconds()
                        + " s (queue-job.dead-after-seconds): taken for dead; its jobs go back to pending.";
        };
    }

    private static String quietState(ServerStatus status) {
        String since = "Quiet since " + TIME.format(status.quietSince()) + " UTC"
                + (status.quietBy() == null ? "" : " (" + status.quietBy() + ")");
        return status.drained()
                ? since + ", drained: it holds no job and can be stopped."
                : since + ": takes no new jobs, finishes the " + status.jobsHeld() + " it holds.";
    }
}
