package org.queuejob.web;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;
import org.omnifaces.util.Faces;
import org.queuejob.application.JobQueryService;
import org.queuejob.domain.model.job.JobDependency;
import org.queuejob.web.format.GraphDrawing;
import org.queuejob.web.format.JobTexts;

/**
 * The job page's graph: the jobs of the shown job's graph, as a table (rows of the job list, {@link JobRow}) and as a
 * drawing ({@link GraphDrawing}). Read once per drawing of the page.
 */
@Named
@ViewScoped
public class JobGraphBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    JobBacking page;

    @Inject
    JobQueryService jobQueries;

    /** Read again after deserialisation, as the job is ({@link JobBacking}). */
    private transient List<JobRow> graph;

    private transient List<JobDependency> dependencies;

    /** The jobs of this job's graph, oldest first; empty for a job outside a graph. */
    public List<JobRow> getGraphJobs() {
        loadGraph();
        return graph == null ? List.of() : graph;
    }

    /** The graph drawn as SVG: nodes coloured by state, each a link to its job. Every text in it is escaped. */
    public String getGraphSvg() {
        loadGraph();
        return graph == null || graph.isEmpty()
                ? ""
                : GraphDrawing.svg(nodes(graph), dependencies, page.getJob().uuid(), Faces.getRequestContextPath());
    }

    static List<GraphDrawing.Node> nodes(List<JobRow> jobs) {
        return jobs.stream()
                .map(job -> new GraphDrawing.Node(job.uuid(), job.description(), job.jobFunction(), job.state()))
                .toList();
    }

    private void loadGraph() {
        JobView job = page.getJob();
        if (graph == null && job != null && job.graphUuid() != null) {
            UUID graphUuid = job.graphUuid();
            graph = jobQueries.graphJobs(graphUuid).stream().map(JobRow::of).toList();
            dependencies = jobQueries.graphDependencies(graphUuid);
        }
    }

    /** The page is drawn again (an action was refused): the graph is read again too, once it is looked at. */
    void forget(@Observes(notifyObserver = Reception.IF_EXISTS) JobBacking.Drawn drawn) {
        graph = null;
    }

    public String simpleFunctionName(String jobFunction) {
        return JobTexts.simpleFunctionName(jobFunction);
    }
}
