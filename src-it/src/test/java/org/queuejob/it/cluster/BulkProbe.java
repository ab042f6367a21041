package org.queuejob.it.cluster;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.queuejob.application.BulkAction;
import org.queuejob.application.BulkActionService;
import org.queuejob.application.BulkRequest;
import org.queuejob.domain.model.autovacuum.AutovacuumPace;
import org.queuejob.domain.model.bulk.BulkActionRun;
import org.queuejob.domain.model.job.JobFilter;
import org.queuejob.domain.model.job.JobState;

/**
 * The cluster test's window on bulk actions, one per server: start a requeue of a channel's failed jobs, stop it,
 * resume it, and read its record, each on the server asked. Test deployments only (no login).
 */
@WebServlet("/bulk")
public class BulkProbe extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Slow enough to be seen running: 100 jobs a chunk, working a fifth of the time. */
    private static final AutovacuumPace SLOW = new AutovacuumPace(100, 0.2);

    @Inject
    transient BulkActionService bulkActions;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("id");
        BulkActionRun run = switch (request.getParameter("do")) {
            case "start" ->
                bulkActions.startOnMatching(
                        BulkRequest.of(BulkAction.REQUEUE),
                        new JobFilter(Set.of(JobState.FAILED), request.getParameter("channel"), null),
                        "cluster-it",
                        SLOW);
            case "stop" -> bulkActions.stop(Long.parseLong(id));
            case "resume" -> bulkActions.resume(Long.parseLong(id));
            default -> throw new IllegalArgumentException("do: start, stop or resume");
        };
        response.getWriter().print(run.id());
    }

    /** The record as this server reads it: outcome, matched, changed, not changed, checkpoint. */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        BulkActionRun run =
                bulkActions.find(Long.parseLong(request.getParameter("id"))).orElseThrow();
        response.getWriter()
                .print(run.outcome() + " " + run.matched() + " " + run.changed() + " " + run.notChanged() + " "
                        + run.lastId());
    }
}
