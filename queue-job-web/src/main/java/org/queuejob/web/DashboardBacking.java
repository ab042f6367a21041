package org.queuejob.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.queuejob.application.DashboardService;
import org.queuejob.application.DashboardService.FunctionTime;
import org.queuejob.application.DashboardService.Look;
import org.queuejob.application.DashboardService.OldestWaiting;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.web.format.JobTexts;
import org.queuejob.web.format.ThroughputChart;

/**
 * The landing page ({@code dashboard.xhtml}): jobs by channel and state, jobs done and failed per hour over the last
 * day, the slowest job functions, and the oldest waiting job of each channel. One look ({@link DashboardService#look})
 * per request, however often the page's components ask (a data table reads its value several times while it renders);
 * the page refreshes itself every 10 seconds.
 */
@Named
@ViewScoped
public class DashboardBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    DashboardService dashboard;

    private transient Look look;

    public void refresh() {
        look = null;
    }

    public List<JobState> getStates() {
        return List.of(JobState.values());
    }

    public List<String> getChannels() {
        return new ArrayList<>(counts().keySet());
    }

    /** A column's heading: ended jobs are counted over the last day only, and the heading says so. */
    public String heading(JobState state) {
        return state.isFinal() ? state.label() + " (" + DashboardService.HOURS + " h)" : state.label();
    }

    public long count(String channel, JobState state) {
        return counts().getOrDefault(channel, Map.of()).getOrDefault(state.dbValue(), 0L);
    }

    public long total(JobState state) {
        return counts().values().stream()
                .mapToLong(byState -> byState.getOrDefault(state.dbValue(), 0L))
                .sum();
    }

    /** The hourly chart's configuration for {@code p:chart}. */
    public String getThroughputChart() {
        return ThroughputChart.config(look().throughput());
    }

    /** What the hourly chart draws, in a sentence (its canvas's label). */
    public String getThroughputSummary() {
        return ThroughputChart.summary(look().throughput());
    }

    public List<FunctionTime> getSlowestFunctions() {
        return look().slowest();
    }

    public List<OldestWaiting> getOldestWaiting() {
        return look().oldest();
    }

    public String averageSeconds(FunctionTime function) {
        return JobTexts.seconds(Math.round(function.averageMillis()));
    }

    public String maxSeconds(FunctionTime function) {
        return JobTexts.seconds(function.maxMillis());
    }

    public String simpleFunctionName(String jobFunction) {
        return JobTexts.simpleFunctionName(jobFunction);
    }

    private Map<String, Map<String, Long>> counts() {
        return look().counts();
    }

    private Look look() {
        if (look == null) {
            look = dashboard.look();
        }
        return look;
    }
}
