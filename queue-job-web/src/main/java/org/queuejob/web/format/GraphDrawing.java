package org.queuejob.web.format;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.WrappingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import org.queuejob.domain.model.job.JobDependency;
import org.queuejob.domain.model.job.JobState;

/**
 * A graph of jobs drawn as SVG, left to right. The layout is the Eclipse Layout Kernel's layered algorithm (ELK
 * Layered, a Sugiyama layout): jobs in layers by their dependencies, crossings minimised, edges routed orthogonally
 * between the nodes, never through one (an edge that skips a level goes around the jobs of that level). A graph of
 * more than {@value #WRAP_FROM} jobs is wrapped into rows, so that a long chain makes a block the page can scroll and
 * zoom (app.js) rather than a line hundreds of thousands of pixels long. Nodes are coloured by state (CSS classes
 * {@code qj-node-<state>}) and link to their job page; the current job is outlined. Drawn on the server from numbers
 * and escaped texts only.
 */
public final class GraphDrawing {

    static final int NODE_WIDTH = 200;
    static final int NODE_HEIGHT = 46;
    static final double LAYER_GAP = 60;
    static final double NODE_GAP = 18;
    static final double MARGIN = 10;
    static final int LABEL_CHARS = 26;

    /** From this many jobs, the layers are wrapped into rows (about as wide as a screen is high, times 1.6). */
    static final int WRAP_FROM = 12;

    static {
        // Outside Eclipse, ELK knows its algorithms only once their providers are registered.
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    /**
     * One job as the drawing shows it: a box labelled with its description (its job function's simple name when it
     * has none) and its state, linking to its page.
     */
    public record Node(UUID uuid, String description, String jobFunction, JobState state) {}

    private GraphDrawing() {}

    public static String svg(List<Node> jobs, List<JobDependency> dependencies, UUID current, String contextPath) {
        ElkNode graph = ElkGraphUtil.createGraph();
        graph.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        graph.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        graph.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        graph.setProperty(CoreOptions.PADDING, new ElkPadding(MARGIN));
        graph.setProperty(CoreOptions.SPACING_NODE_NODE, NODE_GAP);
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, LAYER_GAP);
        if (jobs.size() >= WRAP_FROM) {
            graph.setProperty(LayeredOptions.WRAPPING_STRATEGY, WrappingStrategy.MULTI_EDGE);
            graph.setProperty(CoreOptions.ASPECT_RATIO, 1.6);
        }
        Map<UUID, ElkNode> nodes = new HashMap<>();
        for (Node job : jobs) {
            ElkNode node = ElkGraphUtil.createNode(graph);
            node.setDimensions(NODE_WIDTH, NODE_HEIGHT);
            nodes.put(job.uuid(), node);
        }
        for (JobDependency dependency : dependencies) {
            ElkNode parent = nodes.get(dependency.parent());
            ElkNode child = nodes.get(dependency.child());
            if (parent != null && child != null) {
                ElkGraphUtil.createSimpleEdge(parent, child);
            }
        }
        new RecursiveGraphLayoutEngine().layout(graph, new BasicProgressMonitor());

        long width = Math.round(Math.ceil(graph.getWidth()));
        long height = Math.round(Math.ceil(graph.getHeight()));
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qj-graph\" width=\"%d\" height=\"%d\""
                        + " viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Dependency graph\">",
                width,
                height,
                width,
                height));
        svg.append("<defs><marker id=\"qj-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\""
                + " markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\""
                + " class=\"qj-edge-head\"/></marker></defs>");
        for (ElkEdge edge : graph.getContainedEdges()) {
            for (ElkEdgeSection section : edge.getSections()) {
                svg.append("<path class=\"qj-edge\" marker-end=\"url(#qj-arrow)\" d=\"M ")
                        .append(number(section.getStartX()))
                        .append(' ')
                        .append(number(section.getStartY()));
                for (ElkBendPoint bend : section.getBendPoints()) {
                    svg.append(" L ").append(number(bend.getX())).append(' ').append(number(bend.getY()));
                }
                svg.append(" L ")
                        .append(number(section.getEndX()))
                        .append(' ')
                        .append(number(section.getEndY()))
                        .append("\"/>");
            }
        }
        for (Node job : jobs) {
            ElkNode node = nodes.get(job.uuid());
            long x = Math.round(node.getX());
            long y = Math.round(node.getY());
            String label = job.description() == null || job.description().isBlank()
                    ? JobTexts.simpleFunctionName(job.jobFunction())
                    : job.description();
            svg.append(String.format(
                    Locale.ROOT,
                    "<a href=\"%s/job.xhtml?uuid=%s\" class=\"qj-node-link\" id=\"node-%s\"><title>%s</title>"
                            + "<rect class=\"qj-node qj-node-%s%s\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\""
                            + " rx=\"6\"/><text class=\"qj-node-label\" x=\"%d\" y=\"%d\">%s</text>"
                            + "<text class=\"qj-node-state\" x=\"%d\" y=\"%d\">%s</text></a>",
                    Svg.escape(contextPath),
                    job.uuid(),
                    job.uuid(),
                    Svg.escape(label + " (" + job.state().label() + ")"),
                    job.state().dbValue(),
                    job.uuid().equals(current) ? " qj-node-current" : "",
                    x,
                    y,
                    NODE_WIDTH,
                    NODE_HEIGHT,
                    x + 10,
                    y + 19,
                    Svg.escape(Svg.abbreviate(label, LABEL_CHARS)),
                    x + 10,
                    y + 36,
                    Svg.escape(job.state().label())));
        }
        return svg.append("</svg>").toString();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
