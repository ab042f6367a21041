package org.queuejob.bench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.queuejob.application.DashboardService;
import org.queuejob.application.JobQueryService;
import org.queuejob.application.ServerQueryService;
import org.queuejob.domain.model.job.JobFilter;
import org.queuejob.domain.model.job.JobState;

/**
 * The back office's database work for its two heaviest first loads, timed in the server with the same service calls
 * as the pages make: the Jobs page's count and first page ({@code JobsBacking}'s lazy model, 25 rows, newest first),
 * and the dashboard's look (its four figures from one read of the ended jobs, as {@code DashboardBacking} makes it,
 * and its Servers card, as {@code ServersBacking} reads it). Rendering is not included. Each endpoint answers "median
 * min max" in microseconds over {@value #TIMED} calls after one warm-up.
 */
@Path("backoffice")
@Produces(MediaType.TEXT_PLAIN)
@ApplicationScoped
public class BackOfficeResource {

    static final int TIMED = 7;

    /** The Jobs page's first page and default rows per page ({@code jobs.xhtml}). */
    static final int PAGE_SIZE = 25;

    @Inject
    JobQueryService jobQueries;

    @Inject
    DashboardService dashboard;

    @Inject
    ServerQueryService servers;

    /**
     * {@code states}: comma-separated stored names (e.g. {@code pending,failed}); {@code first}: the page's first row
     * (0 unless a deeper page is timed).
     */
    @POST
    @Path("jobs")
    public String jobsPage(
            @QueryParam("states") String states,
            @QueryParam("channel") String channel,
            @QueryParam("first") @DefaultValue("0") int first) {
        Set<JobState> filterStates =
                Arrays.stream(states.split(",")).map(JobState::fromDbValue).collect(Collectors.toSet());
        JobFilter filter = new JobFilter(filterStates, channel, null);
        return time(() -> {
            jobQueries.countAtMost(filter, JobQueryService.LIST_COUNTED_UP_TO);
            jobQueries.page(filter, first, PAGE_SIZE, null, false).size();
        });
    }

    @POST
    @Path("dashboard")
    public String dashboard() {
        return time(() -> {
            dashboard.look();
            servers.servers();
        });
    }

    private static String time(Runnable load) {
        load.run();
        long[] micros = new long[TIMED];
        for (int i = 0; i < TIMED; i++) {
            long start = System.nanoTime();
            load.run();
            micros[i] = (System.nanoTime() - start) / 1000;
        }
        Arrays.sort(micros);
        return micros[TIMED / 2] + " " + micros[0] + " " + micros[TIMED - 1];
    }
}
